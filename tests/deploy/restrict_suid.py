"""restrict_suid.py — runs a command under a seccomp filter like the one
systemd installs for RestrictSUIDSGID=yes (kiosk.service and
kiosk-usb-stage@.service set it): making or changing a file or folder with
the set-user-ID or set-group-ID bit in the mode fails with EPERM (chmod,
fchmod, fchmodat, mkdir, mkdirat, mknod, mknodat, creat, and open or openat
with O_CREAT), before the kernel looks at the path, so also for a folder
that is already there. Any chown fails with EPERM too, as both units'
SystemCallFilter=~@privileged (its @chown) has it, so a test run as root
cannot put right by chown what the kernel's set-group-ID inheritance did
not give. Everything else is allowed.
    restrict_suid.py COMMAND [ARG...]
Needs Debian's python3-seccomp (libseccomp's bindings)."""
import errno
import os
import stat
import sys

import seccomp

# (system call, index of its mode argument)
MODE_CALLS = (("chmod", 1), ("fchmod", 1), ("fchmodat", 2), ("mkdir", 1), ("mkdirat", 2),
              ("mknod", 1), ("mknodat", 2), ("creat", 1))
# (system call, index of its flags argument, index of its mode argument)
OPEN_CALLS = (("open", 1, 2), ("openat", 2, 3))
# systemd's @chown; those this machine's architecture lacks are left out.
CHOWN_CALLS = ("chown", "chown32", "fchown", "fchown32", "fchownat", "lchown", "lchown32")


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    f = seccomp.SyscallFilter(defaction=seccomp.ALLOW)
    deny = seccomp.ERRNO(errno.EPERM)
    for bit in (stat.S_ISUID, stat.S_ISGID):
        for call, mode in MODE_CALLS:
            f.add_rule(deny, call, seccomp.Arg(mode, seccomp.MASKED_EQ, bit, bit))
        for call, flags, mode in OPEN_CALLS:
            f.add_rule(deny, call, seccomp.Arg(flags, seccomp.MASKED_EQ, os.O_CREAT, os.O_CREAT),
                       seccomp.Arg(mode, seccomp.MASKED_EQ, bit, bit))
    for call in CHOWN_CALLS:
        try:
            f.add_rule(deny, call)
        except (RuntimeError, ValueError, OSError):
            pass   # not a system call here (chown32 on 64-bit machines)
    f.load()   # with no_new_privs, as systemd's
    os.execvp(sys.argv[1], sys.argv[1:])


if __name__ == "__main__":
    main()
