# Tests of userchain-helper. tst_helperunits needs nothing; the others re-run themselves
# inside scripts/sandbox (network namespace, private bus, real polkitd) as root, and drive
# the helper through userchainctl, the generated proxy, or raw D-Bus messages.
if(TARGET userchain-helper-lib)
    userchain_add_test(tst_helperunits
        SOURCES helper/tst_helperunits.cpp
        LIBS userchain-helper-lib
        TIMEOUT 120)
    # The revision's definition, and the memo of revisions answering only for equal content.
    userchain_add_test(tst_helperrevision
        SOURCES helper/tst_helperrevision.cpp
        LIBS userchain-helper-lib
        TIMEOUT 120)
    # The Docker API client against fake sockets (no Docker, no root).
    userchain_add_test(tst_dockercontainers
        SOURCES helper/tst_dockercontainers.cpp
        LIBS userchain-helper-lib
        TIMEOUT 60)

    # ChainWriter and the callers that need no bus, on the real kernel in private network
    # namespaces (tests/common/netns.h); root, or skipped.
    userchain_add_test(tst_chainwriter
        SOURCES helper/tst_chainwriter.cpp common/netns.cpp common/netns.h
        LIBS userchain-helper-lib
        LABELS netns
        TIMEOUT 300)
    set_tests_properties(tst_chainwriter PROPERTIES SKIP_RETURN_CODE 77)

    set(USERCHAIN_SANDBOX_TEST_LIBS userchain-helper-lib userchainctl-lib)
    foreach(name show apply confirm badinput auth nft persist flood worker killed remote crash)
        userchain_add_test(tst_helper${name}
            SOURCES helper/tst_helper${name}.cpp helper/testsandbox.cpp helper/testsandbox.h
            LIBS ${USERCHAIN_SANDBOX_TEST_LIBS}
            LABELS sandbox
            TIMEOUT 600)
        target_include_directories(tst_helper${name} PRIVATE ${CMAKE_CURRENT_SOURCE_DIR}/helper)
        # The scenario runs the built helper and client; build them with the test.
        add_dependencies(tst_helper${name} userchain-helper userchainctl)
    endforeach()
    # The same persistence scenario on a host whose Docker chains are in nf_tables, in a
    # sandbox of its own (no legacy table may exist there).
    userchain_add_test(tst_helperpersistnft
        SOURCES helper/tst_helperpersist.cpp helper/testsandbox.cpp helper/testsandbox.h
        LIBS ${USERCHAIN_SANDBOX_TEST_LIBS}
        LABELS sandbox
        TIMEOUT 600)
    target_include_directories(tst_helperpersistnft PRIVATE ${CMAKE_CURRENT_SOURCE_DIR}/helper)
    target_compile_definitions(tst_helperpersistnft PRIVATE USERCHAIN_PERSIST_NFT)
    add_dependencies(tst_helperpersistnft userchain-helper userchainctl)
    # The crash test again on nf_tables, in a sandbox of its own (no legacy table may exist).
    userchain_add_test(tst_helpercrashnft
        SOURCES helper/tst_helpercrash.cpp helper/testsandbox.cpp helper/testsandbox.h
        LIBS ${USERCHAIN_SANDBOX_TEST_LIBS}
        LABELS sandbox
        TIMEOUT 600)
    target_include_directories(tst_helpercrashnft PRIVATE ${CMAKE_CURRENT_SOURCE_DIR}/helper)
    target_compile_definitions(tst_helpercrashnft PRIVATE USERCHAIN_CRASH_NFT)
    add_dependencies(tst_helpercrashnft userchain-helper userchainctl)
    # scripts/sandbox --netns waits on the xtables lock of that namespace's own writer.
    add_test(NAME sandbox_netns_lock
             COMMAND ${CMAKE_CURRENT_SOURCE_DIR}/helper/sandbox-netns-lock.sh ${CMAKE_SOURCE_DIR}
                     ${CMAKE_BINARY_DIR})
    set_tests_properties(sandbox_netns_lock PROPERTIES TIMEOUT 300 LABELS sandbox)
    # A real dockerd starting after the saved rules were loaded, on both iptables variants.
    foreach(variant legacy nft)
        add_test(NAME docker_boot_restore_${variant}
                 COMMAND ${CMAKE_CURRENT_SOURCE_DIR}/helper/docker-boot-restore.sh
                         ${CMAKE_SOURCE_DIR} ${CMAKE_BINARY_DIR} ${variant})
        set_tests_properties(docker_boot_restore_${variant} PROPERTIES TIMEOUT 300
                             LABELS sandbox RUN_SERIAL TRUE)
    endforeach()
    # A real dockerd whose running container the helper reads (the snapshot, the lint of an
    # address no container has); a checker program run by the script inside the sandbox.
    add_executable(tst_helperdocker helper/tst_helperdocker.cpp)
    target_link_libraries(tst_helperdocker PRIVATE Qt6::Test userchainctl-lib)
    target_compile_definitions(tst_helperdocker PRIVATE QT_FORCE_ASSERTS)
    add_dependencies(tst_helperdocker userchain-helper userchainctl)
    add_test(NAME tst_helperdocker
             COMMAND ${CMAKE_CURRENT_SOURCE_DIR}/helper/docker-containers.sh ${CMAKE_SOURCE_DIR}
                     ${CMAKE_BINARY_DIR} $<TARGET_FILE:tst_helperdocker>)
    set_tests_properties(tst_helperdocker PROPERTIES TIMEOUT 300 LABELS sandbox RUN_SERIAL TRUE)
    set_tests_properties(tst_helpershow tst_helperapply tst_helperconfirm tst_helperbadinput
                         tst_helperauth tst_helpernft tst_helperpersist tst_helperpersistnft
                         tst_helperflood tst_helperworker tst_helperkilled tst_helperremote
                         tst_helpercrash tst_helpercrashnft sandbox_netns_lock
                         PROPERTIES RUN_SERIAL TRUE)
endif()
