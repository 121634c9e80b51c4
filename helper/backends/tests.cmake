# Tests of the helper's backends (EntryCodec, IptcBackend, BackendDetector). Included from
# tests/CMakeLists.txt, so CMAKE_CURRENT_SOURCE_DIR is tests/. Each program re-executes itself
# under `unshare --net` (tests/common/netns.cpp) and so never touches the host's tables;
# it needs root, and exits with 77 (skipped) without it.
if(TARGET userchain-backend)
    set(USERCHAIN_BACKEND_TEST_DIR ${CMAKE_CURRENT_SOURCE_DIR}/backends)
    foreach(name entrycodec iptcbackend iptccaches backenddetector ipsetreader)
        userchain_add_test(tst_${name}
            SOURCES ${USERCHAIN_BACKEND_TEST_DIR}/tst_${name}.cpp
                    ${USERCHAIN_TEST_COMMON_DIR}/netns.cpp ${USERCHAIN_TEST_COMMON_DIR}/netns.h
                    ${USERCHAIN_TEST_COMMON_DIR}/backendwrite.cpp
                    ${USERCHAIN_TEST_COMMON_DIR}/backendwrite.h
            LIBS userchain-backend
            LABELS netns
            TIMEOUT 600)
        target_include_directories(tst_${name} PRIVATE ${USERCHAIN_BACKEND_TEST_DIR})
        set_tests_properties(tst_${name} PROPERTIES SKIP_RETURN_CODE 77)
    endforeach()
endif()
