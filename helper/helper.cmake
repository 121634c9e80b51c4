# userchain-helper: the root D-Bus service. Included from helper/CMakeLists.txt, after the
# backends library. The adaptor is generated from the one XML contract; with the default
# ExportAdaptors nothing but what the XML names is callable on the bus.
set(USERCHAIN_HELPER1_XML ${CMAKE_SOURCE_DIR}/resources/io.github.userchain.Helper1.xml)
qt_add_dbus_adaptor(USERCHAIN_HELPER_ADAPTOR ${USERCHAIN_HELPER1_XML}
    helperservice.h Userchain::HelperService helper1adaptor Helper1Adaptor)

# Everything but main.cpp lives in a static library so that tests can drive the pieces
# (lock, daemon.json, snapshot building) without a bus.
add_library(userchain-helper-lib STATIC
    ${CMAKE_CURRENT_SOURCE_DIR}/helperservice.cpp ${CMAKE_CURRENT_SOURCE_DIR}/helperservice.h
    ${CMAKE_CURRENT_SOURCE_DIR}/calllimiter.cpp ${CMAKE_CURRENT_SOURCE_DIR}/calllimiter.h
    ${CMAKE_CURRENT_SOURCE_DIR}/callgate.cpp ${CMAKE_CURRENT_SOURCE_DIR}/callgate.h
    ${CMAKE_CURRENT_SOURCE_DIR}/backendchooser.cpp ${CMAKE_CURRENT_SOURCE_DIR}/backendchooser.h
    ${CMAKE_CURRENT_SOURCE_DIR}/backendworker.cpp ${CMAKE_CURRENT_SOURCE_DIR}/backendworker.h
    ${CMAKE_CURRENT_SOURCE_DIR}/chainwriter.cpp ${CMAKE_CURRENT_SOURCE_DIR}/chainwriter.h
    ${CMAKE_CURRENT_SOURCE_DIR}/applyjob.cpp ${CMAKE_CURRENT_SOURCE_DIR}/applyjob.h
    ${CMAKE_CURRENT_SOURCE_DIR}/persistencecalls.cpp ${CMAKE_CURRENT_SOURCE_DIR}/persistencecalls.h
    ${CMAKE_CURRENT_SOURCE_DIR}/transactionkeeper.cpp ${CMAKE_CURRENT_SOURCE_DIR}/transactionkeeper.h
    ${CMAKE_CURRENT_SOURCE_DIR}/polkitauthorizer.cpp ${CMAKE_CURRENT_SOURCE_DIR}/polkitauthorizer.h
    ${CMAKE_CURRENT_SOURCE_DIR}/xtableslock.cpp ${CMAKE_CURRENT_SOURCE_DIR}/xtableslock.h
    ${CMAKE_CURRENT_SOURCE_DIR}/transactionlock.cpp ${CMAKE_CURRENT_SOURCE_DIR}/transactionlock.h
    ${CMAKE_CURRENT_SOURCE_DIR}/pendingtransaction.cpp ${CMAKE_CURRENT_SOURCE_DIR}/pendingtransaction.h
    ${CMAKE_CURRENT_SOURCE_DIR}/snapshotbuilder.cpp ${CMAKE_CURRENT_SOURCE_DIR}/snapshotbuilder.h
    ${CMAKE_CURRENT_SOURCE_DIR}/dockerdaemonconfig.cpp ${CMAKE_CURRENT_SOURCE_DIR}/dockerdaemonconfig.h
    ${CMAKE_CURRENT_SOURCE_DIR}/dockercontainers.cpp ${CMAKE_CURRENT_SOURCE_DIR}/dockercontainers.h
    ${CMAKE_CURRENT_SOURCE_DIR}/applyvalidator.cpp ${CMAKE_CURRENT_SOURCE_DIR}/applyvalidator.h
    ${CMAKE_CURRENT_SOURCE_DIR}/rulesfileimport.cpp ${CMAKE_CURRENT_SOURCE_DIR}/rulesfileimport.h
    ${CMAKE_CURRENT_SOURCE_DIR}/persistentstore.cpp ${CMAKE_CURRENT_SOURCE_DIR}/persistentstore.h
    ${CMAKE_CURRENT_SOURCE_DIR}/savedfilecache.cpp ${CMAKE_CURRENT_SOURCE_DIR}/savedfilecache.h
    ${CMAKE_CURRENT_SOURCE_DIR}/savedrestorer.cpp ${CMAKE_CURRENT_SOURCE_DIR}/savedrestorer.h
    ${CMAKE_CURRENT_SOURCE_DIR}/unitrestore.cpp ${CMAKE_CURRENT_SOURCE_DIR}/unitrestore.h
    ${USERCHAIN_HELPER_ADAPTOR}
)
userchain_precompile_qt(userchain-helper-lib <QtDBus/QDBusContext>)
target_include_directories(userchain-helper-lib PUBLIC ${CMAKE_CURRENT_SOURCE_DIR}
                                                       ${CMAKE_CURRENT_BINARY_DIR})
target_link_libraries(userchain-helper-lib PUBLIC userchain-core userchain-backend Qt6::Core
                                                  Qt6::DBus)

add_executable(userchain-helper ${CMAKE_CURRENT_SOURCE_DIR}/main.cpp)
target_link_libraries(userchain-helper PRIVATE userchain-helper-lib)
install(TARGETS userchain-helper RUNTIME DESTINATION ${CMAKE_INSTALL_LIBEXECDIR})
