# The nf_tables backend, added to the backend library that helper/backends/CMakeLists.txt
# defines: netlink through libmnl and libnftnl (reading and writing the kernel's rules), and
# ToolRunner for the few tool calls that remain.
pkg_check_modules(NFTNL REQUIRED IMPORTED_TARGET libnftnl libmnl)
target_sources(userchain-backend PRIVATE
    # `-i +` as the kernel holds it; IptcBackend uses it too (here, beside its first user).
    ${CMAKE_CURRENT_LIST_DIR}/anyinterface.cpp
    # ipset's netlink interface, on the same netfilter netlink socket (NftNetlink).
    ${CMAKE_CURRENT_LIST_DIR}/ipsetreader.cpp
    ${CMAKE_CURRENT_LIST_DIR}/kernelrevisions.cpp
    ${CMAKE_CURRENT_LIST_DIR}/nftbackend.cpp
    ${CMAKE_CURRENT_LIST_DIR}/nftentry.cpp
    ${CMAKE_CURRENT_LIST_DIR}/nftnativeforms.cpp
    ${CMAKE_CURRENT_LIST_DIR}/nftnetlink.cpp
    ${CMAKE_CURRENT_LIST_DIR}/nftreader.cpp
    ${CMAKE_CURRENT_LIST_DIR}/nftrulecheck.cpp
    ${CMAKE_CURRENT_LIST_DIR}/nftruledecoder.cpp
    ${CMAKE_CURRENT_LIST_DIR}/nftruleencoder.cpp
    ${CMAKE_CURRENT_LIST_DIR}/nftsession.cpp
    ${CMAKE_CURRENT_LIST_DIR}/nftwriter.cpp
    ${CMAKE_CURRENT_LIST_DIR}/nfttranslator.cpp
    ${CMAKE_CURRENT_LIST_DIR}/toolrunner.cpp)
target_link_libraries(userchain-backend PRIVATE PkgConfig::NFTNL)
