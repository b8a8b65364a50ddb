# armhf.cmake — CMake toolchain for armhf (Raspberry Pi OS 32-bit, still on
# many Pi 3s): gcc-arm-linux-gnueabihf, libraries from the armhf multiarch
# -dev packages, tests under qemu-arm-static. Used by tests/arm/run.sh.
set(CMAKE_SYSTEM_PROCESSOR arm)
set(KIOSK_TRIPLET arm-linux-gnueabihf)
set(KIOSK_QEMU qemu-arm-static)
include(${CMAKE_CURRENT_LIST_DIR}/cross.cmake)
