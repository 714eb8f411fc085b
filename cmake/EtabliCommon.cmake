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
