"""screens.py — the VM test's references: `kiosk --render` of the content
on the host at the guest's screen size, and screenshots matched against them
(ImageMagick's RMSE, as tests/e2e/touch_lib.bash judges a screen)."""
import glob
import hashlib
import os
import shutil
import subprocess

from qemu import Fail, log, wait_until

# Root mean square error (0..1) under which a screenshot is that screen: as
# the e2e tests (tests/e2e/touch_lib.bash), so GLES2's sampling and the
# software renderer's differ by less; a blank screen is far above it.
MATCH_RMSE = 0.03
THUMB = "160x100!"


def gray_thumb(png):
    return subprocess.run(["convert", png, "-resize", THUMB, "-colorspace", "Gray", "gray:-"],
                          check=True, capture_output=True).stdout


def thumb_dist(a, b):
    return sum((x - y) * (x - y) for x, y in zip(a, b))


def rmse(a, b):
    r = subprocess.run(["compare", "-metric", "RMSE", a, b, "null:"],
                       capture_output=True, text=True)
    try:
        return float(r.stderr.split("(")[1].split(")")[0])
    except (IndexError, ValueError):
        return 1.0


def drawn(png):
    """Something was drawn: more than a few flat colours (a clear colour or
    a console's black and grey are not)."""
    r = subprocess.run(["convert", png, "-sample", "480x480", "-format", "%k", "info:"],
                       check=True, capture_output=True, text=True)
    return int(r.stdout.strip() or 0) > 8


class Refs:
    def __init__(self, outdir, kiosk, content, size):
        self.dir = outdir
        self.kiosk = kiosk
        self.content = content
        self.size = size
        if not os.path.exists(os.path.join(outdir, "screens.tsv")):
            shutil.rmtree(outdir, ignore_errors=True)
            subprocess.run([kiosk, "--render", outdir, "--size", "%dx%d" % size,
                            "--content", content], check=True, capture_output=True)
        self.names = sorted(os.path.basename(p) for p in glob.glob(os.path.join(outdir, "*.png")))
        self.thumbs = {}

    def path(self, name):
        return os.path.join(self.dir, name)

    def thumb(self, name):
        if name not in self.thumbs:
            self.thumbs[name] = gray_thumb(self.path(name))
        return self.thumbs[name]

    def topic_file(self, i):
        return sorted(glob.glob(os.path.join(self.content, "[0-9]*.md")))[i]

    def topic_name(self, i):
        return os.path.basename(self.topic_file(i))[:-3].split("-", 1)[1]

    def box_centre(self, screen, kind, index):
        with open(os.path.join(self.dir, "boxes.tsv")) as f:
            for line in f:
                s, k, i, x, y, w, h = line.rstrip("\n").split("\t")
                if s == screen and k == kind and int(i) == index:
                    return int(x) + int(w) // 2, int(y) + int(h) // 2
        raise Fail("no %s %d on %s in boxes.tsv" % (kind, index, screen))

    def edited(self, md, title):
        """References for the content with md's first title line changed."""
        tag = "edit-" + hashlib.sha1((os.path.basename(md) + title).encode()).hexdigest()[:8]
        root = os.path.join(os.path.dirname(self.dir), tag)
        content = os.path.join(root, "content")
        if not os.path.exists(content):
            shutil.copytree(self.content, content)
            p = os.path.join(content, os.path.basename(md))
            with open(p) as f:
                lines = f.read().split("\n")
            for n, line in enumerate(lines):
                if line.startswith("# "):
                    lines[n] = "# " + title
                    break
            with open(p, "w") as f:
                f.write("\n".join(lines))
        return Refs(os.path.join(root, "ref"), self.kiosk, content, self.size)

    def which(self, shot, prefix=""):
        """The reference the screenshot is (among names starting with
        prefix), or None."""
        t = gray_thumb(shot)
        cands = [n for n in self.names if n.startswith(prefix)]
        if not cands:
            raise Fail("no reference screen named %s* in %s" % (prefix, self.dir))
        best = min(cands, key=lambda n: thumb_dist(t, self.thumb(n)))
        return best if rmse(shot, self.path(best)) < MATCH_RMSE else None


def wait_screen(g, refs, prefix, seconds, exact=False):
    """Screendumps until the screen is a reference starting with prefix (or,
    exact, that one screen); returns its name or fails saying what shows."""
    shot = os.path.join(g.workdir, "now.png")

    def probe():
        g.check_alive()
        g.screendump(shot)
        if exact:
            return prefix if rmse(shot, refs.path(prefix)) < MATCH_RMSE else None
        return refs.which(shot, prefix)

    try:
        return wait_until("the screen showing %s*" % prefix, seconds, probe, 0.3)
    except Fail:
        saved = os.path.join(g.workdir, "fail-%s.png" % prefix.rstrip("-.png"))
        shutil.copy(shot, saved)
        best = refs.which(shot) if drawn(shot) else None
        raise Fail("expected %s*, the screen shows %s (saved as %s)" %
                   (prefix, best or ("a blank screen" if not drawn(shot) else "none of the screens"),
                    saved))


def wait_nearest(g, refs, name, seconds):
    """Screendumps until, of all the reference screens, name is the nearest
    (for screens whose words depend on the moment: an offer's counts and
    problems, the PIN pad's dots); fails saying which is nearest."""
    shot = os.path.join(g.workdir, "now.png")
    got = []

    def probe():
        g.check_alive()
        g.screendump(shot)
        if not drawn(shot):
            return None
        t = gray_thumb(shot)
        got[:] = [min(refs.names, key=lambda n: thumb_dist(t, refs.thumb(n)))]
        return got[0] == name

    try:
        return wait_until("the screen nearest %s" % name, seconds, probe, 0.3)
    except Fail:
        saved = os.path.join(g.workdir, "fail-%s" % name)
        shutil.copy(shot, saved)
        raise Fail("expected a screen like %s, the nearest is %s (saved as %s)" %
                   (name, got[0] if got else "none (blank)", saved))


def wait_any(g, refs_list, seconds):
    """Screendumps until the screen is any screen of any of the references
    (good content: old or new); returns its name."""
    shot = os.path.join(g.workdir, "now.png")

    def probe():
        g.check_alive()
        g.screendump(shot)
        for r in refs_list:
            n = r.which(shot)
            if n:
                return "%s of %s" % (n, os.path.basename(os.path.dirname(r.dir)))
        return None

    try:
        return wait_until("a screen of good content", seconds, probe, 0.5)
    except Fail:
        saved = os.path.join(g.workdir, "fail-any.png")
        shutil.copy(shot, saved)
        raise Fail("no good content on the screen (%s; saved as %s)" %
                   ("blank" if not drawn(shot) else "not any rendered screen", saved))
