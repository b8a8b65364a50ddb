# aarch64.cmake — CMake toolchain for arm64 (Raspberry Pi OS 64-bit, Pi 3/4/5):
# gcc-aarch64-linux-gnu, libraries from the arm64 multiarch -dev packages,
# tests under qemu-aarch64-static. Used by tests/arm/run.sh.
set(CMAKE_SYSTEM_PROCESSOR aarch64)
set(KIOSK_TRIPLET aarch64-linux-gnu)
set(KIOSK_QEMU qemu-aarch64-static)
include(${CMAKE_CURRENT_LIST_DIR}/cross.cmake)
