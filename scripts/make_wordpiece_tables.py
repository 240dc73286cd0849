#!/usr/bin/env python3
"""Writes Sources/WordPiece/UnicodeTables+Generated.swift: the per-code-point classes that the
WordPiece normalizer and pre-tokenizer need, for two profiles.

* `hf`: HuggingFace `tokenizers` (BertNormalizer + BertPreTokenizer). Its character classes
  come from three Rust sources with three Unicode versions: the `unicode_categories` crate
  (0.1.1, 2016 tables: is_other = Cc|Cf|Co, is_punctuation = P*, is_mark_nonspacing = Mn),
  Rust's std (`char::is_whitespace`, `char::to_lowercase`, the rustc that built the wheel) and
  `unicode-normalization-alignments` (NFD). Rather than guess those versions, this script asks
  the installed `tokenizers` about every code point (normalize_str / pre_tokenize_str), so the
  tables are exactly what that release does. It is run with the venv that the fixtures use:

      python3 -m venv /work/venv-wp && /work/venv-wp/bin/pip install tokenizers
      /work/venv-wp/bin/python scripts/make_wordpiece_tables.py

* `bert`: google-research/bert and electra `tokenization.py` (BasicTokenizer), which use
  Python's `unicodedata`; the tables record the Unicode version of the Python that runs this
  script (ELECTRA deletes every C* code point, unassigned ones included, so this matters).

Deterministic: the same `tokenizers` and Python give a byte-identical file.
"""
import base64
import os
import struct
import sys
import unicodedata

import tokenizers
from tokenizers.normalizers import NFD, BertNormalizer, Lowercase
from tokenizers.pre_tokenizers import BertPreTokenizer

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "Sources", "WordPiece",
                   "UnicodeTables+Generated.swift")

WORD, DROP, SPLIT, ISOLATE = 0, 1, 2, 3
CODE_POINTS = [c for c in range(0x110000) if not 0xD800 <= c < 0xE000]

# ---------------------------------------------------------------------------------------------
# hf: probe the installed tokenizers
cased = BertNormalizer(clean_text=True, handle_chinese_chars=True, strip_accents=False, lowercase=False)
lower = BertNormalizer(clean_text=True, handle_chinese_chars=True, strip_accents=True, lowercase=True)
pre = BertPreTokenizer()
nfd, lowercase = NFD(), Lowercase()
# BertNormalizer's own accent stripping: NFD, then drop Mn (unicode_categories). The standalone
# StripAccents normalizer drops every combining mark (Mn, Mc, Me), so it is not used here.
strip = BertNormalizer(clean_text=False, handle_chinese_chars=False, strip_accents=True, lowercase=False)


def pretok_class(ch):
    """How BertPreTokenizer treats `ch` between two letters."""
    pieces = [p for p, _ in pre.pre_tokenize_str("a" + ch + "a")]
    if pieces == ["a", "a"]:
        return SPLIT
    if pieces == ["a", ch, "a"]:
        return ISOLATE
    if pieces == ["a" + ch + "a"]:
        return WORD
    raise SystemExit(f"unexpected pre-tokenization of U+{ord(ch):04X}: {pieces}")


hf_pretok = {}
hf_action = {}
hf_lower_map = {}
for c in CODE_POINTS:
    ch = chr(c)
    p = pretok_class(ch)
    hf_pretok[c] = p
    s = cased.normalize_str(ch)
    if s == "":
        hf_action[c] = DROP
    elif s == " ":
        hf_action[c] = SPLIT
    elif s == " " + ch + " ":
        hf_action[c] = ISOLATE
    elif s == ch:
        if p == SPLIT:
            raise SystemExit(f"U+{c:04X}: whitespace that the normalizer kept")
        hf_action[c] = p
    else:
        raise SystemExit(f"U+{c:04X}: unexpected cased normalization {s!r}")
    if hf_action[c] != DROP:
        t = lower.normalize_str(ch)
        if t != s:
            hf_lower_map[c] = t

# Pieces for the exact (slow) path: NFD, canonical combining classes, Mn, per-char lowercase.
hf_nfd = {}
hf_mn = set()
hf_simple_lower = {}
for c in CODE_POINTS:
    ch = chr(c)
    d = nfd.normalize_str(ch)
    if d != ch:
        hf_nfd[c] = d
    if strip.normalize_str(ch) == "":
        hf_mn.add(c)
    low = lowercase.normalize_str(ch)
    if low != ch:
        hf_simple_lower[c] = low


def hf_orders_before(x, y):
    """True when HF's NFD puts `y` before `x` in the sequence 'a' x y."""
    return nfd.normalize_str("a" + x + y) == "a" + y + x


# Canonical combining classes as HF's NFD uses them. ccc values never change once assigned
# (Unicode stability policy), so HF's class is Python's or, if HF's tables predate the
# character, 0; two probes against reference marks tell which.
hf_ccc = {}
for c in CODE_POINTS:
    k = unicodedata.combining(chr(c))
    if k == 0:
        continue
    if k > 1:
        active = hf_orders_before(chr(c), "\u0334")  # U+0334 has ccc 1
    else:
        active = hf_orders_before("\u0301", chr(c))  # U+0301 has ccc 230
    if active:
        hf_ccc[c] = k
for c in list(hf_ccc):
    # A nonzero class must also be consistent with an unassigned-looking NFD (sanity).
    assert 0 < hf_ccc[c] <= 240


def hangul_nfd(c):
    s = c - 0xAC00
    if not 0 <= s < 11172:
        return None
    l, v, t = 0x1100 + s // 588, 0x1161 + (s % 588) // 28, 0x11A7 + s % 28
    return chr(l) + chr(v) + (chr(t) if t != 0x11A7 else "")


for c, d in hf_nfd.items():
    h = hangul_nfd(c)
    if h is not None and h != d:
        raise SystemExit(f"U+{c:04X}: HF's Hangul NFD differs from the algorithm")
hf_nfd_table = {c: d for c, d in hf_nfd.items() if hangul_nfd(c) is None}
for s in range(0xAC00, 0xAC00 + 11172):
    if hf_nfd.get(s) != hangul_nfd(s):
        raise SystemExit(f"U+{s:04X}: HF does not decompose this Hangul syllable")


def hf_reference(chars):
    """The lowercase-mode normalization of a run of kept (not dropped) code points."""
    out = []
    for ch in chars:
        c = ord(ch)
        if hf_action[c] == SPLIT:
            out.append(" ")  # clean text maps whitespace to a space
        elif hf_action[c] == ISOLATE and hf_pretok[c] != ISOLATE:
            out += [" ", ch, " "]  # CJK padding
        else:
            out.append(ch)
    dec = []
    for ch in out:
        c = ord(ch)
        h = hangul_nfd(c)
        dec += list(h if h is not None else hf_nfd_table.get(c, ch))
    # canonical reordering (stable sort of each run of nonzero classes)
    i = 0
    while i < len(dec):
        if hf_ccc.get(ord(dec[i]), 0) == 0:
            i += 1
            continue
        j = i
        while j < len(dec) and hf_ccc.get(ord(dec[j]), 0) != 0:
            j += 1
        dec[i:j] = sorted(dec[i:j], key=lambda x: hf_ccc[ord(x)])
        i = j
    kept = [x for x in dec if ord(x) not in hf_mn]
    return "".join(hf_simple_lower.get(ord(x), x) for x in kept)


for c in CODE_POINTS:
    if hf_action[c] == DROP:
        continue
    want = hf_lower_map.get(c, cased.normalize_str(chr(c)))
    got = hf_reference(chr(c))
    if got != want:
        raise SystemExit(f"U+{c:04X}: reference path gives {got!r}, tokenizers gives {want!r}")

# A kept code point is reorder-sensitive when its decomposition holds a mark that survives
# accent stripping and has a nonzero class: only then can reordering change lowercase output.
hf_sensitive = set()
for c in CODE_POINTS:
    if hf_action[c] == DROP:
        continue
    d = hangul_nfd(c) or hf_nfd_table.get(c, chr(c))
    if any(hf_ccc.get(ord(x), 0) != 0 and ord(x) not in hf_mn for x in d):
        hf_sensitive.add(c)
for c in CODE_POINTS:
    if hf_action[c] in (SPLIT, ISOLATE) and hf_ccc.get(c, 0) != 0:
        raise SystemExit(f"U+{c:04X}: a word boundary with a nonzero combining class")
for c, t in hf_lower_map.items():
    for x in t:
        if x != " " and hf_ccc.get(ord(x), 0) != 0 and c not in hf_sensitive and ord(x) not in hf_mn:
            raise SystemExit(f"U+{c:04X}: unflagged mark in the lowercase output")

# ---------------------------------------------------------------------------------------------
# bert: tokenization.py's definitions over Python's unicodedata
def bert_is_whitespace(ch):
    return ch in " \t\n\r" or unicodedata.category(ch) == "Zs"


def bert_is_control(ch):
    if ch in "\t\n\r":
        return False
    return unicodedata.category(ch).startswith("C")


def bert_is_punctuation(ch):
    c = ord(ch)
    if 33 <= c <= 47 or 58 <= c <= 64 or 91 <= c <= 96 or 123 <= c <= 126:
        return True
    return unicodedata.category(ch).startswith("P")


def bert_is_cjk(c):
    return (0x4E00 <= c <= 0x9FFF or 0x3400 <= c <= 0x4DBF or 0x20000 <= c <= 0x2A6DF
            or 0x2A700 <= c <= 0x2B73F or 0x2B740 <= c <= 0x2B81F or 0x2B820 <= c <= 0x2CEAF
            or 0xF900 <= c <= 0xFAFF or 0x2F800 <= c <= 0x2FA1F)


def bert_output_class(ch):
    if ch.isspace():
        return SPLIT
    if bert_is_punctuation(ch):
        return ISOLATE
    return WORD


bert_action = {}
bert_pretok = {}
bert_lower_map = {}
for c in CODE_POINTS:
    ch = chr(c)
    bert_pretok[c] = bert_output_class(ch)
    if c == 0 or c == 0xFFFD or bert_is_control(ch):
        bert_action[c] = DROP
    elif bert_is_whitespace(ch):
        bert_action[c] = SPLIT
    elif bert_is_cjk(c):
        bert_action[c] = ISOLATE
    else:
        bert_action[c] = bert_output_class(ch)
    if bert_action[c] in (WORD, ISOLATE):
        t = "".join(x for x in unicodedata.normalize("NFD", ch.lower())
                    if unicodedata.category(x) != "Mn")
        if t != ch:
            # CJK spacing happens before lower-casing: keep the spaces around the result.
            bert_lower_map[c] = " " + t + " " if bert_is_cjk(c) else t

# ---------------------------------------------------------------------------------------------
# Pack: one UInt16 of flags per code point, in a two-stage table of 256-entry blocks.
flags = [0] * 0x110000
for c in range(0x110000):
    if 0xD800 <= c < 0xE000:
        flags[c] = DROP | (DROP << 7)  # never met: invalid UTF-8 decodes to U+FFFD
        continue
    f = hf_action[c] | (hf_pretok[c] << 2)
    if c in hf_lower_map:
        f |= 1 << 4
    if c in hf_sensitive:
        f |= 1 << 5
    if c in hf_mn:
        f |= 1 << 6
    f |= bert_action[c] << 7
    f |= bert_pretok[c] << 9
    if c in bert_lower_map:
        f |= 1 << 11
    flags[c] = f

# Hangul syllables decompose algorithmically in both profiles' lowercase modes: check, then
# leave them out of the maps (the flag stays set; the Swift side computes them).
for m in (hf_lower_map, bert_lower_map):
    for c in range(0xAC00, 0xAC00 + 11172):
        if m.get(c) != hangul_nfd(c):
            raise SystemExit(f"U+{c:04X}: lowercase mode does not decompose this syllable plainly")
        del m[c]

blocks, block_ids, stage1 = [], {}, []
for b in range(0x110000 >> 8):
    key = tuple(flags[b * 256:(b + 1) * 256])
    if key not in block_ids:
        block_ids[key] = len(blocks)
        blocks.append(key)
    stage1.append(block_ids[key])


def b64(fmt, values):
    return base64.b64encode(b"".join(struct.pack("<" + fmt, v) for v in values)).decode()


def scalar_map(m):
    keys = sorted(m)
    offsets, pool = [0], []
    for k in keys:
        pool += [ord(x) for x in m[k]]
        offsets.append(len(pool))
    return keys, offsets, pool


def swift_string(name, value, doc):
    lines = [f"  /// {doc}", f"  static let {name} ="]
    chunks = [value[i:i + 96] for i in range(0, len(value), 96)] or [""]
    lines.append('    """')
    lines += ["    " + ch for ch in chunks]
    lines.append('    """')
    return "\n".join(lines)


def swift_map(prefix, m, doc):
    keys, offsets, pool = scalar_map(m)
    return "\n".join([
        swift_string(prefix + "Keys", b64("I", keys), f"{doc}: sorted code points (UInt32 LE)."),
        swift_string(prefix + "Offsets", b64("I", offsets), f"{doc}: offsets into the pool (UInt32 LE, count + 1)."),
        swift_string(prefix + "Scalars", b64("I", pool), f"{doc}: the output scalars (UInt32 LE)."),
    ])


ccc_keys = sorted(hf_ccc)
body = f'''// Do not edit: generated by scripts/make_wordpiece_tables.py.
//
// hf profile: probed from HuggingFace tokenizers {tokenizers.__version__} code point by code point
// (unicode_categories 0.1.1 tables for Cc/Cf/Co, P* and Mn; Rust std for White_Space and
// lowercase; unicode-normalization-alignments for NFD).
// bert profile: google-research/bert and electra tokenization.py over Python
// {sys.version.split()[0]} unicodedata, Unicode {unicodedata.unidata_version}.
// Flags per code point (UInt16): bits 0-1 hf action, 2-3 hf pre-tokenizer class, 4 hf
// lowercase-mapped, 5 hf reorder-sensitive, 6 hf Mn, 7-8 bert action, 9-10 bert pre-tokenizer
// class, 11 bert lowercase-mapped. Actions and classes: 0 word, 1 drop, 2 split, 3 isolate.

enum GeneratedUnicodeTables {{
  /// Where the tables come from, for diagnostics.
  static let provenance = "tokenizers {tokenizers.__version__}; Python unicodedata {unicodedata.unidata_version}"

  /// Number of distinct 256-code-point blocks in ``blocks``.
  static let blockCount = {len(blocks)}

{swift_string("stage1", b64("H", stage1), "Block index per 256 code points (UInt16 LE, 4352 entries).")}

{swift_string("blocks", b64("H", [v for blk in blocks for v in blk]), "Flag blocks, 256 UInt16 LE each.")}

{swift_map("hfLowercase", hf_lower_map, "hf lowercase mode: code points whose normalization changes (CJK padding included)")}

{swift_map("bertLowercase", bert_lower_map, "bert lowercase mode: lower() then NFD then drop Mn, where it changes the code point")}

{swift_map("hfDecomposition", hf_nfd_table, "hf NFD, Hangul syllables excluded (algorithmic)")}

{swift_map("hfSimpleLowercase", hf_simple_lower, "hf per-code-point lowercase")}

{swift_string("hfCombiningClassKeys", b64("I", ccc_keys), "hf canonical combining classes: sorted code points (UInt32 LE).")}

{swift_string("hfCombiningClassValues", b64("B", [hf_ccc[c] for c in ccc_keys]), "hf canonical combining classes, one byte per key.")}
}}
'''
with open(OUT, "w", encoding="utf-8") as f:
    f.write(body)
print(f"wrote {os.path.relpath(OUT)}: {len(blocks)} blocks, {len(hf_lower_map)} hf lowercase, "
      f"{len(bert_lower_map)} bert lowercase, {len(hf_nfd_table)} nfd, {len(hf_ccc)} ccc, "
      f"{len(hf_sensitive)} reorder-sensitive")

# Differences between the profiles, for the record.
diff = {}
for c in CODE_POINTS:
    if hf_action[c] != bert_action[c]:
        diff.setdefault((hf_action[c], bert_action[c]), []).append(c)
names = "word drop split isolate".split()
for (h, b), cs in sorted(diff.items()):
    print(f"  hf {names[h]:8} bert {names[b]:8}: {len(cs):7} code points, e.g. "
          + " ".join(f"U+{c:04X}" for c in cs[:6]))
