# GUI tests: models and commands, wizards, the window with a fake helper, and the end-to-end
# test in scripts/sandbox. All link userchain-gui, as the executable does.
set(USERCHAIN_GUI_TEST_DIR ${CMAKE_CURRENT_LIST_DIR}/gui)
add_library(userchain-gui-testsupport STATIC
    ${USERCHAIN_GUI_TEST_DIR}/fixturesnapshot.cpp ${USERCHAIN_GUI_TEST_DIR}/fixturesnapshot.h
    ${USERCHAIN_GUI_TEST_DIR}/fakehelperclient.cpp ${USERCHAIN_GUI_TEST_DIR}/fakehelperclient.h
    ${USERCHAIN_GUI_TEST_DIR}/windowharness.cpp ${USERCHAIN_GUI_TEST_DIR}/windowharness.h
    ${USERCHAIN_GUI_TEST_DIR}/wizarddriver.cpp ${USERCHAIN_GUI_TEST_DIR}/wizarddriver.h
    ${USERCHAIN_GUI_TEST_DIR}/wcagcontrast.h)
target_include_directories(userchain-gui-testsupport PUBLIC ${USERCHAIN_GUI_TEST_DIR})
target_link_libraries(userchain-gui-testsupport PUBLIC userchain-gui Qt6::Test)
target_compile_definitions(userchain-gui-testsupport PUBLIC
    USERCHAIN_FIXTURES_DIR="${USERCHAIN_FIXTURES_DIR}")

foreach(name ruletablemodel wizards wizardplacement mainwindow editing layouts families
             persistence translation newcomer accessibility exposure lints
             packettest remote)
    userchain_add_test(tst_gui_${name}
        SOURCES ${USERCHAIN_GUI_TEST_DIR}/tst_${name}.cpp
        LIBS userchain-gui-testsupport Qt6::Widgets
        TIMEOUT 120)
endforeach()

# The guide, the explanation of DOCKER-USER, the legend, and the words of notices.
userchain_add_test(tst_gui_help
    SOURCES ${USERCHAIN_GUI_TEST_DIR}/tst_help.cpp
    LIBS userchain-gui-testsupport Qt6::Widgets
    TIMEOUT 120)

# Needs root, unshare and the helper built in the same tree; it skips itself otherwise.
userchain_add_test(tst_gui_sandbox
    SOURCES ${USERCHAIN_GUI_TEST_DIR}/tst_sandbox.cpp
    LIBS userchain-gui-testsupport Qt6::Widgets
    TIMEOUT 300)

# The window against a remote host over the real ssh: scripts/sandbox --sshd (server and
# workstation namespaces), as tests/helper/tst_helperremote does for userchainctl. Needs root;
# it re-runs itself inside the sandbox (tests/helper/testsandbox.h).
userchain_add_test(tst_gui_sandboxremote
    SOURCES ${USERCHAIN_GUI_TEST_DIR}/tst_sandboxremote.cpp
            ${CMAKE_CURRENT_LIST_DIR}/helper/testsandbox.cpp
            ${CMAKE_CURRENT_LIST_DIR}/helper/testsandbox.h
    LIBS userchain-gui-testsupport Qt6::Widgets
    LABELS sandbox
    TIMEOUT 300)
target_include_directories(tst_gui_sandboxremote PRIVATE ${CMAKE_CURRENT_LIST_DIR}/helper)
set_tests_properties(tst_gui_sandboxremote PROPERTIES RUN_SERIAL TRUE)
if(TARGET userchain-helper)
    add_dependencies(tst_gui_sandboxremote userchain-helper userchainctl)
endif()

# The German translation covers every string of the sources: lupdate over copies of the .ts
# files (translations/update.sh --check) must find nothing new to translate.
add_test(NAME tst_gui_translations_current
         COMMAND ${CMAKE_SOURCE_DIR}/translations/update.sh --check $<TARGET_FILE:Qt6::lupdate>)
set_tests_properties(tst_gui_translations_current PROPERTIES TIMEOUT 120 LABELS i18n)
