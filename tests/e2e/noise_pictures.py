# noise_pictures.py — DIR N KB [TOPIC]: N PNG pictures of about KB kilobytes
# each, of noise (stored, not compressed, so their bytes are what is asked),
# for the USB import tests; with TOPIC, a topic file showing each on a card.
import os, struct, sys, zlib
d, n, kb = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
side = max(16, int((kb * 1024 / 3) ** 0.5))
def chunk(t, b):
    return struct.pack(">I", len(b)) + t + b + struct.pack(">I", zlib.crc32(t + b) & 0xffffffff)
os.makedirs(d, exist_ok=True)
for i in range(n):
    rows = b"".join(b"\0" + os.urandom(side * 3) for _ in range(side))
    png = (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", side, side, 8, 2, 0, 0, 0))
           + chunk(b"IDAT", zlib.compress(rows, 0)) + chunk(b"IEND", b""))
    with open(os.path.join(d, "noise-%03d.png" % i), "wb") as f:
        f.write(png)
if len(sys.argv) > 4:   # a topic showing each picture on a card of its own
    with open(sys.argv[4], "w") as f:
        f.write("# Gallery\n\nPictures from the stick.\n")
        for i in range(n):
            f.write("\n## Picture %d\n\n![Noise number %d](images/noise-%03d.png)\n" % (i, i, i))
