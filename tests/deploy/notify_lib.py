"""notify_lib.py — systemd's side of sd_notify for the tests that run the
kiosk (or tests/deploy/notify_driver.c) as a Type=notify service would: a
NOTIFY_SOCKET to read, the environment that points a process at it, every
message with the time it came, and the gaps between WATCHDOG=1 pings.
Imported by the Python harnesses of tests/deploy/notify.sh, kiosk_notify.sh
and tests/e2e/picture_bomb.sh (not a test itself: not *.sh)."""
import os
import socket
import time


class Notify:
    def __init__(self, tmp, timeout=0.1):
        """A socket in folder tmp; recv waits timeout s before drain looks
        whether the process has ended."""
        self.path = os.path.join(tmp, "notify.sock")
        self.sock = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
        self.sock.bind(self.path)
        self.sock.settimeout(timeout)
        self.msgs = []   # (time.monotonic() it came, "READY=1")

    def env(self, watchdog_usec):
        """os.environ for the child: NOTIFY_SOCKET, WATCHDOG_USEC, X11, and
        no WATCHDOG_PID (the pings are meant for whichever process reads it)."""
        env = dict(os.environ, NOTIFY_SOCKET=self.path,
                   WATCHDOG_USEC=str(int(watchdog_usec)), SDL_VIDEODRIVER="x11")
        env.pop("WATCHDOG_PID", None)
        return env

    def drain(self, proc, until):
        """Reads messages until the monotonic time until, or until proc has
        ended and nothing more comes."""
        while time.monotonic() < until:
            try:
                data = self.sock.recv(4096)
            except socket.timeout:
                if proc.poll() is not None:
                    return
                continue
            # The time it came: read after recv (read before, it was when
            # the wait began, up to the timeout early).
            self.msgs.append((time.monotonic(), data.decode()))

    def watchdog_gaps(self, t0, t1):
        """The WATCHDOG=1 times between t0 and t1, and each gap as (length,
        seconds after t0 it began) from t0 to the first ping, between pings,
        and from the last one to t1 (a ping that stops leaves a gap of the
        rest)."""
        dogs = [t for t, m in self.msgs if m == "WATCHDOG=1" and t0 <= t <= t1]
        marks = [t0] + dogs + [t1]
        return dogs, [(b - a, a - t0) for a, b in zip(marks, marks[1:])]
