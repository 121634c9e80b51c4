# Install and packaging checks (scripts in tests/install/): the shipped files pass their own
# validators, `cmake --install` into a DESTDIR installs exactly tests/install/expected-files.txt
# with the helper's installed path where files name it, and `cpack -G DEB` makes a package that
# installs and purges cleanly in a throwaway root. A script exits 77 when a tool it needs is
# missing, which ctest reports as skipped, never as passed (scripts/deps test installs them).
set(USERCHAIN_INSTALL_TEST_DIR ${CMAKE_CURRENT_SOURCE_DIR}/install)
if(USERCHAIN_BUILD_GUI)
    set(USERCHAIN_INSTALL_TEST_GUI ON)
else()
    set(USERCHAIN_INSTALL_TEST_GUI OFF)
endif()

function(userchain_add_install_test name script)
    add_test(NAME ${name} COMMAND ${USERCHAIN_INSTALL_TEST_DIR}/${script} ${ARGN})
    set_tests_properties(${name} PROPERTIES SKIP_RETURN_CODE 77 TIMEOUT 300 LABELS install)
endfunction()

# The files as they are in the tree.
userchain_add_install_test(install_desktop_metainfo check-desktop.sh ${CMAKE_SOURCE_DIR}
                           ${PROJECT_VERSION})
userchain_add_install_test(install_screenshots check-screenshots.sh ${CMAKE_SOURCE_DIR})
userchain_add_install_test(install_xml check-xml.sh ${CMAKE_SOURCE_DIR})
userchain_add_install_test(install_scripts check-scripts.sh ${CMAKE_SOURCE_DIR})
userchain_add_install_test(install_flatpak_manifest check-flatpak.py ${CMAKE_SOURCE_DIR})
# Compared with what the built userchainctl says in --help.
userchain_add_install_test(install_man_pages check-man.sh ${CMAKE_SOURCE_DIR}
                           $<TARGET_FILE:userchainctl>)
userchain_add_install_test(install_completion check-completion.sh ${CMAKE_SOURCE_DIR}
                           $<TARGET_FILE:userchainctl>)

# Installs of the built tree (the build must be complete: ctest does not build).
userchain_add_install_test(install_tree check-install.sh ${CMAKE_BINARY_DIR}
                           ${USERCHAIN_INSTALL_TEST_GUI})
userchain_add_install_test(install_systemd check-systemd.sh ${CMAKE_BINARY_DIR})
userchain_add_install_test(install_dbus check-dbus.sh ${CMAKE_BINARY_DIR})
userchain_add_install_test(package_deb check-deb.sh ${CMAKE_BINARY_DIR} ${PROJECT_VERSION}
                           ${USERCHAIN_INSTALL_TEST_GUI})
set_tests_properties(package_deb PROPERTIES LABELS "install;package")
# Each writes the build tree's install_manifest.txt (cpack too); one at a time.
set_tests_properties(install_tree install_systemd install_dbus package_deb PROPERTIES
                     RESOURCE_LOCK userchain_install_manifest)
