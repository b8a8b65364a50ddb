# cross.cmake — what aarch64.cmake and armhf.cmake share: Debian's cross
# compiler for KIOSK_TRIPLET, the foreign architecture's multiarch libraries
# (libsdl2-dev:ARCH and the rest) found through pkg-config, and the tests run
# under qemu-user (ctest prefixes every test program with the emulator).
set(CMAKE_SYSTEM_NAME Linux)
set(CMAKE_C_COMPILER ${KIOSK_TRIPLET}-gcc)
set(CMAKE_LIBRARY_ARCHITECTURE ${KIOSK_TRIPLET})
# Only the foreign architecture's .pc files: never the build machine's.
set(ENV{PKG_CONFIG_LIBDIR} "/usr/lib/${KIOSK_TRIPLET}/pkgconfig:/usr/share/pkgconfig")
unset(ENV{PKG_CONFIG_PATH})
set(ENV{PKG_CONFIG_SYSROOT_DIR} "")
# Libraries and headers of the target only; programs (pkg-config, qemu) of
# the build machine.
set(CMAKE_FIND_ROOT_PATH /usr/lib/${KIOSK_TRIPLET} /usr/include/${KIOSK_TRIPLET})
set(CMAKE_FIND_ROOT_PATH_MODE_PROGRAM NEVER)
set(CMAKE_FIND_ROOT_PATH_MODE_LIBRARY ONLY)
set(CMAKE_FIND_ROOT_PATH_MODE_INCLUDE BOTH)
set(CMAKE_CROSSCOMPILING_EMULATOR ${KIOSK_QEMU})
