# The nf_tables backend (iptables-nft-save/-restore through ToolRunner), added to the backend
# library that helper/backends/CMakeLists.txt defines.
target_sources(userchain-backend PRIVATE ${CMAKE_CURRENT_LIST_DIR}/nftbackend.cpp
                                         ${CMAKE_CURRENT_LIST_DIR}/toolrunner.cpp)
