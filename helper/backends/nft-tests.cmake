# Tests of the nf_tables backend. tst_nftbackend re-executes itself under `unshare --net`, so it
# uses the real iptables-nft tools and kernel without touching the host's tables.
userchain_add_test(tst_nftbackend
    SOURCES backends/tst_nftbackend.cpp common/netns.cpp common/netns.h common/backendwrite.cpp
            common/backendwrite.h
    LIBS userchain-backend TIMEOUT 300)
target_include_directories(tst_nftbackend PRIVATE ${CMAKE_CURRENT_SOURCE_DIR}/backends)
# What NftBackend remembers of DOCKER-USER between sessions (by the ruleset's generation), on the
# real kernel in private network namespaces.
userchain_add_test(tst_nftremembered
    SOURCES backends/tst_nftremembered.cpp common/netns.cpp common/netns.h
            common/backendwrite.cpp common/backendwrite.h
    LIBS userchain-backend TIMEOUT 300)
target_include_directories(tst_nftremembered PRIVATE ${CMAKE_CURRENT_SOURCE_DIR}/backends)
