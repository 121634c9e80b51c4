# The GUI benchmark: run `bench_gui [RULES]` (default 50,000); it prints its figures.
set(USERCHAIN_GUI_BENCH_DIR ${CMAKE_CURRENT_LIST_DIR}/gui)
add_executable(bench_gui
    ${USERCHAIN_GUI_BENCH_DIR}/bench_gui.cpp
    ${CMAKE_CURRENT_LIST_DIR}/../tests/gui/fixturesnapshot.cpp)
target_include_directories(bench_gui PRIVATE ${CMAKE_CURRENT_LIST_DIR}/../tests/gui)
target_link_libraries(bench_gui PRIVATE userchain-gui Qt6::Test)
target_compile_definitions(bench_gui PRIVATE
    USERCHAIN_SOURCE_DIR="${CMAKE_SOURCE_DIR}"
    USERCHAIN_BINARY_DIR="${CMAKE_BINARY_DIR}"
    USERCHAIN_FIXTURES_DIR="${CMAKE_SOURCE_DIR}/tests/data/fixtures")

# The documentation's screenshots: bench/gui/screenshots.sh runs this in the sandbox, under xvfb.
add_executable(gui_screenshots ${USERCHAIN_GUI_BENCH_DIR}/screenshots.cpp
    ${USERCHAIN_GUI_BENCH_DIR}/reviewshots.cpp ${USERCHAIN_GUI_BENCH_DIR}/reviewshots.h)
target_link_libraries(gui_screenshots PRIVATE userchain-gui Qt6::Test)
