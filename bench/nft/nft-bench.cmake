# nft-bench: an NftBackend session replacing DOCKER-USER vs a plain iptables-nft-restore -n of 10,000 rules.
# Prints figures; run by hand as root (it enters its own network namespace).
add_executable(nft-bench ${CMAKE_CURRENT_LIST_DIR}/nft-bench.cpp)
target_link_libraries(nft-bench PRIVATE userchain-backend)
