#!/usr/bin/env bash
# Regenerates Tests/CorpusIOTests/Fixtures/: compressed streams and tar archives made by the
# reference tools (gzip, zstd, bzip2, GNU tar) plus hand-built tar edge cases (Python), so the
# CorpusIO decoders are tested against independent producers, not against our own writer.
#
# Usage: scripts/make_io_fixtures.sh            (from the repository root)
# Needs: gzip, zstd, bzip2, GNU tar (>= 1.28 for --sort), python3. Output is deterministic.
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
out="$root/Tests/CorpusIOTests/Fixtures"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
rm -rf "$out"
mkdir -p "$out"
cd "$work"

# --- Text --------------------------------------------------------------------------------------
# lines.txt: ~115 KB of seeded pseudo-Danish lines with the awkward cases LineReader must keep
# (CR, CRLF, U+2028, U+0085, empty lines, a long line, no LF at the very end).
python3 - "$out/lines.txt" <<'EOF'
import random, sys
rng = random.Random(1234)
words = ("og i at det en til er som på de med han af for ikke der var mig sig men et har om vi "
         "min havde ham hun nu over da fra du ud sin dem os op man hans hvor eller hvad skal selv "
         "her alle vil blev kunne ind når være dog noget ville jo deres efter ned skulle denne end "
         "dette mit også under have dig anden hende mine alt meget sit sine vor mod disse hvis din "
         "nogle hos blive mange ad bliver hendes været thi jer sådan æble øl årstid Ærø Øster Århus").split()
lines = []
for i in range(3000):
    n = rng.randint(0, 14)
    line = " ".join(rng.choice(words) for _ in range(n))
    lines.append(line)
lines[3] = "linje med CR\r"                       # CRLF line: keeps its CR
lines[4] = "CR\rinde i linjen"                   # lone CR stays inside the line
lines[5] = "linjeskift\u2028U+2028 bliver i linjen"
lines[6] = "NEL\u0085bliver også"
lines[7] = ""
lines[8] = ""
lines[100] = "lang " + " ".join(rng.choice(words) for _ in range(3000))   # ~15 KB line
text = "\n".join(lines) + "\nsidste linje uden LF"
open(sys.argv[1], "w", encoding="utf-8", newline="").write(text)
EOF
cp "$out/lines.txt" lines.txt

gzip -9 -n -c lines.txt > "$out/lines.txt.gz"
zstd -q -19 --no-progress -c lines.txt > "$out/lines.txt.zst"
bzip2 -1 -c lines.txt > "$out/lines.txt.bz2"          # -1: 100 kB blocks, so two blocks

# Multi-member / multi-frame / multi-stream: lines.txt cut in three (one part empty), each part
# compressed on its own, the results concatenated (what pigz, pzstd, pbzip2 and `cat` produce).
python3 - <<'EOF'
data = open("lines.txt", "rb").read()
cut = [0, 30000, 30000, 70001, len(data)]
for i in range(4):
    open(f"part{i}", "wb").write(data[cut[i]:cut[i + 1]])
EOF
for i in 0 1 2 3; do
  gzip -6 -n -c "part$i" > "part$i.gz"
  zstd -q -3 --no-progress -c "part$i" > "part$i.zst"
  bzip2 -9 -c "part$i" > "part$i.bz2"
done
cat part0.gz part1.gz part2.gz part3.gz > "$out/multi.gz"
cat part0.bz2 part1.bz2 part2.bz2 part3.bz2 > "$out/multi.bz2"
# zstd: a leading skippable frame (as pzstd writes), frames, a skippable frame mid-stream and one
# at the end (as the seekable format's seek table).
python3 - "$out/multi.zst" <<'EOF'
import struct, sys
def skippable(magic_low, payload):
    return struct.pack("<II", 0x184D2A50 | magic_low, len(payload)) + payload
frames = [open(f"part{i}.zst", "rb").read() for i in range(4)]
blob = (skippable(0, b"pzstd-like header")
        + frames[0] + frames[1]
        + skippable(0xE, b"\x00" * 37)
        + frames[2] + frames[3]
        + skippable(0xE, b"seek table"))
open(sys.argv[1], "wb").write(blob)
EOF

# Trailing bytes after complete members.
gzip -n -c part0 > single.gz
cp single.gz "$out/padded.gz";  head -c 1000 /dev/zero >> "$out/padded.gz"       # tolerated
cp single.gz "$out/garbage.gz"; printf 'trailing junk\n' >> "$out/garbage.gz"     # corrupt
cp single.gz "$out/padded-garbage.gz"; head -c 100 /dev/zero >> "$out/padded-garbage.gz"
printf 'x' >> "$out/padded-garbage.gz"                                            # corrupt
cp part0.zst "$out/garbage.zst"; printf 'trailing junk\n' >> "$out/garbage.zst"
cp part0.bz2 "$out/garbage.bz2"; printf 'trailing junk\n' >> "$out/garbage.bz2"

# Names that lie: detection must use magic bytes only.
printf 'hej verden\nanden linje\n' > small.txt
gzip -n -c small.txt > "$out/gzip-named.txt"
zstd -q --no-progress -c small.txt > "$out/zstd-named.bz2"
bzip2 -c small.txt > "$out/bzip2-named.gz"
cp small.txt "$out/plain-named.gz"

# --- Tar archives from GNU tar -------------------------------------------------------------------
det=(--sort=name --mtime='2020-01-01 00:00Z' --owner=0 --group=0 --numeric-owner --mode='u=rwX,go=rX')
mkdir -p tree/corpus/sub
printf 'første fil\nlinje to\n' > tree/corpus/a.txt
printf 'AppleDouble\n' > tree/corpus/._a.txt
printf 'i en undermappe\n' > tree/corpus/sub/b.txt
long="tree/corpus/$(printf 'n%.0s' $(seq 1 60))/$(printf 'lang_%.0s' $(seq 1 16))fil.txt"   # > 100 chars
mkdir -p "$(dirname "$long")"
printf 'langt navn\n' > "$long"
ln -s a.txt tree/corpus/link-to-a
(cd tree && tar "${det[@]}" --format=gnu -cf - corpus) | gzip -9 -n > "$out/gnu.tar.gz"
(cd tree && tar "${det[@]}" --format=pax --pax-option=delete=atime,delete=ctime -cf "$out/pax.tar" corpus)

# ustar: a path longer than 100 bytes whose directory part goes into the 155-byte prefix field.
mkdir -p ustar
deep="ustar/$(printf 'mappe%.0s' $(seq 1 18))/$(printf 'u%.0s' $(seq 1 30))"
mkdir -p "$deep"
printf 'ustar prefix\n' > "$deep/fil.txt"
tar "${det[@]}" --format=ustar -cf "$out/ustar.tar" ustar

# A tar.gz whose member is itself gzip-compressed (nested decoding).
mkdir -p nested
gzip -n -c lines.txt > nested/lines.txt.gz
tar "${det[@]}" --format=ustar -cf - nested | bzip2 -9 > "$out/nested.tar.bz2"

# --- Tar edge cases built by hand (Python) ------------------------------------------------------
python3 - "$out/edge.tar" <<'EOF'
import sys, tarfile, io

def checksum(block):
    block = bytearray(block)
    block[148:156] = b" " * 8
    s = sum(block)
    block[148:156] = b"%06o\x00 " % s
    return bytes(block)

def pad(data):
    return data + b"\x00" * ((512 - len(data) % 512) % 512)

def header(name, size, typeflag=b"0", linkname="", fmt=tarfile.USTAR_FORMAT):
    info = tarfile.TarInfo(name)
    info.size = size
    info.type = typeflag
    info.linkname = linkname
    info.mtime = 1577836800
    info.mode = 0o644
    return info.tobuf(format=fmt, encoding="utf-8", errors="strict")

def pax_record(key, value):
    body = f" {key}={value}\n".encode()
    n = len(body) + 1
    while len(str(n)) + len(body) != n:
        n = len(str(n)) + len(body)
    return str(n).encode() + body

out = bytearray()
# 1. A pax global header ('g'): ignored.
g = pax_record("comment", "global header") 
out += header("pax_global_header", len(g), tarfile.XGLTYPE) + pad(g)
# 2. A file whose size field is GNU base-256.
body = b"base-256 size\n"
h = bytearray(header("base256.txt", len(body)))
h[124:136] = b"\x80" + b"\x00" * 10 + bytes([len(body)])
out += checksum(h) + pad(body)
# 3. A symlink with a GNU long link name ('K') and a GNU long name ('L').
target = "mål/" + "t" * 150
name = "links/" + "l" * 150
out += header("././@LongLink", len(target.encode()) + 1, tarfile.GNUTYPE_LONGLINK) + pad(target.encode() + b"\x00")
out += header("././@LongLink", len(name.encode()) + 1, tarfile.GNUTYPE_LONGNAME) + pad(name.encode() + b"\x00")
out += header(name[:99], 0, tarfile.SYMTYPE, linkname=target[:99].encode("utf-8", "ignore").decode("utf-8", "ignore"))
# 4. A pax 'x' header with path (wins over the ustar name) and a size override.
body = b"pax size overrides the header\n"
x = pax_record("path", "pax/" + "p" * 120 + "/æøå.txt") + pax_record("size", str(len(body)))
out += header("PaxHeaders/x", len(x), tarfile.XHDTYPE) + pad(x)
out += header("short-ustar-name.txt", 0) + pad(body)
# 5. A file with a Latin-1 (not UTF-8) name.
body = b"latin-1 name\n"
h = bytearray(header("placeholder.txt", len(body)))
raw = "blåbær.txt".encode("latin-1")
h[0:100] = raw + b"\x00" * (100 - len(raw))
out += checksum(h) + pad(body)
# 6. An empty file and a directory.
out += header("empty.txt", 0)
out += header("dir/", 0, tarfile.DIRTYPE)
# 7. The last member, 700 bytes, then NO end-of-archive zero blocks.
body = bytes((i * 7) % 251 for i in range(700))
out += header("last.bin", len(body)) + pad(body)
open(sys.argv[1], "wb").write(out)
EOF

# A tar that ends in the middle of a member body, and one with a bad checksum in member 2,
# are made inside the tests by cutting / flipping bytes of ustar.tar and pax.tar.

ls -l "$out"
