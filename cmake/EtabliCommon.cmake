# One INTERFACE target carries the build settings every Établi target shares
# (the qBittorrent CommonConfig idea): link it and you get them all.
add_library(etabli_build_settings INTERFACE)

target_compile_features(etabli_build_settings INTERFACE cxx_std_23)
target_compile_definitions(etabli_build_settings INTERFACE
    QT_NO_CAST_FROM_ASCII
    QT_NO_CAST_TO_ASCII
    QT_NO_CONTEXTLESS_CONNECT
    QT_NO_URL_CAST_FROM_STRING
    QT_NO_NARROWING_CONVERSIONS_IN_CONNECT
    QT_DISABLE_DEPRECATED_UP_TO=0x060400
    ETABLI_VERSION="${PROJECT_VERSION}")
target_compile_options(etabli_build_settings INTERFACE
    -Wall -Wextra -Wpedantic -Wold-style-cast -Wshadow=local -Wnon-virtual-dtor)

if(ETABLI_WERROR)
    target_compile_options(etabli_build_settings INTERFACE -Werror)
endif()

if(ETABLI_SANITIZE)
    target_compile_options(etabli_build_settings INTERFACE
        -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined)
    target_link_options(etabli_build_settings INTERFACE -fsanitize=address,undefined)
endif()

# ccache, when installed (scripts/setup.sh installs it), makes a rebuild of
# unchanged sources of the same tree nearly free. Deliberately not shared
# between clones (no CCACHE_BASEDIR): a precompiled header from another clone
# names that clone's files, and a clean clone then failed to build
# (docs/development.md). The sloppiness lets it cache files compiled with a
# precompiled header; the inode cache hashes each precompiled header (150 MB
# or more) once instead of once per file.
option(ETABLI_CCACHE "Compile through ccache when it is installed" ON)
find_program(ETABLI_CCACHE_PROGRAM ccache)
if(ETABLI_CCACHE AND ETABLI_CCACHE_PROGRAM)
    set(CMAKE_CXX_COMPILER_LAUNCHER
        ${CMAKE_COMMAND} -E env
        CCACHE_SLOPPINESS=pch_defines,time_macros,include_file_mtime,include_file_ctime
        CCACHE_INODECACHE=true
        ${ETABLI_CCACHE_PROGRAM})
endif()

# Precompiled headers: the Qt and standard headers nearly every file of a
# target includes, parsed once per target instead of once per file.
set(ETABLI_PCH_CORE
    <QString> <QStringList> <QList> <QHash> <QMap> <QSet> <QVariant> <QDate> <QDateTime>
    <QLocale> <QCoreApplication> <QJsonObject> <QJsonArray> <QJsonDocument> <QFile> <QDir>
    <memory> <vector> <optional> <expected> <functional> <algorithm> <string>)
set(ETABLI_PCH_GUI
    ${ETABLI_PCH_CORE}
    <QWidget> <QDialog> <QLabel> <QComboBox> <QPushButton> <QLineEdit> <QTableWidget> <QTableView>
    <QHeaderView> <QVBoxLayout> <QHBoxLayout> <QFormLayout> <QMessageBox> <QDateEdit> <QListWidget>
    <QDialogButtonBox> <QCheckBox> <QSpinBox> <QTabWidget> <QTextDocument>)
set(ETABLI_PCH_PRINT
    ${ETABLI_PCH_CORE} <QTextDocument> <QTextCursor> <QTextTable> <QPainter> <QPageLayout>)
