# The desktop GUI. Everything but main() lives in the static library userchain-gui so that the
# tests and the benchmark link the same code as the executable (as KeePassXC's keepassxc_gui).
set(USERCHAIN_UI_DIR ${CMAKE_CURRENT_LIST_DIR}/../ui)

# The client proxy is generated from the one D-Bus contract; dbustypes.h gives it the typed
# payloads named by the XML's QtTypeName annotations.
set(USERCHAIN_HELPER_XML ${CMAKE_CURRENT_LIST_DIR}/../resources/io.github.userchain.Helper1.xml)
set_source_files_properties(${USERCHAIN_HELPER_XML} PROPERTIES
    INCLUDE dbustypes.h CLASSNAME Helper1Proxy NO_NAMESPACE ON)
qt_add_dbus_interface(USERCHAIN_GUI_DBUS ${USERCHAIN_HELPER_XML} helper1proxy)

file(GLOB USERCHAIN_GUI_SOURCES CONFIGURE_DEPENDS
    ${CMAKE_CURRENT_LIST_DIR}/*.cpp ${CMAKE_CURRENT_LIST_DIR}/*.h)
list(REMOVE_ITEM USERCHAIN_GUI_SOURCES ${CMAKE_CURRENT_LIST_DIR}/main.cpp)
file(GLOB USERCHAIN_GUI_FORMS CONFIGURE_DEPENDS ${USERCHAIN_UI_DIR}/*.ui)

add_library(userchain-gui STATIC
    ${USERCHAIN_GUI_SOURCES} ${USERCHAIN_GUI_FORMS} ${USERCHAIN_GUI_DBUS}
    ${CMAKE_CURRENT_LIST_DIR}/../resources/userchain.qrc)
userchain_precompile_qt(userchain-gui <QWidget> <QLabel> <QLineEdit> <QComboBox>
    <QPushButton> <QBoxLayout> <QAbstractItemModel> <QUndoStack> <QDialog>)
set_target_properties(userchain-gui PROPERTIES
    AUTOMOC ON AUTOUIC ON AUTORCC ON AUTOUIC_SEARCH_PATHS ${USERCHAIN_UI_DIR})
target_include_directories(userchain-gui PUBLIC ${CMAKE_CURRENT_LIST_DIR} ${CMAKE_CURRENT_BINARY_DIR})
# Network: QLocalServer, the local end of the GUI's ssh tunnel (SshTunnel).
target_link_libraries(userchain-gui PUBLIC userchain-core Qt6::Widgets Qt6::DBus Qt6::Network)

add_executable(userchain ${CMAKE_CURRENT_LIST_DIR}/main.cpp)
target_link_libraries(userchain PRIVATE userchain-gui)
target_compile_definitions(userchain PRIVATE USERCHAIN_VERSION="${PROJECT_VERSION}")
install(TARGETS userchain RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})

# Translations: translations/userchain_LANG.ts become .qm files embedded under :/i18n in the
# library (static: the resource's object library reaches every target that links it), so none
# is installed; Translations (app/translations.*) loads the one for the system locale. The
# template translations/userchain.ts has no language and is not built.
# translations/update.sh refreshes the .ts files, also from core/ (whose contexts lupdate cannot
# see on its own); `ninja update_translations` runs it instead of a plain lupdate pass.
set(QT_GLOBAL_LUPDATE_TARGET userchain_plain_lupdate)
qt_add_translations(userchain-gui
    TS_FILES ${CMAKE_SOURCE_DIR}/translations/userchain_de.ts
    RESOURCE_PREFIX /i18n
    OUTPUT_TARGETS USERCHAIN_GUI_TRANSLATION_TARGETS
    LRELEASE_OPTIONS -silent)
add_custom_target(update_translations
    COMMAND ${CMAKE_SOURCE_DIR}/translations/update.sh $<TARGET_FILE:Qt6::lupdate>
    WORKING_DIRECTORY ${CMAKE_SOURCE_DIR}
    VERBATIM)
