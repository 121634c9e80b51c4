# userchain-helper-bench: times the whole apply path (userchainctl -> D-Bus -> helper ->
# kernel) against iptables-legacy-restore -n, and a snapshot read against
# iptables-legacy-save. Run it with scripts/bench, which puts it inside scripts/sandbox.
add_executable(userchain-helper-bench ${CMAKE_CURRENT_SOURCE_DIR}/helper/helperbench.cpp)
target_link_libraries(userchain-helper-bench PRIVATE Qt6::Core)
target_compile_definitions(userchain-helper-bench PRIVATE
    USERCHAIN_BINARY_DIR="${CMAKE_BINARY_DIR}")
add_dependencies(userchain-helper-bench userchain-helper userchainctl)
