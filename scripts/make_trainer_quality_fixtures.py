#!/usr/bin/env python3
"""Writes the fixtures of the WordPiece trainer-quality test (issue 5: "our vocabulary of size N
gives no more tokens per word and no more [UNK]s than HF's on held-out Danish text").

    apt-get install libreoffice-help-da
    /work/venv-wp/bin/python scripts/make_trainer_quality_fixtures.py [--out Tests/WordPieceTests/Fixtures/trainer-quality]

Text: the Danish paragraphs of LibreOffice's Danish help (libreoffice-help-da, MPL-2.0), read
as scripts/make_danish_bench_text.py reads them; only lines that look Danish (several Danish
function words), each distinct line once, an evenly spaced selection of them, in file order.
Every 10th selected line is held out (heldout.txt); the others are the training text (train.txt).

For each size N of SIZES, HF `tokenizers`' BertWordPieceTokenizer (cased, clean_text,
handle_chinese_chars, no accent stripping) is trained on train.txt with vocabulary size N and
min_frequency 2, as `dacorpus vocab` defaults; its vocabulary is written to hf-vocab-N.txt, and
its figures on the held-out lines (words after HF's normalizer and pre-tokenizer, tokens
without special tokens, [UNK]s) to expected.json.

HF's trainer is not deterministic: it breaks ties between equally frequent pairs in hash-map
order, which Rust seeds per process, so a rerun changes a few pieces and moves the held-out token
counts by a few (about 0.1%; the test's margin is 2-4%). The text files are deterministic.
"""
import argparse
import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from make_danish_bench_text import Paragraphs  # noqa: E402

ROOT = "/usr/share/libreoffice/help/da"
SIZES = [1000, 2000, 4000]
MIN_FREQUENCY = 2
TARGET_BYTES = 240_000
DANISH = {"og", "er", "at", "på", "til", "en", "et", "den", "det", "de", "med", "for", "af", "som",
          "kan", "der", "ikke", "eller", "du", "vil", "skal", "har", "fra", "i", "hvis", "dette"}


def danish_lines():
    seen = set()
    for directory, subdirectories, files in sorted(os.walk(ROOT)):
        subdirectories.sort()
        for name in sorted(files):
            if not name.endswith(".html"):
                continue
            parser = Paragraphs()
            with open(os.path.join(directory, name), encoding="utf-8", errors="replace") as f:
                parser.feed(f.read())
            parser.flush()
            for line in parser.out:
                words = line.lower().split()
                if line in seen or sum(w in DANISH for w in words) < 3:
                    continue
                seen.add(line)
                yield line


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--out", default=os.path.join(os.path.dirname(__file__), "..", "Tests", "WordPieceTests",
                                                      "Fixtures", "trainer-quality"))
    args = parser.parse_args()
    if not os.path.isdir(ROOT):
        raise SystemExit("no Danish LibreOffice help found; apt-get install libreoffice-help-da")
    from tokenizers import BertWordPieceTokenizer, __version__

    lines = list(danish_lines())
    total = sum(len(line.encode()) + 1 for line in lines)
    step = max(1, total // TARGET_BYTES)
    selected = lines[::step]
    train = [line for i, line in enumerate(selected) if i % 10 != 9]
    heldout = [line for i, line in enumerate(selected) if i % 10 == 9]
    os.makedirs(args.out, exist_ok=True)
    train_path = os.path.join(args.out, "train.txt")
    for path, part in ((train_path, train), (os.path.join(args.out, "heldout.txt"), heldout)):
        with open(path, "w", encoding="utf-8") as f:
            f.write("".join(line + "\n" for line in part))

    cases = []
    for size in SIZES:
        tok = BertWordPieceTokenizer(clean_text=True, handle_chinese_chars=True, strip_accents=False,
                                     lowercase=False)
        tok.train([train_path], vocab_size=size, min_frequency=MIN_FREQUENCY, show_progress=False)
        vocab = sorted(tok.get_vocab().items(), key=lambda item: item[1])
        assert [i for _, i in vocab] == list(range(len(vocab)))
        with open(os.path.join(args.out, "hf-vocab-%d.txt" % size), "w", encoding="utf-8") as f:
            f.write("".join(token + "\n" for token, _ in vocab))
        unk = tok.token_to_id("[UNK]")
        words = tokens = unknown = 0
        for line in heldout:
            words += len(tok.pre_tokenizer.pre_tokenize_str(tok.normalizer.normalize_str(line)))
            ids = tok.encode(line, add_special_tokens=False).ids
            tokens += len(ids)
            unknown += ids.count(unk)
        cases.append({"vocab_size": size, "hf_vocab_size": len(vocab), "words": words, "tokens": tokens,
                      "unknown": unknown})
    expected = {
        "tokenizers": __version__,
        "source": "libreoffice-help-da (MPL-2.0), Danish-looking distinct paragraphs, every %dth" % step,
        "min_frequency": MIN_FREQUENCY,
        "lowercase": False,
        "train_lines": len(train),
        "heldout_lines": len(heldout),
        "hf": cases,
    }
    with open(os.path.join(args.out, "expected.json"), "w", encoding="utf-8") as f:
        json.dump(expected, f, indent=2)
        f.write("\n")
    print(json.dumps(expected))


if __name__ == "__main__":
    main()
