# userchain-parser-bench: microseconds per rule for RuleParser::parse and Rule::toString over
# the oracle corpus (tests/data/corpus-v4.rules, corpus-v6.rules), in the spellings people type
# and in canonical form (what the helper gets from clients). Prints figures; not run by ctest.
add_executable(userchain-parser-bench ${CMAKE_CURRENT_LIST_DIR}/parser-bench.cpp)
target_link_libraries(userchain-parser-bench PRIVATE userchain-core Qt6::Core)
target_compile_definitions(userchain-parser-bench PRIVATE
    USERCHAIN_TEST_DATA_DIR="${CMAKE_SOURCE_DIR}/tests/data")
