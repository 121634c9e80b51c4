# The shared library: parser, writer, restore files; the oracle tests use the real iptables.
userchain_add_test(tst_ruleparser SOURCES core/tst_ruleparser.cpp LIBS userchain-core)
userchain_add_test(tst_restorefile SOURCES core/tst_restorefile.cpp LIBS userchain-core)
userchain_add_test(tst_badinput SOURCES core/tst_badinput.cpp core/netns.cpp LIBS userchain-core)
userchain_add_test(tst_oracle SOURCES core/tst_oracle.cpp core/netns.cpp LIBS userchain-core TIMEOUT 600)
userchain_add_test(tst_rulediff SOURCES core/tst_rulediff.cpp LIBS userchain-core)
userchain_add_test(tst_reachability SOURCES core/tst_reachability.cpp LIBS userchain-core)
userchain_add_test(tst_rulerebase SOURCES core/tst_rulerebase.cpp LIBS userchain-core)
