#!/usr/bin/env python3
"""Writes the golden WordPiece fixtures in Tests/WordPieceTests/Fixtures/.

    python3 -m venv /work/venv-wp && /work/venv-wp/bin/pip install tokenizers
    /work/venv-wp/bin/python scripts/make_wordpiece_fixtures.py

Files:
* vocab-danish.txt: a cased vocabulary of 2000 trained by HF `tokenizers`
  (`BertWordPieceTokenizer.train`) on the Danish text of samples/ (Leipzig sentences, DaNewsroom,
  OSCAR 2019) plus the sentences in DANISH below.
* vocab-awkward.txt: a hand-made vocabulary with awkward pieces (NFC and NFD spellings of the
  same letter, a bare combining mark, duplicates, trailing and leading whitespace, CRLF, an
  empty line, a 100-character piece, `##` alone, CJK, emoji, special tokens).
* wordpiece-golden.json: the inputs, and for each vocabulary and mode the expected ids.
  `hf-cased` / `hf-lower` come from HF `tokenizers`' `BertWordPieceTokenizer(vocab,
  clean_text=True, handle_chinese_chars=True, strip_accents=False|True, lowercase=False|True)`
  `.encode_batch(inputs, add_special_tokens=False)`; `hf-cased+specials` is `hf-cased` with
  EXTRA_SPECIALS registered by `add_special_tokens`. `bert-cased` / `bert-lower` come from
  `bert_full_tokenizer` below, a re-statement of google-research/electra `tokenization.py`
  (FullTokenizer, do_lower_case False/True with accent stripping); `skip` lists inputs where
  the Swift port deliberately differs (Greek final sigma, mark reordering across code points).

Deterministic: the same `tokenizers` release gives byte-identical files. HF's trainer is not
deterministic across runs in general (huggingface/tokenizers#1794); the trained vocabulary is
written once and then read back, and the expected ids are computed from the file.
"""
import gzip
import io
import json
import os
import random
import tarfile
import tempfile
import unicodedata

import tokenizers
from tokenizers import BertWordPieceTokenizer

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
OUT = os.path.join(ROOT, "Tests", "WordPieceTests", "Fixtures")
SAMPLES = os.path.join(ROOT, "samples")

DANISH = [
    "Københavns Kommune har vedtaget budgettet for næste år.",
    "Æbler, pærer og blommer er årstidens frugter i Østjylland.",
    "Hun sagde: »Det er for sent!« – og gik sin vej …",
    "Rådhuspladsen blev fyldt af glade fodboldfans søndag aften.",
    "Prisen er 1.299 kr. (før 1.599 kr.), og fragten er gratis.",
    "Søren Kierkegaard skrev »Enten – Eller« i 1843.",
    "Hvad koster en bolig i Århus, Aalborg eller Odense i 2024?",
    "Vejret i weekenden: 18–22 °C, let skyet og svag vind fra sydvest.",
]


def read_samples():
    lines = []
    with tarfile.open(os.path.join(SAMPLES, "leipzig", "dan_news_2020_10K.tar.gz")) as tar:
        for member in tar.getmembers():
            if member.name.endswith("-sentences.txt") and "/._" not in member.name:
                data = tar.extractfile(member).read().decode("utf-8")
                lines += [line.split("\t", 1)[1] for line in data.splitlines() if "\t" in line]
    with gzip.open(os.path.join(SAMPLES, "danewsroom", "danewsroom.jsonl.gz"), "rt", encoding="utf-8") as f:
        for line in f:
            record = json.loads(line)
            lines.append(record.get("title", ""))
            lines += record.get("text", "").split("\n")
    with gzip.open(os.path.join(SAMPLES, "oscar", "2019", "da_dedup.txt.gz"), "rt", encoding="utf-8",
                   errors="replace") as f:
        lines += f.read().split("\n")
    return [line for line in lines if line.strip()] + DANISH


# ---------------------------------------------------------------------------------------------
# google-research/electra model/tokenization.py, restated (FullTokenizer = BasicTokenizer then
# WordpieceTokenizer, max_input_chars_per_word=200).
def _is_whitespace(ch):
    return ch in " \t\n\r" or unicodedata.category(ch) == "Zs"


def _is_control(ch):
    if ch in "\t\n\r":
        return False
    return unicodedata.category(ch).startswith("C")


def _is_punctuation(ch):
    cp = ord(ch)
    if 33 <= cp <= 47 or 58 <= cp <= 64 or 91 <= cp <= 96 or 123 <= cp <= 126:
        return True
    return unicodedata.category(ch).startswith("P")


def _is_chinese_char(cp):
    return (0x4E00 <= cp <= 0x9FFF or 0x3400 <= cp <= 0x4DBF or 0x20000 <= cp <= 0x2A6DF
            or 0x2A700 <= cp <= 0x2B73F or 0x2B740 <= cp <= 0x2B81F or 0x2B820 <= cp <= 0x2CEAF
            or 0xF900 <= cp <= 0xFAFF or 0x2F800 <= cp <= 0x2FA1F)


def _strip_accents(text):
    return "".join(c for c in unicodedata.normalize("NFD", text) if unicodedata.category(c) != "Mn")


def _split_on_punc(text):
    out, new_word = [], True
    for ch in text:
        if _is_punctuation(ch):
            out.append([ch])
            new_word = True
        else:
            if new_word:
                out.append([])
            new_word = False
            out[-1].append(ch)
    return ["".join(x) for x in out]


def bert_basic_tokenize(text, lower):
    text = "".join(" " if _is_whitespace(c) else c for c in text
                   if not (ord(c) == 0 or ord(c) == 0xFFFD or _is_control(c)))
    text = "".join(" " + c + " " if _is_chinese_char(ord(c)) else c for c in text)
    pieces = []
    for token in text.strip().split():
        if lower:
            token = _strip_accents(token.lower())
        pieces += _split_on_punc(token)
    return " ".join(pieces).strip().split()


def bert_load_vocab(path):
    """load_vocab: one token per LF-terminated line, strip()ped; a later duplicate wins."""
    with open(path, encoding="utf-8", newline="") as f:
        lines = f.read().split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    return {line.strip(): index for index, line in enumerate(lines)}


def bert_full_tokenizer(text, vocab, lower):
    ids = []
    for token in bert_basic_tokenize(text, lower):
        chars = list(token)
        if len(chars) > 200:
            ids.append(vocab["[UNK]"])
            continue
        start, sub, bad = 0, [], False
        while start < len(chars):
            end, cur = len(chars), None
            while start < end:
                s = "".join(chars[start:end])
                if start > 0:
                    s = "##" + s
                if s in vocab:
                    cur = s
                    break
                end -= 1
            if cur is None:
                bad = True
                break
            sub.append(vocab[cur])
            start = end
        ids += [vocab["[UNK]"]] if bad else sub
    return ids


def bert_lower_is_per_code_point(text):
    """False where Python's lower() (final sigma) or NFD reordering depends on context."""
    for token in text.split():
        whole = _strip_accents(token.lower())
        per = "".join(_strip_accents(c.lower()) for c in token)
        if whole != per:
            return False
    return True


# ---------------------------------------------------------------------------------------------
AWKWARD = [
    "[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]",
    "a", "b", "c", "e", "é", "e\u0301", "##\u0301", "##a", "##b", "##c", "##e", "##é",
    "ab", "abc", "##bc", "##abc", "bc", "#", "##", "###", "##.", ".", ",", "!", "[", "]",
    "æ", "ø", "å", "Æ", "Ø", "Å", "##æ", "##ø", "##å", "ær", "##re", "øl", "år", "##ene",
    "ker", "##ne", "sk", "##ov", "skov", "##en", "hus", "##et", "huse", "##ne",
    "abc   ", "  lead", "x\r", "", "dup", "dup", "zz", "##zz",
    "中", "国", "丽", "豈", "한", "ᄒ", "##ᅡ", "##ᆫ", "😀", "##😀", "ß", "##ß", "ǆ", "ς", "σ", "##σ",
    "i", "##i", "##̇", "ﬁ", "fi", "ﬀ", "s", "##s", "t", "##t", "##1", "1", "2", "##2", "€", "°",
    "a" * 100, "##" + "a" * 50, "##aa", "aa", "aaa", "##aaa",
]


# Special tokens that do not start and end at word boundaries (the encoder's general path).
EXTRA_SPECIALS = ["ab", "ær", "bc"]


def write_awkward(path):
    with open(path, "w", encoding="utf-8", newline="") as f:
        for token in AWKWARD:
            f.write(token + ("\r\n" if token == "zz" else "\n"))


CRAFTED = [
    "", " ", "   ", "\t", "\n", "\r\n", "\u3000\u00a0", " \t \u2028 ",
    "Hello, world!", "HELLO World", "abc", "abcabc", "ab bc abc", "aaa" * 40,
    "Æblegrød på Østerbro, året rundt.", "ÆØÅ æøå", "SKOVHUSENE skovhusene",
    "caf\u00e9 cafe\u0301 CAF\u00c9 CAFE\u0301", "e\u0301e\u0301", "\u0301abc", "a\u030a", "\u00e5",
    "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~",
    "_under_score_ a-b a–b a—b ‿ ⁀", "(a) [b] {c} ⟨d⟩ «e» „f“ ‚g‘ ‹h›", "¿¡ § ¶ ※ · • … ‰ ′ ″",
    "€100 £5 $3 °C ½ ¼ ² ™ © ® ± × ÷ √ ∞ ≠ ≤", "a؛b a؟b a،b a।b a。b a、b a！b",
    "中国人 日本語 한국어", "a中b", "丽 豈 ﬀ", "\U0002B81F\U0002B820\U0002B91F\U0002B920 \U00020000",
    "\U0002CEAF\U0002CEB0 \U0002F800\U0002FA1F", "ㄱ ㅏ 가각힣 ᄀ ᅡ",
    "a\x00b a\x01b a\x7fb a\x1fb", "a\u0085b a\u00adb a\u200bb a\ufeffb a\u200db", "\ufffd\ufffd x\ufffdy",
    "a\ue000b a\U000F0000b", "a\u0378b a\U000E0001b", "a\u2060b a\u061cb a\u180eb",
    "a\u00a0b a\u1680b a\u2000b a\u200ab a\u202fb a\u205fb a\u3000b", "a\u2028b a\u2029b a\u000bb a\u000cb",
    "a\x1cb a\x1db a\x1eb", "a\rb a\tb",
    "a" * 99, "a" * 100, "a" * 101, "a" * 199, "a" * 200, "a" * 201, "é" * 100, "é" * 101,
    "e\u0301" * 50, "e\u0301" * 51, "ø" * 100 + " ok", "中" * 150, "x" * 1000,
    "[CLS] [SEP] [PAD] [MASK] [UNK]", "a[CLS]b", "[MASK]x x[MASK]", "[mask] [CLS", "[[CLS]]", "[CL\u200bS]",
    "ΟΔΟΣ ΟΔΟΣ. Σ σς", "İstanbul ıi İ", "Straße STRASSE ẞ", "ﬁnal ﬂow ﬀ", "Ǆemal ǅ ǆ", "Ω Å K",
    "\U0001D15F\U0001D165 \U0001D16D\U0001D165x \U0001D165\U0001D16D", "a\u0f39\u0f71b \u1715\u1734",
    "😀😀 👍🏽 👨\u200d👩\u200d👧 🇩🇰", "#hashtag ##b ###", "x##y", "a.b,c!d", "dup zz ##zz", "lead",
    "1.299 kr. 1,5 % 2024-05-17 12:30", "abc xaby bcab ærø aab", "[CLS]ab[SEP]", "user@example.dk https://www.dr.dk/nyheder?id=1&x=2",
    "\u1ea0\u1ea1 \u0390 \u03b0 \u1f80", "\u0130\u0049\u0307", "\u212b\u2126\u212a",
    "\u037e\u0387 a\u037eb", "\u0340\u0341 a\u0343b", "\u1100\u1161\u11a8 \uac00\u11a8",
    "a\u166db a\U000111c9b a\u061db a\u09fdb", "\ufa6e\ufa6f \ufada",
]

FUZZ_POOL = (
    list("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789") * 3
    + list(" " * 30) + list(".,;:!?-'\"()[]{}#$%&*+/<=>@\\^_`|~")
    + list("æøåÆØÅéÉèüÜöÖäÄßẞçÇñÑ") * 2
    + ["\u0301", "\u030a", "\u0308", "\u0327", "\u0316", "\u0334", "\u0345", "\u034f",
       "\u4e2d", "\u56fd", "\uf900", "\U0002b820", "\U0002b920", "\uac00", "\ud55c", "\u1100", "\u1161",
       "\x00", "\x01", "\x7f", "\u0085", "\u00ad", "\u200b", "\ufeff", "\u200d", "\ufffd",
       "\u00a0", "\u3000", "\u2028", "\u2029", "\t", "\n", "\r", "\x0b", "\x1c",
       "\u03a3", "\u03c3", "\u0130", "\u0131", "\ufb01", "\u01c4", "\u01c5", "\u212b", "\u1e9e",
       "\U0001d15f", "\U0001d165", "\U0001d16d", "\U0001d16e", "\u0f39", "\u1734",
       "\U0001f600", "\U0001f3fd", "\u0378", "\ue000", "\u166d", "\u061d", "\u037e", "\u0340",
       "\u2013", "\u2014", "\u00ab", "\u00bb", "\u201e", "\u201c", "\u2026", "\u00a7", "\u20ac", "\u00b0",
       "[CLS]", "[MASK]", "[UNK]", "##", "abc", "dup", "zz"]
)


def fuzz_inputs(count, seed):
    rng = random.Random(seed)
    return ["".join(rng.choice(FUZZ_POOL) for _ in range(rng.randint(1, 24))) for _ in range(count)]


def hf_ids(vocab_path, inputs, lower):
    tok = BertWordPieceTokenizer(vocab_path, clean_text=True, handle_chinese_chars=True,
                                 strip_accents=lower, lowercase=lower)
    return [e.ids for e in tok.encode_batch(inputs, add_special_tokens=False)]


def main():
    os.makedirs(OUT, exist_ok=True)
    text = read_samples()
    danish_vocab = os.path.join(OUT, "vocab-danish.txt")
    # HF's trainer is not deterministic across runs: train once, then keep the committed file
    # (delete it to retrain).
    if not os.path.exists(danish_vocab):
        with tempfile.TemporaryDirectory() as tmp:
            corpus = os.path.join(tmp, "train.txt")
            with open(corpus, "w", encoding="utf-8") as f:
                f.write("\n".join(text) + "\n")
            trainer = BertWordPieceTokenizer(clean_text=True, handle_chinese_chars=True,
                                             strip_accents=False, lowercase=False)
            trainer.train([corpus], vocab_size=2000, min_frequency=2, show_progress=False)
            trainer.save_model(tmp)
            with open(os.path.join(tmp, "vocab.txt"), encoding="utf-8") as f:
                trained = f.read()
        with open(danish_vocab, "w", encoding="utf-8") as f:
            f.write(trained)
    awkward_vocab = os.path.join(OUT, "vocab-awkward.txt")
    write_awkward(awkward_vocab)

    rng = random.Random(5)
    sample_lines = sorted({line for line in text if len(line) <= 240})
    inputs = CRAFTED + DANISH + rng.sample(sample_lines, 80) + fuzz_inputs(250, 5)

    cases = []
    for vocab_name, vocab_path in (("vocab-danish.txt", danish_vocab), ("vocab-awkward.txt", awkward_vocab)):
        bert_vocab = bert_load_vocab(vocab_path)
        for lower in (False, True):
            cases.append({"vocab": vocab_name, "mode": "hf-lower" if lower else "hf-cased",
                          "ids": hf_ids(vocab_path, inputs, lower)})
            skip = [] if not lower else [i for i, s in enumerate(inputs) if not bert_lower_is_per_code_point(s)]
            cases.append({"vocab": vocab_name, "mode": "bert-lower" if lower else "bert-cased",
                          "skip": skip,
                          "ids": [bert_full_tokenizer(s, bert_vocab, lower) for s in inputs]})
    # Extra special tokens registered with the tokenizer: they split words anywhere.
    tok = BertWordPieceTokenizer(awkward_vocab, clean_text=True, handle_chinese_chars=True,
                                 strip_accents=False, lowercase=False)
    tok.add_special_tokens(EXTRA_SPECIALS)
    cases.append({"vocab": "vocab-awkward.txt", "mode": "hf-cased+specials",
                  "ids": [e.ids for e in tok.encode_batch(inputs, add_special_tokens=False)]})
    golden = {
        "generator": "scripts/make_wordpiece_fixtures.py",
        "tokenizers": tokenizers.__version__,
        "unicodedata": unicodedata.unidata_version,
        "inputs": inputs,
        "cases": cases,
    }
    with open(os.path.join(OUT, "wordpiece-golden.json"), "w", encoding="utf-8") as f:
        json.dump(golden, f, ensure_ascii=True, separators=(",", ":"))
        f.write("\n")
    print(f"{len(inputs)} inputs, {len(cases)} cases; "
          f"{sum(len(c.get('skip', [])) for c in cases)} skipped comparisons")


if __name__ == "__main__":
    main()
