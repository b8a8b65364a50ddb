"""qemu.py — one QEMU guest for the VM test: starts it (TCG), talks QMP
(screendump, input-send-event, quit) and the guest agent (commands run in
the guest), and kills it as a power cut would. Standard library only."""
import base64
import json
import os
import signal
import socket
import subprocess
import time


class Fail(Exception):
    """A check that did not hold: the driver prints it and exits 1."""


def log(msg):
    print("vm: " + msg, flush=True)


def wait_until(what, seconds, probe, interval=0.5):
    """Calls probe() until it returns something true, for at most seconds;
    returns that value or raises Fail naming what was awaited. A probe begun
    before the deadline counts even if it ends after it."""
    until = time.monotonic() + seconds
    while True:
        began = time.monotonic()
        got = probe()
        if got:
            return got
        if began >= until:
            raise Fail("%s: not within %d s" % (what, seconds))
        time.sleep(interval)


class Channel:
    """A line-delimited JSON socket (QMP or the guest agent)."""

    def __init__(self, path, seconds):
        self.path = path
        self.sock = None
        self.buf = b""
        wait_until("socket " + path, seconds, self._connect, 0.1)

    def _connect(self):
        if not os.path.exists(self.path):
            return False
        s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        try:
            s.connect(self.path)
        except OSError:
            s.close()
            return False
        self.sock = s
        return True

    def send(self, obj):
        self.sock.sendall(json.dumps(obj).encode() + b"\n")

    def recv(self, timeout):
        self.sock.settimeout(timeout)
        while b"\n" not in self.buf:
            chunk = self.sock.recv(65536)
            if not chunk:
                raise Fail("%s closed" % self.path)
            self.buf += chunk
        line, self.buf = self.buf.split(b"\n", 1)
        line = line.strip().lstrip(b"\xff")
        return json.loads(line) if line else None

    def close(self):
        if self.sock:
            self.sock.close()
            self.sock = None


class Guest:
    def __init__(self, workdir, disk, kernel, initrd, append, size=(1280, 800),
                 extra_args=()):
        self.workdir = workdir
        self.qmp_path = os.path.join(workdir, "qmp.sock")
        self.qga_path = os.path.join(workdir, "qga.sock")
        self.serial = os.path.join(workdir, "serial.log")
        for p in (self.qmp_path, self.qga_path):
            if os.path.exists(p):
                os.unlink(p)
        w, h = size
        args = [
            "qemu-system-x86_64", "-machine", "q35", "-accel", "tcg",
            "-cpu", "max", "-smp", "2", "-m", "1024",
            "-kernel", kernel, "-initrd", initrd, "-append", append,
            "-drive", "file=%s,if=virtio,format=qcow2,cache=writeback" % disk,
            "-device", "virtio-gpu-pci,xres=%d,yres=%d" % (w, h),
            "-device", "virtio-tablet-pci",
            # A USB controller for the stick the full run plugs in (QMP).
            "-device", "qemu-xhci,id=xhci",
            "-device", "virtio-serial-pci",
            "-chardev", "socket,id=qga0,path=%s,server=on,wait=off" % self.qga_path,
            "-device", "virtserialport,chardev=qga0,name=org.qemu.guest_agent.0",
            "-qmp", "unix:%s,server=on,wait=off" % self.qmp_path,
            "-serial", "file:%s" % self.serial,
            "-display", "none", "-vga", "none", "-nic", "none",
            "-rtc", "base=utc",
        ]
        args += list(extra_args)
        self.started = time.monotonic()
        self.proc = subprocess.Popen(args, stdin=subprocess.DEVNULL,
                                     stdout=open(os.path.join(workdir, "qemu.log"), "ab"),
                                     stderr=subprocess.STDOUT)
        self.qmp = Channel(self.qmp_path, 30)
        self.qmp.recv(30)  # greeting
        self.qmp_cmd("qmp_capabilities")
        self.qga = None

    # --- QMP ---
    def qmp_cmd(self, name, **args):
        msg = {"execute": name}
        if args:
            msg["arguments"] = args
        self.qmp.send(msg)
        while True:
            r = self.qmp.recv(60)
            if r is None or "event" in r:
                continue
            if "error" in r:
                raise Fail("QMP %s: %s" % (name, r["error"].get("desc")))
            return r.get("return")

    def screendump(self, path):
        tmp = path + ".ppm"
        self.qmp_cmd("screendump", filename=tmp)
        subprocess.run(["convert", tmp, path], check=True)
        os.unlink(tmp)
        return path

    def tap(self, x, y):
        """A press and release at screen pixel (x, y) on virtio-tablet. SDL
        2.26 on KMSDRM reads the tablet's raw values as pixels (measured), so
        screen coordinates are sent as they are."""
        def abs_xy(x, y):
            return [{"type": "abs", "data": {"axis": "x", "value": int(x)}},
                    {"type": "abs", "data": {"axis": "y", "value": int(y)}}]
        # Through the corner, so both axes change on the way to (x, y): a
        # move along one axis (the next key in a column of the PIN pad) left
        # the kiosk taking no tap at all from then on (seen in three boots).
        self.qmp_cmd("input-send-event", events=abs_xy(0, 0))
        self.qmp_cmd("input-send-event", events=abs_xy(x, y))
        self.qmp_cmd("input-send-event", events=[
            {"type": "btn", "data": {"down": True, "button": "left"}}])
        self.qmp_cmd("input-send-event", events=[
            {"type": "btn", "data": {"down": False, "button": "left"}}])

    # --- guest agent ---
    def _qga_try(self):
        try:
            if self.qga is None:
                self.qga = Channel(self.qga_path, 5)
            token = int(time.time() * 1000) % 100000000
            self.qga.send({"execute": "guest-sync-delimited", "arguments": {"id": token}})
            deadline = time.monotonic() + 3
            while time.monotonic() < deadline:
                r = self.qga.recv(3)
                if r and r.get("return") == token:
                    return True
        except (OSError, Fail, ValueError):
            pass
        if self.qga:
            self.qga.close()
            self.qga = None
        return False

    def wait_agent(self, seconds):
        self.check_alive()
        wait_until("the guest agent answering", seconds,
                   lambda: self.check_alive() or self._qga_try(), 1)

    def qga_cmd(self, name, **args):
        msg = {"execute": name}
        if args:
            msg["arguments"] = args
        self.qga.send(msg)
        r = self.qga.recv(60)
        if "error" in r:
            raise Fail("guest agent %s: %s" % (name, r["error"].get("desc")))
        return r.get("return")

    def sh(self, script, seconds=120, check=True, user=None):
        """Runs script with /bin/sh in the guest (as root, or user); returns
        (exit code, output)."""
        argv = ["-c", script]
        path = "/bin/sh"
        if user:
            path, argv = "/usr/sbin/runuser", ["-u", user, "--", "/bin/sh", "-c", script]
        pid = self.qga_cmd("guest-exec", path=path, arg=argv,
                           **{"capture-output": True})["pid"]
        st = wait_until("guest command %r" % script[:60], seconds,
                        lambda: self._exec_done(pid), 0.2)
        out = base64.b64decode(st.get("out-data", "")).decode(errors="replace")
        out += base64.b64decode(st.get("err-data", "")).decode(errors="replace")
        code = st.get("exitcode", -1)
        if check and code != 0:
            raise Fail("guest command %r exited %s:\n%s" % (script[:200], code, out[-3000:]))
        return code, out

    def _exec_done(self, pid):
        st = self.qga_cmd("guest-exec-status", pid=pid)
        return st if st.get("exited") else None

    # --- life ---
    def check_alive(self):
        if self.proc.poll() is not None:
            raise Fail("QEMU exited (%s); see %s" % (self.proc.returncode,
                                                     os.path.join(self.workdir, "qemu.log")))
        return False

    def wait_exit(self, seconds):
        wait_until("QEMU to stop", seconds, lambda: self.proc.poll() is not None, 0.5)
        self.close()

    def power_cut(self):
        """SIGKILL: QEMU gets no chance to flush anything, as with a pulled plug."""
        self.proc.send_signal(signal.SIGKILL)
        self.proc.wait()
        self.close()

    def close(self):
        for ch in (self.qmp, self.qga):
            if ch:
                ch.close()
        if self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait()
