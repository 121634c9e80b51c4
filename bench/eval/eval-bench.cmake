# userchain-eval-bench: Exposure for 20 published ports with 50 and 10,000 DOCKER-USER rules,
# and PacketTracer per packet. Prints figures; not run by ctest.
add_executable(userchain-eval-bench ${CMAKE_CURRENT_LIST_DIR}/eval-bench.cpp)
target_link_libraries(userchain-eval-bench PRIVATE userchain-core Qt6::Core)
