# Tests of userchainctl that need no helper: the offline `check` command.
if(TARGET userchainctl-lib)
    userchain_add_test(tst_clicheck
        SOURCES cli/tst_clicheck.cpp
        LIBS userchainctl-lib
        TIMEOUT 60)
    add_dependencies(tst_clicheck userchainctl)
endif()
# trace and exposure on saved rulesets (--file): no helper, no root.
if(TARGET userchainctl-lib)
    userchain_add_test(tst_clieval SOURCES cli/tst_clieval.cpp LIBS Qt6::Core TIMEOUT 60)
    add_dependencies(tst_clieval userchainctl)
endif()
