#!/usr/bin/env python3
"""bad_pictures.py — makes the pictures that must never stall the kiosk, from a
good JPEG (and a PNG) the caller gives: bad_pictures.py KIND IN OUT
  bomb      IN is a progressive JPEG: its last scan repeated until OUT is
            about 1 MB (tens of thousands of scans, each a pass over the whole picture)
  truncate  OUT is IN cut off just after its header (a half-copied file)
  corrupt   OUT is IN with its Huffman tables overwritten (a damaged file)
"""
import sys


def segments(data):
    """(marker, start, end) of each marker segment; a scan runs to the next marker."""
    out, i = [], 2
    while i < len(data):
        if data[i] != 0xFF:
            raise ValueError("not a marker at %d" % i)
        m = data[i + 1]
        if m == 0xD9:
            out.append((m, i, i + 2))
            break
        seg = int.from_bytes(data[i + 2:i + 4], "big")
        end = i + 2 + seg
        if m == 0xDA:  # entropy-coded data follows: up to a marker that is not RSTn or FF00
            j = end
            while j + 1 < len(data):
                if data[j] == 0xFF and data[j + 1] != 0 and not 0xD0 <= data[j + 1] <= 0xD7:
                    break
                j += 1
            end = j
        out.append((m, i, end))
        i = end
    return out


def bomb(data, target=1_000_000):
    segs = segments(data)
    scans = [(s, e) for m, s, e in segs if m == 0xDA]
    if len(scans) < 2:
        raise ValueError("not a progressive JPEG")
    # The last scan (an AC refinement: a few bytes of end-of-band runs that
    # still make the decoder visit every block) again and again.
    last_s, last_e = scans[-1]
    unit = data[last_s:last_e]
    reps = max(1, (target - len(data)) // len(unit))
    return data[:last_e] + unit * reps + data[last_e:]


def truncate(data):
    if data[:8] == b"\x89PNG\r\n\x1a\n":
        return data[:8 + 25 + 40]  # signature, IHDR, and a little of what follows
    segs = segments(data)
    first = next(s for m, s, e in segs if m == 0xDA)
    return data[:first + 64]


def corrupt(data):
    out = bytearray(data)
    for m, s, e in segments(data):
        if m == 0xC4:  # DHT: counts that add up to more codes than can exist
            for k in range(s + 5, min(s + 5 + 16, e)):
                out[k] = 0xFF
    return bytes(out)


def main():
    kind, src, dst = sys.argv[1:4]
    data = open(src, "rb").read()
    out = {"bomb": bomb, "truncate": truncate, "corrupt": corrupt}[kind](data)
    open(dst, "wb").write(out)


if __name__ == "__main__":
    main()
