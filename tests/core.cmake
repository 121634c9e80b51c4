# The shared library: parser, writer, restore files; the oracle tests use the real iptables.
userchain_add_test(tst_ruleparser SOURCES core/tst_ruleparser.cpp LIBS userchain-core)
userchain_add_test(tst_restorefile SOURCES core/tst_restorefile.cpp LIBS userchain-core)
# An import that recalls the lines of the file before it gives what a fresh import gives.
userchain_add_test(tst_importmemo SOURCES core/tst_importmemo.cpp LIBS userchain-core)
userchain_add_test(tst_badinput SOURCES core/tst_badinput.cpp common/netns.cpp LIBS userchain-core)
userchain_add_test(tst_oracle SOURCES core/tst_oracle.cpp common/netns.cpp LIBS userchain-core TIMEOUT 600)
userchain_add_test(tst_rulediff SOURCES core/tst_rulediff.cpp LIBS userchain-core)
userchain_add_test(tst_reachability SOURCES core/tst_reachability.cpp LIBS userchain-core)
userchain_add_test(tst_rulerebase SOURCES core/tst_rulerebase.cpp LIBS userchain-core)
# The evaluator (what the rules do to a packet, and to classes of packets).
userchain_add_test(tst_packettracer SOURCES core/tst_packettracer.cpp core/evalfixtures.h LIBS userchain-core)
# Kernel truth: the evaluator against real packets in network namespaces (needs root).
userchain_add_test(tst_kerneltruth SOURCES core/tst_kerneltruth.cpp core/rawpacket.cpp core/rawpacket.h
    LIBS userchain-core TIMEOUT 600)
userchain_add_test(tst_exposure SOURCES core/tst_exposure.cpp core/evalfixtures.h LIBS userchain-core)
userchain_add_test(tst_exposuresummary SOURCES core/tst_exposuresummary.cpp core/evalfixtures.h
    LIBS userchain-core)
# Remote hosts: what --host accepts and the unixexec address made from it.
userchain_add_test(tst_bustarget SOURCES core/tst_bustarget.cpp LIBS userchain-core)
# Lints of DOCKER-USER's rules on Docker's layouts (each kind where true, none where unsure).
userchain_add_test(tst_rulelints SOURCES core/tst_rulelints.cpp core/evalfixtures.h LIBS userchain-core)
userchain_add_test(tst_helpererrorkind SOURCES core/tst_helpererrorkind.cpp LIBS userchain-core)
userchain_add_test(tst_rulerefusal SOURCES core/tst_rulerefusal.cpp LIBS userchain-core)
