#!/usr/bin/env python3
"""Writes Tests/CorpusSourcesTests/Fixtures/: tiny, hand-checkable reader fixtures in the real
on-disk formats of reference/formats.md, good and deliberately broken, plus EXPECTED.md, which
states for every file the records a reader must produce (ids per formats.md §6) and the issues it
must report (kind + line number or byte offset), and expected.json, the same expectations as
machine-readable test cases (one per reading unit and option set).

Deterministic: gzip mtime 0, fixed tar metadata, zstd/bzip2 at fixed levels. Standard library
only, plus the `zstd` command-line tool (for .zst) which is also used to check what a real
decoder gets out of the truncated .zst fixture.

Usage: python3 scripts/make_reader_fixtures.py [--out DIR]
"""

import argparse
import bz2
import gzip
import hashlib
import io
import json
import subprocess
import tarfile
import zlib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TAR_MTIME = 1603843200  # 2020-10-28T00:00:00Z


# ------------------------------------------------------------------------------ helpers

def gz(data: bytes) -> bytes:
    buf = io.BytesIO()
    with gzip.GzipFile(filename="", mode="wb", fileobj=buf, compresslevel=9, mtime=0) as f:
        f.write(data)
    return buf.getvalue()


def zst(data: bytes) -> bytes:
    return subprocess.run(["zstd", "-q", "-19", "--check", "-c", "-"], input=data,
                          stdout=subprocess.PIPE, check=True).stdout


def tar_bytes(members) -> bytes:
    buf = io.BytesIO()
    with tarfile.open(fileobj=buf, mode="w", format=tarfile.USTAR_FORMAT) as tf:
        for name, data in members:
            ti = tarfile.TarInfo(name)
            ti.mtime = TAR_MTIME
            ti.uid = ti.gid = 1000
            ti.uname = ti.gname = "wortschatz"
            if data is None:
                ti.type, ti.mode = tarfile.DIRTYPE, 0o755
                tf.addfile(ti)
            else:
                ti.mode, ti.size = 0o644, len(data)
                tf.addfile(ti, io.BytesIO(data))
    return buf.getvalue()


def js(obj) -> str:
    """Compact JSON, raw UTF-8 (serde_json style)."""
    return json.dumps(obj, ensure_ascii=False, separators=(",", ":"))


def show(s: str) -> str:
    """A text as a JSON string literal, non-ASCII kept except invisible/control characters."""
    out = json.dumps(s, ensure_ascii=False)
    for ch, esc in (("\u2028", "\\u2028"), ("\ufeff", "\\ufeff"), ("\u00ad", "\\u00ad"), ("\ufffd", "\\ufffd")):
        out = out.replace(ch, esc)
    return out


def line_starts(data: bytes):
    """1-based line number -> byte offset where the line starts (LF split)."""
    starts, pos = [0], 0
    while True:
        i = data.find(b"\n", pos)
        if i < 0 or i == len(data) - 1:
            break
        starts.append(i + 1)
        pos = i + 1
    return {n + 1: s for n, s in enumerate(starts)}


def appledouble() -> bytes:
    entries = [(9, 50, 32), (2, 82, 96)]
    hdr = bytes.fromhex("0005160700020000") + b"Mac OS X        " + len(entries).to_bytes(2, "big")
    for eid, off, ln in entries:
        hdr += eid.to_bytes(4, "big") + off.to_bytes(4, "big") + ln.to_bytes(4, "big")
    body = b"TEXTR*ch" + b"\0" * 24 + b"ATTR" + b"\0" * 12 + b"com.apple.quarantine\0"
    return hdr + body + b"\0" * (82 + 96 - len(hdr) - len(body))


class Fixtures:
    def __init__(self, out: Path):
        self.out = out
        self.sections = []
        self.cases = []

    def write(self, rel: str, data: bytes):
        p = self.out / rel
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_bytes(data)
        return data

    def section(self, title, files, body):
        self.sections.append((title, files, body))

    def case(self, name, fmt, path, rows, issues=(), records="auto", companions=(), options=None,
             prefix_only=False, known_bug=None):
        """One reading unit for expected.json, built from the same rows/issues as EXPECTED.md.

        records: "auto" = documents + issues marked rejected (README: records = documents +
        rejected); None = not checked; an int = exactly that many."""
        assert fmt in FORMATS, fmt
        for k in (options or {}):
            assert k in OPTION_KEYS, k
        if records == "auto":
            records = None if prefix_only else len(rows) + sum(1 for i in issues if i["rejected"] is True)
        c = {"name": name, "format": fmt, "path": path, "companions": list(companions),
             "options": dict(options or {}),
             "documents": [case_document(r) for r in rows],
             "issues": [{k: v for k, v in i.items() if not k.startswith("_")} for i in issues],
             "records": records, "prefix_only": prefix_only}
        if known_bug:
            c["known_bug"] = known_bug
        assert name not in {x["name"] for x in self.cases}, name
        self.cases.append(c)


FORMATS = ("oscar2019-shuffled", "oscar2019-unshuffled", "oscar2109", "oscar2201", "oscar2301", "leipzig",
           "wikipedia", "opus", "danewsroom", "text", "jsonl")  # SourceFormat raw values
OPTION_KEYS = ("group_by_source", "group_lines", "include_math", "include_tables", "include_disambiguation",
               "invalid_utf8", "include_title")  # ReaderOptions coding keys


def case_document(r):
    d = {"id": r["id"], "text": r["text"]}
    if r.get("created"):
        d["created"] = r["created"]
    d["metadata"] = dict(r.get("metadata") or {})
    return d


def issue(kind, file_suffix, location, rejected, note="", location_any=None, byte_range=None):
    """An expected issue. file_suffix: the end of the issue's file path (for archives
    `archive.tar.gz:member`). location: "line N" / "byte N" / "file", or None = not checked
    (then location_any, a list of acceptable locations, or byte_range [lo, hi), when given).
    rejected: True / False, or None = not checked. note: EXPECTED.md only."""
    i = {"kind": kind, "file_suffix": file_suffix, "location": location, "rejected": rejected}
    if location_any:
        i["location_any"] = list(location_any)
    if byte_range:
        i["byte_range"] = list(byte_range)
    i["_note"] = note
    return i


def issues_table(issues, none="Expected issues: none."):
    if not issues:
        return none
    out = [f"Expected issues ({len(issues)}):", "", "| kind | file (suffix) | location | rejected | note |",
           "|---|---|---|---|---|"]
    for i in issues:
        if i["location"] is not None:
            loc = i["location"]
        elif i.get("location_any"):
            loc = " or ".join(i["location_any"])
        elif i.get("byte_range"):
            loc = f"a byte in [{i['byte_range'][0]}, {i['byte_range'][1]})"
        else:
            loc = "not checked"
        rej = {True: "yes", False: "no", None: "not checked"}[i["rejected"]]
        out.append(f"| `{i['kind']}` | `{i['file_suffix']}` | {loc} | {rej} | {i['_note']} |")
    return "\n".join(out)


def records_table(rows):
    """rows: list of dicts with id, text, created, metadata (dict or str)."""
    out = []
    for i, r in enumerate(rows, 1):
        out.append(f"{i}. id `{r['id']}`")
        out.append(f"   - text: `{show(r['text'])}`")
        if "created" in r:
            out.append(f"   - created: {('`' + r['created'] + '`') if r['created'] else 'none'}")
        if r.get("metadata"):
            md = r["metadata"]
            if isinstance(md, dict):
                md = ", ".join(f"`{k}`: {json.dumps(v, ensure_ascii=False)}" for k, v in md.items())
            out.append(f"   - metadata: {md}")
    return "\n".join(out)


# ------------------------------------------------------------------------------ OSCAR

O2019_L = [
    "Kommunen har i år brugt flere penge på at vedligeholde skolernes toiletter end i noget tidligere år, oplyser forvaltningen.",
    "Forvaltningen forventer dog, at udgifterne falder igen, når de nye anlæg er taget i brug i løbet af det kommende skoleår.",
    "Min have er på ingen måde perfekt, men jeg bruger rigtig meget tid i den hele året rundt, også om vinteren.\rDer er altid noget at lave.",
    "Om foråret sår jeg radiser og salat i højbedene,\u2028og om efteråret planter jeg løg til næste års blomster ved terrassen.",
    "Den nye cykelsti langs stranden bliver \ufeffindviet på lørdag, og kommunen inviterer alle borgere til kaffe og rundstykker.",
    "Cykelstien har kostet 14 millioner kroner og er finansieret af kommunen og en pulje fra Vejdirektoratet til bedre cykelforhold.",
]
O2019_SHUF = [
    "Vi bruger cookies for at give dig den bedste oplevelse på vores hjemmeside. Hvis du fortsætter, accepterer du vores brug af cookies.",
    "Byrådet vedtog i aftes budgettet for næste år med stemmerne fra alle partier undtagen ét, og dermed er der penge til en ny svømmehal.",
    "Tilmeld dig vores nyhedsbrev og få 10 % rabat på dit første køb samt eksklusive tilbud direkte i din indbakke hver eneste uge.",
]


def oscar2019(fx: Fixtures):
    L = O2019_L
    text = "\n".join([L[0], L[1], "", L[2], L[3], "", "", L[4], L[5]])  # no final LF
    assert all(len(l) >= 100 for l in L), [len(l) for l in L]
    fx.write("oscar2019/unshuffled/da_part_1.txt.gz", gz(text.encode()))
    f = "da_part_1.txt.gz"
    rows = [dict(id=f"oscar2019/unshuffled/{f}#0", text=L[0] + "\n" + L[1], metadata={"release": "2019", "variant": "unshuffled", "file": f}),
            dict(id=f"oscar2019/unshuffled/{f}#1", text=L[2] + "\n" + L[3], metadata={"release": "2019", "variant": "unshuffled", "file": f}),
            dict(id=f"oscar2019/unshuffled/{f}#2", text=L[4] + "\n" + L[5], metadata={"release": "2019", "variant": "unshuffled", "file": f})]
    fx.section("OSCAR 2019 unshuffled", ["oscar2019/unshuffled/da_part_1.txt.gz"], f"""
Hugging Face part (formats.md §1.2b). Decompressed: 9 physical lines, **no final LF**:
line 1–2 = document 0, line 3 empty, lines 4–5 = document 1, lines 6 and 7 empty (a double
blank line), lines 8–9 = document 2. Every non-empty line has ≥ 100 characters. Line 4 contains a
bare CR (0x0D) in mid-line, line 5 a U+2028, line 8 a U+FEFF: none of them splits a line.
Documents are the block's lines joined with `\\n`; the block index is 0-based (HF loader ids).

Expected records (3):

{records_table(rows)}

Expected issues: none. In particular the unterminated last line is a normal line.
""")
    fx.case("OSCAR 2019 unshuffled", "oscar2019-unshuffled", "oscar2019/unshuffled/da_part_1.txt.gz", rows)

    S = O2019_SHUF
    data = "\n".join([S[0], S[1], "", S[2]]) + "\n"
    fx.write("oscar2019/shuffled/da_dedup.txt.gz", gz(data.encode()))
    f = "da_dedup.txt.gz"
    rows = [dict(id=f"oscar2019/shuffled/{f}#L{n}", text=t, metadata={"release": "2019", "variant": "shuffled", "file": f})
            for n, t in ((1, S[0]), (2, S[1]), (4, S[2]))]
    fx.section("OSCAR 2019 shuffled", ["oscar2019/shuffled/da_dedup.txt.gz"], f"""
Shuffled dedup release (formats.md §1.2a): one record per line. 4 lines plus final LF; line 3
is empty and is skipped (not a record, not an issue). Ids use the 1-based physical line number,
so the numbering has a gap.

Expected records (3):

{records_table(rows)}

Expected issues: none.
""")
    fx.case("OSCAR 2019 shuffled", "oscar2019-shuffled", "oscar2019/shuffled/da_dedup.txt.gz", rows)


O2109_TEXT = "Første linje i dokument et.\nAnden linje i dokument et.\n\nEneste linje i dokument to.\n"
O2109_META = [
    '{"headers":{"warc-type":"conversion","warc-target-uri":"https://www.eksempel.dk/a","content-length":"4521","warc-date":"2021-03-01T12:34:56Z","warc-record-id":"<urn:uuid:0b1c2d3e-1111-4a2b-9c3d-4e5f60718293>","content-type":"text/plain","warc-refers-to":"<urn:uuid:1c2d3e4f-2222-4b3c-8d4e-5f6071829304>","warc-block-digest":"sha1:ABCDEFGHIJKLMNOPQRSTUVWXYZ234567","warc-identified-content-language":"dan,eng"},"offset":0,"nb_sentences":2}',
    '{"headers":{"warc-record-id":"<urn:uuid:2d3e4f50-3333-4c4d-9e5f-607182930415>","warc-date":"2021-03-02T01:02:03Z","warc-target-uri":"http://eksempel.dk/b","warc-type":"conversion","content-type":"text/plain","content-length":"812","warc-refers-to":"<urn:uuid:3e4f5061-4444-4d5e-8f60-718293041526>","warc-block-digest":"sha1:QRSTUVWXYZ234567ABCDEFGHIJKLMNOP"},"offset":3,"nb_sentences":1}',
]
O2109_BAD3 = '{"headers":{"warc-type":"conversion","warc-target-uri":"https://www.eksempel.dk/c","warc-date":"2021-03-03T09:10:11Z","warc-record-id":"<urn:uuid:4f506172-5555-4e6f-a071-829304152637>","content-type":"text/plain","content-length":"1999","warc-identified-content-language":"dan"},"offset":5,"nb_sentences":1}'


def oscar2109(fx: Fixtures):
    for sub in ("good", "bad_offsets"):
        meta = O2109_META + ([O2109_BAD3] if sub == "bad_offsets" else [])
        fx.write(f"oscar2109/{sub}/da_part_1.txt.gz", gz(O2109_TEXT.encode()))
        fx.write(f"oscar2109/{sub}/da_meta_part_1.jsonl.gz", gz(("\n".join(meta) + "\n").encode()))
    rows = [dict(id="<urn:uuid:0b1c2d3e-1111-4a2b-9c3d-4e5f60718293>", text="Første linje i dokument et.\nAnden linje i dokument et.",
                 created="2021-03-01T12:34:56Z", metadata={"release": "21.09", "file": "da_part_1.txt.gz", "offset": 0,
                                                          "url": "https://www.eksempel.dk/a", "warc_languages": "dan,eng"}),
            dict(id="<urn:uuid:2d3e4f50-3333-4c4d-9e5f-607182930415>", text="Eneste linje i dokument to.",
                 created="2021-03-02T01:02:03Z", metadata={"release": "21.09", "file": "da_part_1.txt.gz", "offset": 3,
                                                          "url": "http://eksempel.dk/b"})]
    fx.section("OSCAR 21.09 text + meta (good)",
               ["oscar2109/good/da_part_1.txt.gz", "oscar2109/good/da_meta_part_1.jsonl.gz"], f"""
The exact formats.md §1.3 fixture: a 4-line text part (final LF) and 2 meta records
(`offset` 0/`nb_sentences` 2, `offset` 3/`nb_sentences` 1). The pair is one input unit: text part
N goes with meta part N. Record 2 has no `warc-identified-content-language`, so no
`warc_languages` metadata. Header key order differs between the two records.

Expected records (2):

{records_table(rows)}

Expected issues: none.
""")
    fx.case("OSCAR 21.09 text + meta (good)", "oscar2109", "oscar2109/good/da_part_1.txt.gz", rows,
            companions=["oscar2109/good/da_meta_part_1.jsonl.gz"])
    issues = [issue("offset_mismatch", "oscar2109/bad_offsets/da_meta_part_1.jsonl.gz", "line 3", True,
                    "1 document lost: `offset` 5 is past the end of the text part")]
    fx.section("OSCAR 21.09 text + meta (offsets disagree)",
               ["oscar2109/bad_offsets/da_part_1.txt.gz", "oscar2109/bad_offsets/da_meta_part_1.jsonl.gz"], f"""
Same 4-line text part as `good/`; the meta part has a third record (meta line 3, id
`<urn:uuid:4f506172-5555-4e6f-a071-829304152637>`) with `offset` 5, `nb_sentences` 1: it points
past the end of the text part (which has line indexes 0–3).

Expected records (2): the same two records as `good/` (same ids, texts, created).

{issues_table(issues)}

No issue for the text part: every text line is covered by meta records 1–2.
""")
    fx.case("OSCAR 21.09 text + meta (offsets disagree)", "oscar2109", "oscar2109/bad_offsets/da_part_1.txt.gz", rows,
            issues, companions=["oscar2109/bad_offsets/da_meta_part_1.jsonl.gz"])


O2201_FORMATS_MD = '{"content":"Velkommen til Cykelbutikken\\nVi sælger brugte cykler og reservedele.\\nÅbent alle hverdage 10-17","warc_headers":{"warc-target-uri":"https://www.eksempel.dk/om-os","warc-date":"2021-12-01T08:15:30Z","warc-record-id":"<urn:uuid:6f1d2c3b-8a9e-4b7c-9d0e-1f2a3b4c5d6e>","content-type":"text/plain","warc-type":"conversion","content-length":"2313","warc-refers-to":"<urn:uuid:0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d>","warc-identified-content-language":"dan,eng","warc-block-digest":"sha1:QWERTYUIOPASDFGHJKLZXCVBNM234567"},"metadata":{"identification":{"label":"da","prob":0.9312467},"annotation":["tiny"],"sentence_identifications":[{"label":"da","prob":0.9512341},{"label":"da","prob":0.99871236},null]}}'


def o2201_rec(content, rid, url, date, ann, probs, lang="dan"):
    h = {"warc-record-id": rid, "warc-date": date, "content-type": "text/plain", "warc-type": "conversion",
         "warc-target-uri": url, "content-length": str(1000 + len(content)),
         "warc-refers-to": "<urn:uuid:99999999-0000-4000-8000-" + rid[-13:-1] + ">",
         "warc-block-digest": "sha1:AAAABBBBCCCCDDDDEEEEFFFFGGGGHHHH"}
    if lang:
        h["warc-identified-content-language"] = lang
    ids = [None if p is None else {"label": "da", "prob": p} for p in probs]
    assert len(ids) == content.count("\n") + 1
    return js({"content": content, "warc_headers": h,
               "metadata": {"identification": {"label": "da", "prob": 0.9456789}, "annotation": ann,
                            "sentence_identifications": ids}})


R_NULL = ("<urn:uuid:7a2e3d4c-1b0a-4f9e-8d7c-6b5a4f3e2d1c>", "https://www.eksempel.dk/blog/sommerferie",
          "2021-11-28T17:45:00Z",
          "Sommerferien gik i år til Bornholm, hvor vi boede i et lille hus tæt på stranden i Sandvig.\nVi cyklede hver dag og spiste røget sild på havnen i Gudhjem, præcis som da jeg selv var barn.")
R_FEFF = ("<urn:uuid:8b3f4e5d-2c1b-4a0f-9e8d-7c6b5a4f3e2d>", "https://bibliotek.eksempel.dk/nyheder",
          "2021-12-03T10:00:00Z", "Nyheder\n\ufeffByens nye bibliotek åbner mandag.\nDer er fri entré hele ugen.")


def oscar2201(fx: Fixtures):
    good = [O2201_FORMATS_MD,
            o2201_rec(R_NULL[3], R_NULL[0], R_NULL[1], R_NULL[2], None, [0.9876543, 0.9912345]),
            o2201_rec(R_FEFF[3], R_FEFF[0], R_FEFF[1], R_FEFF[2], ["tiny"], [None, 0.9654321, 0.9543219])]
    fx.write("oscar2201/good/da_meta_part_1.jsonl.gz", gz(("\n".join(good) + "\n").encode()))
    f = "da_meta_part_1.jsonl.gz"
    rows = [dict(id="<urn:uuid:6f1d2c3b-8a9e-4b7c-9d0e-1f2a3b4c5d6e>",
                 text="Velkommen til Cykelbutikken\nVi sælger brugte cykler og reservedele.\nÅbent alle hverdage 10-17",
                 created="2021-12-01T08:15:30Z",
                 metadata={"release": "22.01", "file": f, "line": 1, "url": "https://www.eksempel.dk/om-os",
                           "warc_languages": "dan,eng", "identification": {"label": "da", "prob": 0.9312467},
                           "annotation": ["tiny"]}),
            dict(id=R_NULL[0], text=R_NULL[3], created=R_NULL[2],
                 metadata={"release": "22.01", "file": f, "line": 2, "url": R_NULL[1], "warc_languages": "dan",
                           "identification": {"label": "da", "prob": 0.9456789}, "annotation": None}),
            dict(id=R_FEFF[0], text=R_FEFF[3], created=R_FEFF[2],
                 metadata={"release": "22.01", "file": f, "line": 3, "url": R_FEFF[1], "warc_languages": "dan",
                           "identification": {"label": "da", "prob": 0.9456789}, "annotation": ["tiny"]})]
    fx.section("OSCAR 22.01 (good)", ["oscar2201/good/da_meta_part_1.jsonl.gz"], f"""
Three JSONL lines (final LF): line 1 is the exact formats.md §1.4 line; line 2 has
`"annotation":null`; line 3's `content` has U+FEFF at the start of its second line (must be
kept, not stripped). `sentence_identifications` has one entry per `\\n`-separated content line
in every record (3, 2, 3). Header key order differs per record.

Expected records (3) (metadata keys as the current reader names them; `annotation: null` is
present as JSON null):

{records_table(rows)}

Expected issues: none.
""")
    fx.case("OSCAR 22.01 (good)", "oscar2201", "oscar2201/good/da_meta_part_1.jsonl.gz", rows)

    rec_a = o2201_rec("Første gode dokument.\nDet har to linjer.", "<urn:uuid:a0000000-0000-4000-8000-000000000001>",
                      "https://www.eksempel.dk/1", "2021-11-27T01:00:00Z", ["tiny"], [0.99, 0.98])
    rec_b = o2201_rec("Andet gode dokument.", "<urn:uuid:a0000000-0000-4000-8000-000000000003>",
                      "https://www.eksempel.dk/3", "2021-11-27T03:00:00Z", ["tiny"], [0.97])
    rec_d = o2201_rec("Sidste gode dokument.", "<urn:uuid:a0000000-0000-4000-8000-000000000006>",
                      "https://www.eksempel.dk/6", "2021-11-27T06:00:00Z", ["tiny"], [0.96])
    malformed = '{"content":"Denne linje er skåret over midt i en streng'
    bad_utf8 = o2201_rec("København er Danmarks hovedstad.", "<urn:uuid:a0000000-0000-4000-8000-000000000004>",
                         "https://www.eksempel.dk/4", "2021-11-27T04:00:00Z", ["tiny"], [0.95])
    bad_utf8_b = bad_utf8.encode().replace("København".encode(), b"K\xf8benhavn")  # Latin-1 'ø'
    missing = js({"warc_headers": {"warc-record-id": "<urn:uuid:a0000000-0000-4000-8000-000000000005>",
                                   "warc-target-uri": "https://www.eksempel.dk/5", "warc-date": "2021-11-27T05:00:00Z"},
                  "metadata": {"identification": {"label": "da", "prob": 0.9}, "annotation": None,
                               "sentence_identifications": []}})
    lines = [rec_a.encode(), malformed.encode(), rec_b.encode(), bad_utf8_b, missing.encode(), rec_d.encode()]
    data = b"\n".join(lines) + b"\n"
    fx.write("oscar2201/broken/da_meta_part_1.jsonl.gz", gz(data))
    st = line_starts(data)
    bad_at = data.index(b"\xf8")
    rows = [dict(id="<urn:uuid:a0000000-0000-4000-8000-000000000001>", text="Første gode dokument.\nDet har to linjer.",
                 created="2021-11-27T01:00:00Z", metadata={"line": 1}),
            dict(id="<urn:uuid:a0000000-0000-4000-8000-000000000003>", text="Andet gode dokument.",
                 created="2021-11-27T03:00:00Z", metadata={"line": 3}),
            dict(id="<urn:uuid:a0000000-0000-4000-8000-000000000006>", text="Sidste gode dokument.",
                 created="2021-11-27T06:00:00Z", metadata={"line": 6})]
    bf = "oscar2201/broken/da_meta_part_1.jsonl.gz"
    issues = [issue("malformed_json", bf, "line 2", True, f"line starts at decompressed byte {st[2]}"),
              issue("invalid_utf8", bf, "line 4", True,
                    f"line starts at decompressed byte {st[4]}; bad byte at decompressed offset {bad_at}"),
              issue("missing_field", bf, "line 5", True, f"`content`; line starts at decompressed byte {st[5]}")]
    row4 = dict(id="<urn:uuid:a0000000-0000-4000-8000-000000000004>", text="K\ufffdbenhavn er Danmarks hovedstad.",
                created="2021-11-27T04:00:00Z", metadata={"line": 4})
    rows_r = rows[:2] + [row4] + rows[2:]
    issues_r = [issues[0], dict(issues[1], rejected=False), issues[2]]
    fx.section("OSCAR 22.01 (broken)", ["oscar2201/broken/da_meta_part_1.jsonl.gz"], f"""
Six lines (final LF), gzip itself is intact. Line 2 is JSON cut off inside a string; line 4 is
well-formed JSON except that `content` holds the Latin-1 byte 0xF8 (`K\\xF8benhavn`), which is
invalid UTF-8; line 5 is a valid object without `content`.

Expected records (3): lines 1, 3 and 6.

{records_table(rows)}

{issues_table(issues)}

Reading continues after each issue.

With `invalid_utf8: replace` the line-4 record is instead kept as id
`{row4['id']}`, text `{show(row4['text'])}`,
and the `invalid_utf8` issue is reported with rejected = no (4 records, 2 rejections):

{records_table(rows_r)}

{issues_table(issues_r)}
""")
    fx.case("OSCAR 22.01 (broken)", "oscar2201", bf, rows, issues)
    fx.case("OSCAR 22.01 (broken), invalid_utf8: replace", "oscar2201", bf, rows_r, issues_r,
            options={"invalid_utf8": "replace"})


O2301_FORMATS_MD = '{"content":"Nyt fra kommunen\\nByrådet har vedtaget budgettet for næste år.","warc_headers":{"warc-record-id":"<urn:uuid:9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d>","content-type":"text/plain","warc-target-uri":"https://kommune.eksempel.dk/nyheder/budget","content-length":"1694","warc-date":"2022-11-30T14:05:09Z","warc-type":"conversion","warc-block-digest":"sha1:MNBVCXZLKJHGFDSAPOIUYTREWQ765432","warc-refers-to":"<urn:uuid:1f2e3d4c-5b6a-4798-8a7b-6c5d4e3f2a1b>","warc-identified-content-language":"dan"},"metadata":{"identification":{"label":"da","prob":0.9771235},"harmful_pp":null,"tlsh":"tlsh:T1A2B3C4D5E6F70812","quality_warnings":["tiny","short_sentences"],"categories":null,"sentence_identifications":[{"label":"da","prob":0.9654321},{"label":"da","prob":0.9987654}]}}'


def o2301_rec(content, rid, url, date, warnings, cats, harmful, tlsh, probs):
    ids = [None if p is None else {"label": "da", "prob": p} for p in probs]
    assert len(ids) == content.count("\n") + 1
    return js({"content": content,
               "warc_headers": {"warc-type": "conversion", "warc-target-uri": url, "warc-date": date,
                                "warc-record-id": rid, "content-type": "text/plain", "content-length": "3000",
                                "warc-identified-content-language": "dan"},
               "metadata": {"identification": {"label": "da", "prob": 0.95}, "harmful_pp": harmful, "tlsh": tlsh,
                            "quality_warnings": warnings, "categories": cats, "sentence_identifications": ids}})


def oscar2301(fx: Fixtures):
    r2 = o2301_rec("Lokalavisen\nHavnen får ny promenade til 40 millioner kroner, som står klar næste sommer.\nLæs mere",
                   "<urn:uuid:b0000000-0000-4000-8000-000000000002>", "https://avis.eksempel.dk/havn",
                   "2022-12-01T07:30:00Z", ["header", "footer"], ["news"], 1234.5678,
                   "tlsh:T1" + "0123456789ABCDEF" * 4 + "012345", [None, 0.9876, None])
    r3 = o2301_rec("Et dokument hvor alle valgfrie felter er null.", "<urn:uuid:b0000000-0000-4000-8000-000000000003>",
                   "https://www.eksempel.dk/null", "2022-12-02T08:00:00Z", None, None, None, None, [0.91])
    data = ("\n".join([O2301_FORMATS_MD, r2, r3]) + "\n").encode()
    l2 = data.index(b"\n") + 1
    cut = data.index("promenade".encode(), l2)  # frame boundary in the middle of line 2
    good = zst(data[:cut]) + zst(data[cut:])
    fx.write("oscar2301/good/da_meta_part_1.jsonl.zst", good)
    check = subprocess.run(["zstd", "-dc"], input=good, stdout=subprocess.PIPE, check=True).stdout
    assert check == data
    f = "da_meta_part_1.jsonl.zst"
    rows = [dict(id="<urn:uuid:9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d>", text="Nyt fra kommunen\nByrådet har vedtaget budgettet for næste år.",
                 created="2022-11-30T14:05:09Z",
                 metadata={"release": "23.01", "file": f, "line": 1, "url": "https://kommune.eksempel.dk/nyheder/budget",
                           "warc_languages": "dan", "identification": {"label": "da", "prob": 0.9771235},
                           "quality_warnings": ["tiny", "short_sentences"], "categories": None, "harmful_pp": None,
                           "tlsh": "tlsh:T1A2B3C4D5E6F70812"}),
            dict(id="<urn:uuid:b0000000-0000-4000-8000-000000000002>",
                 text="Lokalavisen\nHavnen får ny promenade til 40 millioner kroner, som står klar næste sommer.\nLæs mere",
                 created="2022-12-01T07:30:00Z",
                 metadata={"quality_warnings": ["header", "footer"], "categories": ["news"], "harmful_pp": 1234.5678}),
            dict(id="<urn:uuid:b0000000-0000-4000-8000-000000000003>", text="Et dokument hvor alle valgfrie felter er null.",
                 created="2022-12-02T08:00:00Z",
                 metadata={"quality_warnings": None, "categories": None, "harmful_pp": None, "tlsh": None})]
    fx.section("OSCAR 23.01 (good, two zstd frames)", ["oscar2301/good/da_meta_part_1.jsonl.zst"], f"""
Three JSONL lines (final LF; {len(data)} bytes decompressed), line 1 = the exact formats.md §1.5
line. Compressed as **two zstd frames**; the frame boundary is at decompressed byte {cut},
**inside line 2** (just before `promenade`): a reader must carry the partial line across frames.
Line 3 has every optional metadata value `null`.

Expected records (3):

{records_table(rows)}

Expected issues: none.
""")
    fx.case("OSCAR 23.01 (good, two zstd frames)", "oscar2301", "oscar2301/good/da_meta_part_1.jsonl.zst", rows)

    lines = [
        o2301_rec("Første dokument i første frame.", "<urn:uuid:c0000000-0000-4000-8000-000000000001>",
                  "https://www.eksempel.dk/t1", "2022-12-03T01:00:00Z", ["tiny"], None, None, None, [0.97]),
        o2301_rec("Andet dokument i første frame.", "<urn:uuid:c0000000-0000-4000-8000-000000000002>",
                  "https://www.eksempel.dk/t2", "2022-12-03T02:00:00Z", ["tiny"], None, None, None, [0.96]),
        o2301_rec("Tredje dokument, i anden frame, som bliver skåret over.", "<urn:uuid:c0000000-0000-4000-8000-000000000003>",
                  "https://www.eksempel.dk/t3", "2022-12-03T03:00:00Z", ["tiny"], None, None, None, [0.95]),
        o2301_rec("Fjerde dokument, som heller ikke kommer med.", "<urn:uuid:c0000000-0000-4000-8000-000000000004>",
                  "https://www.eksempel.dk/t4", "2022-12-03T04:00:00Z", ["tiny"], None, None, None, [0.94]),
    ]
    f1 = ("\n".join(lines[:2]) + "\n").encode()
    f2 = ("\n".join(lines[2:]) + "\n").encode()
    z1, z2 = zst(f1), zst(f2)
    trunc = z1 + z2[: len(z2) // 2]
    fx.write("oscar2301/truncated/da_meta_part_1.jsonl.zst", trunc)
    real = subprocess.run(["zstd", "-dc"], input=trunc, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert real.returncode != 0 and real.stdout == f1, (real.returncode, len(real.stdout), len(f1))
    rows = [dict(id="<urn:uuid:c0000000-0000-4000-8000-000000000001>", text="Første dokument i første frame.",
                 created="2022-12-03T01:00:00Z", metadata={"line": 1, "quality_warnings": ["tiny"]}),
            dict(id="<urn:uuid:c0000000-0000-4000-8000-000000000002>", text="Andet dokument i første frame.",
                 created="2022-12-03T02:00:00Z", metadata={"line": 2, "quality_warnings": ["tiny"]})]
    issues = [issue("truncated_stream", "oscar2301/truncated/da_meta_part_1.jsonl.zst", f"byte {len(f1)}", None,
                    "\"zstd stream ends inside a frame\"; records 3–4 are lost, but no partial record was read")]
    fx.section("OSCAR 23.01 (truncated zstd)", ["oscar2301/truncated/da_meta_part_1.jsonl.zst"], f"""
Frame 1 ({len(z1)} bytes compressed) holds lines 1–2 completely ({len(f1)} bytes decompressed,
ending in LF). Frame 2 (lines 3–4, {len(z2)} bytes) is cut after {len(z2) // 2} bytes, in the middle
of its only block, so the file is {len(trunc)} bytes. `zstd -dc` on this file prints exactly lines 1–2
and fails ("truncated input"); `zstd -t` fails.

Expected records (2):

{records_table(rows)}

{issues_table(issues)}

The location is decoded byte {len(f1)} (= everything before it was delivered; no partial line is
produced; records 3–4 are lost). The compressed file offset where the data ends is {len(trunc)}.
""")
    fx.case("OSCAR 23.01 (truncated zstd)", "oscar2301", "oscar2301/truncated/da_meta_part_1.jsonl.zst", rows, issues)


# ------------------------------------------------------------------------------ Leipzig

def leipzig(fx: Fixtures):
    c = "dan_news_2020_10K"
    sents = ["1\t\"Det er en stor dag for byen,\" siger borgmesteren.",
             "2\t10 procent af de adspurgte svarede ja.",
             "3\tBenyt ogsÃ¥ lejligheden til at opdatere dine oplysninger."]
    members = [(f"{c}/{c}-sentences.txt", ("\n".join(sents) + "\n").encode()),
               (f"{c}/{c}-sources.txt", b"1\thttp://www.dr.dk/nyheder/indland/eksempel-artikel\t2020-03-14\n"),
               (f"{c}/{c}-inv_so.txt", b"1\t1\n1\t3\n")]
    fx.write(f"leipzig/{c}.tar.gz", gz(tar_bytes(members)))
    url = "http://www.dr.dk/nyheder/indland/eksempel-artikel"
    md = lambda sid, u: {"corpus": c, "file": f"{c}/{c}-sentences.txt", "s_id": sid, **({"url": u} if u else {})}
    rows = [dict(id=f"{c}:1", text="\"Det er en stor dag for byen,\" siger borgmesteren.", created="2020-03-14", metadata=md(1, url)),
            dict(id=f"{c}:2", text="10 procent af de adspurgte svarede ja.", created=None, metadata=md(2, None)),
            dict(id=f"{c}:3", text="Benyt ogsÃ¥ lejligheden til at opdatere dine oplysninger.", created="2020-03-14", metadata=md(3, url))]
    so1 = dict(id=f"{c}:so1", text=rows[0]["text"] + "\n" + rows[2]["text"], created="2020-03-14",
               metadata={"corpus": c, "file": f"{c}/{c}-sentences.txt", "so_id": 1, "s_ids": [1, 3], "url": url})
    rows_g = [so1, rows[1]]
    fx.section("Leipzig minimal archive", [f"leipzig/{c}.tar.gz"], f"""
The formats.md §2.4 minimal fixture: a gzip'd USTAR archive with exactly three members under the
directory prefix `{c}/` (no directory entry): `-sentences.txt`, `-sources.txt`, `-inv_so.txt`
(`so_id⇥s_id` = `1⇥1`, `1⇥3`). Sentence 2 has no source. The mojibake `ogsÃ¥` in sentence 3 must
be passed through unchanged.

Expected records (3):

{records_table(rows)}

With `group_by_source: true`: 2 documents (3 records read) — sentences 1 and 3 share source 1 and
become one document, in `s_id` order; sentence 2 has no source and stays a single document:

{records_table(rows_g)}

Expected issues: none.
""")
    fx.case("Leipzig minimal archive", "leipzig", f"leipzig/{c}.tar.gz", rows)
    fx.case("Leipzig minimal archive, group_by_source: true", "leipzig", f"leipzig/{c}.tar.gz", rows_g, records=3,
            options={"group_by_source": True})

    c = "dan_newscrawl_2011_10K"
    sents = ["1\tNu er det endelig blevet forår i haven.", "2\tConnection: close X-Powered-By: PleskLin",
             "3\tTak for en fantastisk aften til alle, der kom forbi!"]
    members = [(f"._{c}-sentences.txt", appledouble()), (f"{c}-sentences.txt", ("\n".join(sents) + "\n").encode())]
    fx.write(f"leipzig/{c}-text.tar.gz", gz(tar_bytes(members)))
    rows = [dict(id=f"{c}:{i}", text=s.split("\t", 1)[1], created=None,
                 metadata={"corpus": c, "file": f"{c}-sentences.txt", "s_id": i}) for i, s in enumerate(sents, 1)]
    fx.section("Leipzig old-style archive (no directory prefix)", [f"leipzig/{c}-text.tar.gz"], f"""
Old "text" archive: members at the **archive root**, no sources/inv_so. First member is an
AppleDouble file `._{c}-sentences.txt` (binary, starts `00 05 16 07`; its name also ends in
`-sentences.txt`): it must be skipped silently. The corpus id comes from the member name
(`{c}`), not from the archive name (`…-text.tar.gz`).

Expected records (3):

{records_table(rows)}

Expected issues: none.
""")
    fx.case("Leipzig old-style archive (no directory prefix)", "leipzig", f"leipzig/{c}-text.tar.gz", rows)

    # Truncated gzip: sources + inv_so first, then sentences cut in the middle.
    c = "dan_news_2019_10K"
    words = ["Havnen", "Byrådet", "Skolen", "Politiet", "Festivalen", "Kommunen", "Regionen", "Museet",
             "Biblioteket", "Banen"]
    verbs = ["åbner igen efter en lang renovering", "får flere penge i det nye budget",
             "melder om travlhed i weekenden", "søger frivillige til sommerens arrangementer",
             "inviterer til borgermøde om trafikken", "holder lukket i uge 42"]
    sents = [f"{i}\t{words[i % 10]} i {['Aarhus', 'Odense', 'Vejle', 'Ribe', 'Skive', 'Køge', 'Ringsted'][i % 7]} "
             f"{verbs[i % 6]} (nr. {i * 37 % 101})." for i in range(1, 61)]
    sent_bytes = ("\n".join(sents) + "\n").encode()
    srcs = b"1\thttps://www.eksempel.dk/nyheder/1\t2019-05-01\n2\thttps://www.eksempel.dk/nyheder/2\t2019-06-02\n"
    inv = b"1\t1\n1\t2\n2\t5\n2\t59\n"
    tb = tar_bytes([(f"{c}/{c}-sources.txt", srcs), (f"{c}/{c}-inv_so.txt", inv), (f"{c}/{c}-sentences.txt", sent_bytes)])
    body_start = tb.index(sent_bytes)
    full = gz(tb)
    target = body_start + len(sent_bytes) // 2
    cut = None
    for n in range(20, len(full)):
        got = zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(full[:n])
        if len(got) >= target:
            cut = n
            break
    avail = zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(full[:cut])
    assert body_start < len(avail) < body_start + len(sent_bytes)
    readable = avail[body_start:]
    k = readable.count(b"\n")
    partial_at = readable.rfind(b"\n") + 1
    fx.write(f"leipzig/broken/{c}.tar.gz", full[:cut])
    source_of = {int(so): (u, d) for so, u, d in (l.split("\t") for l in srcs.decode().splitlines())}
    links = {int(sid): source_of[int(so)] for so, sid in (l.split("\t") for l in inv.decode().splitlines())}
    rows = []
    for line in sents[:k]:
        sid, text = line.split("\t", 1)
        md = {"corpus": c, "file": f"{c}/{c}-sentences.txt", "s_id": int(sid)}
        if int(sid) in links:
            md["url"] = links[int(sid)][0]
        rows.append(dict(id=f"{c}:{sid}", text=text, created=links[int(sid)][1] if int(sid) in links else None, metadata=md))
    issues = [issue("truncated_stream", f"leipzig/broken/{c}.tar.gz", None, True,
                    f"gzip layer (\"gzip stream ends inside member 1\") or tar layer (\"archive ends inside member "
                    f"'{c}/{c}-sentences.txt'\"); the partial line {k + 1} is lost",
                    location_any=[f"byte {len(avail)}", f"byte {len(readable)}"])]
    fx.section("Leipzig truncated archive", [f"leipzig/broken/{c}.tar.gz"], f"""
A gzip'd tar cut after {cut} of {len(full)} compressed bytes. Members in order: `{c}/{c}-sources.txt`
(2 sources), `{c}/{c}-inv_so.txt` (`1⇥1`, `1⇥2`, `2⇥5`, `2⇥59`), `{c}/{c}-sentences.txt` (60
sentences, {len(sent_bytes)} bytes, starts at tar offset {body_start}). zlib can decode {len(avail)}
bytes of the tar stream from the truncated file, i.e. the first {len(readable)} bytes of the
sentences member: {k} complete lines, then a partial line {k + 1} starting at member byte
{partial_at}. Sentence i is `"<word> i <town> <verb> (nr. <i·37 mod 101>)."`, e.g. line 1 =
`{show(sents[0].split(chr(9), 1)[1])}`, line {k} = `{show(sents[k - 1].split(chr(9), 1)[1])}`.

Expected records: ids `{c}:1` … `{c}:{k}` in order, each text = the sentence after the TAB;
`{c}:1` and `{c}:2` have url `https://www.eksempel.dk/nyheder/1` and created `2019-05-01`,
`{c}:5` has url `https://www.eksempel.dk/nyheder/2` and created `2019-06-02`; the others have no
url. The partial line {k + 1} must **not** be emitted (it has no LF: it was cut off).
A reader that decodes in larger steps may stop earlier; the robust assertion is: ≥ 1 record,
records are a prefix of `{c}:1…{k}` with exactly these texts, and no record for line ≥ {k + 1}.

{issues_table(issues)}

The location is decoded byte {len(avail)} of the tar stream (the tar layer may report the member
body position instead: {len(readable)}).
""")
    fx.case("Leipzig truncated archive", "leipzig", f"leipzig/broken/{c}.tar.gz", rows, issues, prefix_only=True)

    c = "dan_mixed_2014_10K"
    sents = b"1\tF\xc3\xb8rste s\xc3\xa6tning er i orden.\n2 Denne linje mangler tabulatoren.\n3\tTredje s\xc3\xa6tning er ogs\xc3\xa5 i orden.\n"
    fx.write(f"leipzig/broken/{c}.tar.gz", gz(tar_bytes([(f"{c}/{c}-sentences.txt", sents)])))
    md = lambda sid: {"corpus": c, "file": f"{c}/{c}-sentences.txt", "s_id": sid}
    rows = [dict(id=f"{c}:1", text="Første sætning er i orden.", metadata=md(1)),
            dict(id=f"{c}:3", text="Tredje sætning er også i orden.", metadata=md(3))]
    issues = [issue("malformed_record", f"leipzig/broken/{c}.tar.gz:{c}/{c}-sentences.txt", "line 2", True,
                    f"member line; byte {sents.index(b'2 Denne')} of the member")]
    fx.section("Leipzig sentence without TAB", [f"leipzig/broken/{c}.tar.gz"], f"""
One member `{c}/{c}-sentences.txt` with 3 lines; line 2 is `2 Denne linje mangler tabulatoren.`
(a space where the TAB should be).

Expected records (2) (no url, no created):

{records_table(rows)}

{issues_table(issues)}
""")
    fx.case("Leipzig sentence without TAB", "leipzig", f"leipzig/broken/{c}.tar.gz", rows, issues)

    c = "dan_web_2002_10K"
    sents = b"1\tVi har boet her i mange \xc3\xa5r.\n2\tVi bor p\xe5 landet og har tre b\xf8rn.\n3\tDet er en god by at bo i.\n"
    fx.write(f"leipzig/broken/{c}.tar.gz", gz(tar_bytes([(f"{c}/{c}-sentences.txt", sents)])))
    md = lambda sid: {"corpus": c, "file": f"{c}/{c}-sentences.txt", "s_id": sid}
    rows = [dict(id=f"{c}:1", text="Vi har boet her i mange år.", metadata=md(1)),
            dict(id=f"{c}:3", text="Det er en god by at bo i.", metadata=md(3))]
    rows_r = [rows[0], dict(id=f"{c}:2", text="Vi bor p\ufffd landet og har tre b\ufffdrn.", metadata=md(2)), rows[1]]
    assert rows_r[1]["text"] == sents.split(b"\n")[1].split(b"\t", 1)[1].decode("utf-8", "replace")
    issues = [issue("invalid_utf8", f"leipzig/broken/{c}.tar.gz:{c}/{c}-sentences.txt", "line 2", True)]
    issues_r = [dict(issues[0], rejected=False)]
    fx.section("Leipzig sentence with invalid UTF-8", [f"leipzig/broken/{c}.tar.gz"], f"""
One member `{c}/{c}-sentences.txt` with 3 lines; line 2 is Latin-1, not UTF-8:
`2⇥Vi bor p\\xE5 landet og har tre b\\xF8rn.`

Expected records (2) with the default `invalid_utf8: reject`:

{records_table(rows)}

{issues_table(issues)}

With `invalid_utf8: replace`: 3 records, and the issue is not a rejection:

{records_table(rows_r)}

{issues_table(issues_r)}
""")
    fx.case("Leipzig sentence with invalid UTF-8", "leipzig", f"leipzig/broken/{c}.tar.gz", rows, issues)
    fx.case("Leipzig sentence with invalid UTF-8, invalid_utf8: replace", "leipzig", f"leipzig/broken/{c}.tar.gz",
            rows_r, issues_r, options={"invalid_utf8": "replace"})


# ------------------------------------------------------------------------------ Wikipedia

WIKI_FORMATS_MD = """<wikipedia lang="da">
<article name="Æbletræ">
<redirect name="Æbletræer"/>
<category name="Frugttræer"/>
<crosslanguage_link language="en" name="Apple tree"/>
<content>
<p>Et <link target="Æble">æbletræ</link> er et træ i rosenfamilien.</p>
<h>Dyrkning</h>
<p>Æbletræer dyrkes i hele Danmark &amp; Skåne.</p>
<table><cell>Sort</cell><cell>Høst</cell></table>
</content>
</article>
<article name="Æble (flertydig)">
<disambiguation/>
<content>
<p>Æble kan henvise til flere ting.</p>
</content>
</article>
</wikipedia>
"""
WIKI_PLURAL = """<?xml version="1.0" encoding="UTF-8"?>
<wikipedia lang="da">
<article name="Rugbrød">
<redirects name="Rugbrod|Rugbrødet"/>
<categories name="Brød|Mad fra Danmark"/>
<links_in name="Smørrebrød"/>
<links_out name="Smørrebrød"/>
<content>
<p>Rugbrød er et mørkt brød bagt på surdej og rugmel.</p>
<p>Det er grundlaget for <link target="Smørrebrød">smørrebrød</link>.</p>
</content>
</article>
<article name="Cirkel">
<categories name="Geometri"/>
<content>
<p>Arealet af en cirkel er <math>A = \\pi r^2</math>, hvor <math>r &gt; 0</math> er radius.</p>
</content>
</article>
</wikipedia>
"""
WIKI_MALFORMED = """<wikipedia lang="da">
<article name="Første">
<content>
<p>Den første artikel er i orden.</p>
</content>
</article>
<article name="Anden">
<content>
<p>Her er et <link target="Et sted">anker</p>
</content>
</article>
<article name="Tredje">
<content>
<p>Den tredje artikel er også i orden.</p>
</content>
</article>
</wikipedia>
"""
WIKI_TRUNC_1 = """<wikipedia lang="da">
<article name="Hel artikel">
<category name="Test"/>
<content>
<p>Denne artikel ligger helt i den første bzip2-strøm.</p>
</content>
</article>
"""
WIKI_TRUNC_2 = """<article name="Tabt artikel">
<content>
<p>Denne artikel ligger i den anden bzip2-strøm, som er skåret over.</p>
<p>Ingen af dens tekst kan læses, fordi bzip2 kun kan afkode hele blokke.</p>
</content>
</article>
<article name="Også tabt">
<content>
<p>Heller ikke denne kommer med.</p>
</content>
</article>
</wikipedia>
"""


def wikipedia(fx: Fixtures):
    fx.write("wikipedia/dawiki-20181001-corpus.xml.bz2", bz2.compress(WIKI_FORMATS_MD.encode(), 9))
    rows = [dict(id="dawiki-20181001:Æbletræ",
                 text="Et æbletræ er et træ i rosenfamilien.\nDyrkning\nÆbletræer dyrkes i hele Danmark & Skåne.\nSort Høst",
                 created="2018-10-01",
                 metadata={"title": "Æbletræ", "url": "https://da.wikipedia.org/wiki/%C3%86bletr%C3%A6",
                           "file": "dawiki-20181001-corpus.xml.bz2", "disambiguation": False,
                           "categories": ["Frugttræer"], "redirects": ["Æbletræer"]}),
            dict(id="dawiki-20181001:Æble (flertydig)", text="Æble kan henvise til flere ting.", created="2018-10-01",
                 metadata={"title": "Æble (flertydig)", "url": "https://da.wikipedia.org/wiki/%C3%86ble_(flertydig)",
                           "disambiguation": True, "categories": [], "redirects": []})]
    rows_t = [dict(rows[0], text=rows[0]["text"].removesuffix("\nSort Høst")), rows[1]]
    assert rows_t[0]["text"] != rows[0]["text"]
    fx.section("linguatools Wikipedia, singular variant", ["wikipedia/dawiki-20181001-corpus.xml.bz2"], f"""
The exact formats.md §3.2 minimal fixture (no XML declaration), one bzip2 stream. Text
extraction: one line per `<p>`/`<h>`, one line per `<table>` with its cells separated by a
single space, link anchors kept, `&amp;` decoded; dump name = file name minus
`-corpus.xml.bz2`, created = the dump date.

Expected records (2):

{records_table(rows)}

With `include_disambiguation: false`, only record 1 (the second is skipped, counted as skipped
`disambiguation`, not as an issue; 2 records read). With `include_tables: false`, record 1's text
has no `Sort Høst` line:

{records_table(rows_t[:1])}

Expected issues: none.
""")
    wf = "wikipedia/dawiki-20181001-corpus.xml.bz2"
    fx.case("linguatools Wikipedia, singular variant", "wikipedia", wf, rows)
    fx.case("linguatools Wikipedia, singular variant, include_disambiguation: false", "wikipedia", wf, rows[:1],
            records=2, options={"include_disambiguation": False})
    fx.case("linguatools Wikipedia, singular variant, include_tables: false", "wikipedia", wf, rows_t,
            options={"include_tables": False})

    fx.write("wikipedia/dawiki-20140707-corpus.xml.bz2", bz2.compress(WIKI_PLURAL.encode(), 9))
    rows = [dict(id="dawiki-20140707:Rugbrød",
                 text="Rugbrød er et mørkt brød bagt på surdej og rugmel.\nDet er grundlaget for smørrebrød.",
                 created="2014-07-07",
                 metadata={"title": "Rugbrød", "url": "https://da.wikipedia.org/wiki/Rugbr%C3%B8d",
                           "disambiguation": False, "categories": ["Brød", "Mad fra Danmark"],
                           "redirects": ["Rugbrod", "Rugbrødet"]}),
            dict(id="dawiki-20140707:Cirkel", text="Arealet af en cirkel er A = \\pi r^2, hvor r > 0 er radius.",
                 created="2014-07-07",
                 metadata={"title": "Cirkel", "url": "https://da.wikipedia.org/wiki/Cirkel", "disambiguation": False,
                           "categories": ["Geometri"], "redirects": []})]
    # xml2txt -nomath drops the <math> subtrees and collapses each run of spaces (formats.md §3.2).
    rows_m = [rows[0], dict(rows[1], text="Arealet af en cirkel er , hvor er radius.")]
    fx.section("linguatools Wikipedia, plural variant", ["wikipedia/dawiki-20140707-corpus.xml.bz2"], f"""
Plural pipe-joined metadata (`<redirects name="Rugbrod|Rugbrødet"/>`,
`<categories name="Brød|Mad fra Danmark"/>`) **with** an `<?xml …?>` declaration, plus
`<links_in>`/`<links_out>` (opaque, not in the record). `<math>` content is kept by default and
`&gt;` decoded.

Expected records (2):

{records_table(rows)}

With `include_math: false` the Cirkel text contains neither `\\pi` nor `r > 0` (the `<math>`
elements are dropped and the run of spaces they leave is collapsed to one, as `xml2txt.pl -nomath`
does, formats.md §3.2):

{records_table(rows_m[1:])}

Expected issues: none.
""")
    wf = "wikipedia/dawiki-20140707-corpus.xml.bz2"
    fx.case("linguatools Wikipedia, plural variant", "wikipedia", wf, rows)
    fx.case("linguatools Wikipedia, plural variant, include_math: false", "wikipedia", wf, rows_m,
            options={"include_math": False})

    data = WIKI_MALFORMED.encode()
    fx.write("wikipedia/broken/dawiki-20160111-corpus.xml.bz2", bz2.compress(data, 9))
    a2 = data.index(b'<article name="Anden">')
    bad = data.index(b"</p>", a2)
    a3 = data.index(b'<article name="Tredje">')
    wf = "wikipedia/broken/dawiki-20160111-corpus.xml.bz2"
    rows = [dict(id="dawiki-20160111:Første", text="Den første artikel er i orden.", created="2016-01-11",
                 metadata={"title": "Første", "url": "https://da.wikipedia.org/wiki/F%C3%B8rste"}),
            dict(id="dawiki-20160111:Tredje", text="Den tredje artikel er også i orden.", created="2016-01-11",
                 metadata={"title": "Tredje", "url": "https://da.wikipedia.org/wiki/Tredje"})]
    issues = [issue("malformed_xml", wf, None, True,
                    f"article `Anden` lost; preferably byte {bad} (the `<` of the mismatched `</p>`)",
                    byte_range=(a2, a3))]
    fx.section("linguatools Wikipedia, malformed article", ["wikipedia/broken/dawiki-20160111-corpus.xml.bz2"], f"""
Three articles; the second (`Anden`) has `<link …>` opened and closed by `</p>` (mismatched
end tag). Decompressed offsets: article 2 starts at byte {a2}, the offending `</p>` at byte {bad},
article 3 starts at byte {a3}.

Expected records (2):

{records_table(rows)}

{issues_table(issues)}

The location is best byte {bad} (the `<` of the mismatched `</p>`); a parser that reports the end
of the tag or the article start is acceptable if the offset lies in [{a2}, {a3}). The reader must
resynchronise at the next `<article` and read `Tredje`.
""")
    fx.case("linguatools Wikipedia, malformed article", "wikipedia", wf, rows, issues)

    s1, s2 = WIKI_TRUNC_1.encode(), WIKI_TRUNC_2.encode()
    z2 = bz2.compress(s2, 9)
    trunc = bz2.compress(s1, 9) + z2[: len(z2) // 2]
    fx.write("wikipedia/broken/dawiki-20170101-corpus.xml.bz2", trunc)
    real = subprocess.run(["bzip2", "-dc"], input=trunc, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert real.returncode != 0 and real.stdout == s1, (real.returncode, real.stdout[:80])
    wf = "wikipedia/broken/dawiki-20170101-corpus.xml.bz2"
    rows = [dict(id="dawiki-20170101:Hel artikel", text="Denne artikel ligger helt i den første bzip2-strøm.",
                 created="2017-01-01", metadata={"categories": ["Test"], "url": "https://da.wikipedia.org/wiki/Hel_artikel"})]
    issues = [issue("truncated_stream", wf, f"byte {len(s1)}", None,
                    "\"bzip2 stream 2 ends before its end marker\"; no article was open")]
    fx.section("linguatools Wikipedia, truncated bzip2", ["wikipedia/broken/dawiki-20170101-corpus.xml.bz2"], f"""
Two bzip2 streams: stream 1 ({len(s1)} bytes decompressed) holds `<wikipedia lang="da">` and the
complete article `Hel artikel`; stream 2 (two more articles and `</wikipedia>`, {len(z2)} bytes
compressed) is cut after {len(z2) // 2} bytes. bzip2 decodes whole blocks only, so nothing of
stream 2 is readable: `bzip2 -dc` prints exactly stream 1 and fails; `bzip2 -t` fails.

Expected records (1):

{records_table(rows)}

{issues_table(issues)}

The location is decoded byte {len(s1)}. No `malformed_xml` issue: no article was open when the
stream broke (the missing `</wikipedia>` is a consequence of the truncation, not a second issue).
""")
    fx.case("linguatools Wikipedia, truncated bzip2", "wikipedia", wf, rows, issues)


# ------------------------------------------------------------------------------ OPUS

def opus(fx: Fixtures):
    p1, p2 = b"- Hvor skal du hen?\n- Hjem.\n", b"\nVi ses i morgen.\n"
    fx.write("opus/OpenSubtitles/v2018/mono/da.txt.gz", gz(p1) + gz(p2))
    pre = "OpenSubtitles/v2018/mono/da.txt.gz"
    md = lambda n: {"corpus": "OpenSubtitles", "version": "v2018", "file": "da.txt.gz", "line": n}
    rows = [dict(id=f"{pre}#L1", text="- Hvor skal du hen?", metadata=md(1)),
            dict(id=f"{pre}#L2", text="- Hjem.", metadata=md(2)),
            dict(id=f"{pre}#L4", text="Vi ses i morgen.", metadata=md(4))]
    rows_g = [dict(id=f"{pre}#L1-L2", text="- Hvor skal du hen?\n- Hjem.", metadata=md(1)), rows[2]]
    fx.section("OPUS mono (OpenSubtitles)", ["opus/OpenSubtitles/v2018/mono/da.txt.gz"], f"""
The formats.md §4.2 minimal fixture (4 lines, line 3 empty, final LF), written as a
**two-member gzip** (member 1 = lines 1–2, member 2 = the empty line 3 and line 4). Corpus and
version come from the path `…/{{Corpus}}/{{version}}/mono/da.txt.gz`; ids use the 1-based line
number over the whole decompressed stream (line numbering continues across gzip members).

Expected records (3):

{records_table(rows)}

With `group_lines: 2` (3 records read; metadata `line` = the group's first line):

{records_table(rows_g)}

Expected issues: none (empty lines are skipped silently).
""")
    of = "opus/OpenSubtitles/v2018/mono/da.txt.gz"
    fx.case("OPUS mono (OpenSubtitles)", "opus", of, rows)
    fx.case("OPUS mono (OpenSubtitles), group_lines: 2", "opus", of, rows_g, records=3, options={"group_lines": 2})

    data = "Genoptagelse af sessionen\nJeg erklærer Europa-Parlamentets session for genoptaget.\n\n(Bifald)\n".encode()
    fx.write("opus/Europarl.da-en.da", data)
    md = lambda n: {"file": "Europarl.da-en.da", "line": n}
    rows = [dict(id="opus/Europarl.da-en.da#L1", text="Genoptagelse af sessionen", metadata=md(1)),
            dict(id="opus/Europarl.da-en.da#L2", text="Jeg erklærer Europa-Parlamentets session for genoptaget.", metadata=md(2)),
            dict(id="opus/Europarl.da-en.da#L4", text="(Bifald)", metadata=md(4))]
    fx.section("OPUS Moses single side (uncompressed)", ["opus/Europarl.da-en.da"], f"""
One side of a Moses bitext as extracted from `moses/da-en.txt.zip`: plain UTF-8, **not
compressed**, one sentence per line, line 3 empty (an empty alignment side). The path has no
`mono/` layout, so the id prefix is `opus/{{file}}` and there is no corpus/version metadata.

Expected records (3):

{records_table(rows)}

Expected issues: none.
""")
    fx.case("OPUS Moses single side (uncompressed)", "opus", "opus/Europarl.da-en.da", rows)


# ------------------------------------------------------------------------------ DaNewsroom

DNR_FORMATS_MD = '{"url":"https:\\/\\/web.archive.org\\/web\\/20170105083000id_\\/http:\\/\\/www.eksempel.dk:80\\/nyheder\\/ny-bro-aabner","archive":"https:\\/\\/web.archive.org\\/web\\/20170105083000id_\\/http:\\/\\/www.eksempel.dk:80\\/nyheder\\/ny-bro-aabner","title":"Ny bro \\u00e5bner i \\u00e5r","date":null,"text":"Den nye bro over havnen \\u00e5bner allerede til sommer, oplyser kommunen.\\n\\nBroen har v\\u00e6ret undervejs i fem \\u00e5r og har kostet 300 millioner kroner.","summary":"Den nye bro over havnen \\u00e5bner allerede til sommer.","density":2.5,"coverage":0.8,"compression":20.5,"compression_bin":"medium","coverage_bin":"medium","density_bin":"mixed"}'
DNR_2 = '{"url":"https:\\/\\/web.archive.org\\/web\\/20180312141516id_\\/https:\\/\\/www.avis.eksempel.dk\\/sport\\/derby-sejr","archive":"https:\\/\\/web.archive.org\\/web\\/20180312141516id_\\/https:\\/\\/www.avis.eksempel.dk\\/sport\\/derby-sejr","title":"Sejr i derbyet \\ud83c\\udf89","date":null,"text":"Hjemmeholdet vandt derbyet 2-1 efter et m\\u00e5l i overtiden.\\n\\n\\u00bbDet var en fantastisk aften,\\u00ab siger tr\\u00e6neren \\/ holdlederen.","summary":"Hjemmeholdet vandt derbyet 2-1.","density":4.0,"coverage":1.0,"compression":6.6666666667,"compression_bin":"low","coverage_bin":"high","density_bin":"mixed"}'
DNR_3 = '{"url":"https:\\/\\/web.archive.org\\/web\\/20160701000000id_\\/http:\\/\\/www.eksempel.dk\\/kultur\\/article123.ece","archive":"https:\\/\\/web.archive.org\\/web\\/20160701000000id_\\/http:\\/\\/www.eksempel.dk\\/kultur\\/article123.ece","title":"Festival i regnvejr","date":null,"text":"Trods regnen kom over 10.000 g\\u00e6ster til festivalen i weekenden.","summary":"Regnen holdt ikke publikum v\\u00e6k.","density":1.0,"coverage":0.4,"compression":2.2,"compression_bin":"low","coverage_bin":"low","density_bin":"abstractive"}'
DNR_THIN = '{"density_bin":"mixed","archive":"https:\\/\\/web.archive.org\\/web\\/20170105083000id_\\/http:\\/\\/www.eksempel.dk:80\\/nyheder\\/ny-bro-aabner","coverage":0.8,"date":null,"compression_bin":"medium","density":2.5,"coverage_bin":"medium","compression":20.5}'


def danewsroom(fx: Fixtures):
    for l in (DNR_FORMATS_MD, DNR_2, DNR_3, DNR_THIN):
        json.loads(l)
        assert all(ord(c) < 128 for c in l)
    fx.write("danewsroom/good/danewsroom.jsonl.gz", gz(("\n".join([DNR_FORMATS_MD, DNR_2, DNR_3]) + "\n").encode()))
    a1 = "https://web.archive.org/web/20170105083000id_/http://www.eksempel.dk:80/nyheder/ny-bro-aabner"
    a2 = "https://web.archive.org/web/20180312141516id_/https://www.avis.eksempel.dk/sport/derby-sejr"
    a3 = "https://web.archive.org/web/20160701000000id_/http://www.eksempel.dk/kultur/article123.ece"
    rows = [dict(id=a1, text="Ny bro åbner i år\n\nDen nye bro over havnen åbner allerede til sommer, oplyser kommunen.\n\nBroen har været undervejs i fem år og har kostet 300 millioner kroner.",
                 created="2017-01-05T08:30:00Z",
                 metadata={"url": "http://www.eksempel.dk:80/nyheder/ny-bro-aabner", "site": "eksempel.dk", "title": "Ny bro åbner i år",
                           "density_bin": "mixed", "coverage_bin": "medium", "compression_bin": "medium", "file": "danewsroom.jsonl.gz", "line": 1}),
            dict(id=a2, text="Sejr i derbyet \U0001F389\n\nHjemmeholdet vandt derbyet 2-1 efter et mål i overtiden.\n\n»Det var en fantastisk aften,« siger træneren / holdlederen.",
                 created="2018-03-12T14:15:16Z",
                 metadata={"url": "https://www.avis.eksempel.dk/sport/derby-sejr", "site": "avis.eksempel.dk", "title": "Sejr i derbyet \U0001F389",
                           "density_bin": "mixed", "coverage_bin": "high", "compression_bin": "low", "line": 2}),
            dict(id=a3, text="Festival i regnvejr\n\nTrods regnen kom over 10.000 gæster til festivalen i weekenden.",
                 created="2016-07-01T00:00:00Z",
                 metadata={"url": "http://www.eksempel.dk/kultur/article123.ece", "site": "eksempel.dk", "title": "Festival i regnvejr",
                           "density_bin": "abstractive", "coverage_bin": "low", "compression_bin": "low", "line": 3})]
    bodies = [json.loads(l)["text"] for l in (DNR_FORMATS_MD, DNR_2, DNR_3)]
    for r, b in zip(rows, bodies):
        assert r["text"] == r["metadata"]["title"] + "\n\n" + b
    rows_nt = [dict(r, text=b) for r, b in zip(rows, bodies)]
    fx.section("DaNewsroom (good)", ["danewsroom/good/danewsroom.jsonl.gz"], f"""
Three ujson-style lines (pure ASCII: `\\uXXXX` lowercase, `\\/`), final LF. Line 1 = the exact
formats.md §5.2 line (url has `:80`). Line 2's title has an emoji as a surrogate pair
(`\\ud83c\\udf89` = U+1F389) and its text has `\\/` inside prose and `\\u00bb…\\u00ab` quotes;
`compression` has 10 decimals. Line 3 is `http` without `:80`. `url` == `archive` everywhere.

Expected records (3) with the default `include_title: true` (text = title + `\\n\\n` + text;
with `include_title: false` the text is the JSON `text` field alone). created = the 14-digit
archive timestamp as ISO 8601 UTC; metadata `url` = the part after `id_/` (`:80` kept):

{records_table(rows)}

With `include_title: false`, the same records with these texts:

{chr(10).join(f"{i}. `{show(r['text'])}`" for i, r in enumerate(rows_nt, 1))}

Expected issues: none.
""")
    df = "danewsroom/good/danewsroom.jsonl.gz"
    fx.case("DaNewsroom (good)", "danewsroom", df, rows)
    fx.case("DaNewsroom (good), include_title: false", "danewsroom", df, rows_nt, options={"include_title": False})

    malformed = DNR_3[: len(DNR_3) // 2]
    lines = [DNR_FORMATS_MD, malformed, DNR_THIN, DNR_2]
    data = ("\n".join(lines) + "\n").encode()
    st = line_starts(data)
    fx.write("danewsroom/broken/danewsroom.jsonl.gz", gz(data))
    df = "danewsroom/broken/danewsroom.jsonl.gz"
    rows = [dict(rows[0], metadata=dict(rows[0]["metadata"], line=1)), dict(rows[1], metadata=dict(rows[1]["metadata"], line=4))]
    issues = [issue("malformed_json", df, "line 2", True, f"line starts at decompressed byte {st[2]}"),
              issue("missing_field", df, "line 3", True, f"`text`; a thin-file record; line starts at decompressed byte {st[3]}")]
    fx.section("DaNewsroom (broken)", ["danewsroom/broken/danewsroom.jsonl.gz"], f"""
Four lines: 1 = formats.md line, 2 = line 3 of `good/` cut in half (malformed JSON), 3 = a
"thin" record (formats.md §5.2: no `text`, `title`, `summary`, `url`), 4 = line 2 of `good/`.

Expected records (2): lines 1 and 4, as records 1 and 2 of `good/`:

{records_table(rows)}

{issues_table(issues)}
""")
    fx.case("DaNewsroom (broken)", "danewsroom", df, rows, issues)


# ------------------------------------------------------------------------------ generic

def generic(fx: Fixtures):
    data = "Første dokument, linje et.\nFørste dokument, linje to.\n\n   \nAndet dokument.\n\n\nTredje dokument uden afsluttende linjeskift."
    fx.write("generic/notes.txt", data.encode())
    rows = [dict(id="notes.txt#0", text="Første dokument, linje et.\nFørste dokument, linje to.", metadata={"file": "notes.txt", "line": 1}),
            dict(id="notes.txt#1", text="Andet dokument.", metadata={"file": "notes.txt", "line": 5}),
            dict(id="notes.txt#2", text="Tredje dokument uden afsluttende linjeskift.", metadata={"file": "notes.txt", "line": 8})]
    fx.section("Plain text", ["generic/notes.txt"], f"""
A user's own plain text (uncompressed, no final LF). Line 3 is empty and line 4 holds three
spaces: both are blank and separate documents; lines 6–7 are a double blank. Ids are
`{{file}}#{{block}}` with a 0-based block index; metadata `line` = first line of the block.

Expected records (3):

{records_table(rows)}

Expected issues: none.
""")
    fx.case("Plain text", "text", "generic/notes.txt", rows)

    lines = [
        js({"id": "a1", "text": "Første tekst.", "source": "noter", "created": "2021-05-01", "metadata": {"forfatter": "Anne"}}),
        js({"text": "Tekst uden id.", "source": "noter"}),
        js({"id": "a3", "source": "noter", "metadata": {}}),
        js({"id": "a4", "text": "Sidste tekst med en ekstra nøgle.", "source": "web", "url": "https://eksempel.dk/a4"}),
    ]
    fx.write("generic/own.jsonl", ("\n".join(lines) + "\n").encode())
    rows = [dict(id="a1", text="Første tekst.", created="2021-05-01", metadata={"forfatter": "Anne", "original_source": "noter"}),
            dict(id="own.jsonl#L2", text="Tekst uden id.", created=None, metadata={"original_source": "noter"}),
            dict(id="a4", text="Sidste tekst med en ekstra nøgle.", created=None,
                 metadata={"url": "https://eksempel.dk/a4", "original_source": "web"})]
    issues = [issue("missing_field", "generic/own.jsonl", "line 3", True, "`text`")]
    fx.section("Dolma-style JSONL", ["generic/own.jsonl"], f"""
Four Dolma-style lines (uncompressed, final LF). Line 2 has no `id` (the id defaults to
`{{file}}#L{{line}}`), line 3 has no `text`, line 4 has an unknown top-level key `url` (goes into
metadata). The record's own `source` is kept as metadata `original_source` (the document's
`source` is the pipeline's source label; this is the current `DolmaJSONLReader` convention).

Expected records (3):

{records_table(rows)}

{issues_table(issues)}
""")
    fx.case("Dolma-style JSONL", "jsonl", "generic/own.jsonl", rows, issues)

    data = b"- Kom nu!\n- Jeg kommer.\n\nHvad er klokken?\n"
    fx.write("magic/opus_lines.txt", gz(data))
    md = lambda n: {"file": "opus_lines.txt", "line": n}
    rows_o = [dict(id="opus/opus_lines.txt#L1", text="- Kom nu!", metadata=md(1)),
              dict(id="opus/opus_lines.txt#L2", text="- Jeg kommer.", metadata=md(2)),
              dict(id="opus/opus_lines.txt#L4", text="Hvad er klokken?", metadata=md(4))]
    rows_t = [dict(id="opus_lines.txt#0", text="- Kom nu!\n- Jeg kommer.", metadata=md(1)),
              dict(id="opus_lines.txt#1", text="Hvad er klokken?", metadata=md(4))]
    fx.section("gzip data behind a .txt name", ["magic/opus_lines.txt"], f"""
Gzip data (magic `1f 8b`) in a file named `.txt`: compression must be detected from the magic
bytes, not the extension. Decompressed (4 lines, line 3 empty, final LF):
`{show(data.decode())}`.

Read as `type: opus`:

{records_table(rows_o)}

Read as `type: text`:

{records_table(rows_t)}

Expected issues: none (in particular no `unknown_format` and no invalid UTF-8 from reading the
compressed bytes as text).
""")
    fx.case("gzip data behind a .txt name, read as opus", "opus", "magic/opus_lines.txt", rows_o)
    fx.case("gzip data behind a .txt name, read as text", "text", "magic/opus_lines.txt", rows_t)


# ------------------------------------------------------------------------------ EXPECTED.md

HEADER = """# Reader fixtures: what each file must produce

Generated by `scripts/make_reader_fixtures.py` — do not edit by hand; change the script and run
`python3 scripts/make_reader_fixtures.py`. Formats: `shared/reference/formats.md` (§ numbers
below). All text is synthetic.

Conventions used below:

- **Ids** follow formats.md §6: OSCAR 2019 `oscar2019/{variant}/{file}#{block}` (0-based block)
  or `#L{line}`; OSCAR 21.09+ the `warc-record-id`; Leipzig `{corpus_id}:{s_id}`; Wikipedia
  `{dump}:{article name}` with dump = file name minus `-corpus.xml.bz2`; OPUS
  `{Corpus}/{version}/mono/{file}#L{n}` (or `opus/{file}#L{n}` outside the OPUS layout);
  DaNewsroom the `archive` URL; plain text `{file}#{block}`; Dolma JSONL its own `id`, else
  `{file}#L{line}`.
- **Line numbers** are 1-based lines of the *decompressed* stream (of the tar member for
  Leipzig), split on LF (0x0A) only. **Byte offsets** are 0-based positions in the decompressed
  stream.
- **Texts** are shown as JSON string literals (`\\n` LF, `\\r` CR, `\\u2028`, `\\ufeff`, `\\ufffd`).
  Lines of a multi-line document are joined with `\\n`. Nothing is normalised at read time: CR,
  U+2028, U+FEFF, mojibake and entities are passed through.
- **Issue kinds** are `DataIssue.Kind` raw values (`malformed_json`, `invalid_utf8`,
  `missing_field`, `offset_mismatch`, `truncated_stream`, `malformed_xml`, `malformed_record`).
  "Rejected" means a record was dropped because of the issue. For archives the issue's file is
  `archive.tar.gz:member`.
- **Metadata** lists the keys a test should check (values as JSON); readers may add more
  (e.g. `file`, `line`). Options (`group_by_source`, `include_title`, …) are at their defaults
  unless stated.
- **`expected.json`** holds the same expectations, one case per reading unit (format, path,
  options, documents, issues, records read), generated from the same values as this file and
  checked by `FixtureExpectationTests`. "Records read" is documents + rejected issues unless
  stated. A location or rejected flag marked "not checked" is left open by this file.

| file | bytes | sha256 |
|---|---|---|
"""


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--out", default=str(ROOT / "Tests/CorpusSourcesTests/Fixtures"))
    args = ap.parse_args()
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    fx = Fixtures(out)
    oscar2019(fx)
    oscar2109(fx)
    oscar2201(fx)
    oscar2301(fx)
    leipzig(fx)
    wikipedia(fx)
    opus(fx)
    danewsroom(fx)
    generic(fx)
    md = [HEADER]
    files = [f for _, fs, _ in fx.sections for f in fs]
    for f in files:
        b = (out / f).read_bytes()
        md.append(f"| `{f}` | {len(b)} | `{hashlib.sha256(b).hexdigest()[:16]}…` |\n")
    for title, fs, body in fx.sections:
        md.append(f"\n## {title}\n\nFiles: " + ", ".join(f"`{f}`" for f in fs) + "\n" + body)
    (out / "EXPECTED.md").write_text("".join(md), encoding="utf-8")
    listed = set(files)
    for c in fx.cases:
        for f in [c["path"]] + c["companions"]:
            assert f in listed and (out / f).is_file(), f
    (out / "expected.json").write_text(json.dumps(fx.cases, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    for f in files:
        print(f"{f}: {(out / f).stat().st_size} bytes")


if __name__ == "__main__":
    main()
