#!/usr/bin/env python3
"""The reference side of Benchmarks/WordPieceThroughput: HF `tokenizers` (and TF-Text's
FastBertTokenizer when `tensorflow-text` is importable), run on one thread.

    python wordpiece_reference.py encode --vocab V --input F [--ids-out F.ids --ids-lines N] [--lowercase]
    python wordpiece_reference.py tftext --vocab V --input F
    python wordpiece_reference.py train --input F --size N --out DIR [--lowercase]

Each prints one JSON object on stdout: seconds spent in the tokenizer (file reading excluded),
bytes, lines, tokens. `--ids-out` writes the ids of the first N lines for an exact comparison:
per line a little-endian uint32 count, then that many int32 ids.
"""
import argparse
import json
import os
import struct
import sys
import time

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")

BATCH = 10000


def read_lines(path):
    with open(path, "rb") as f:
        data = f.read()
    lines = data.split(b"\n")
    if lines and lines[-1] == b"":
        lines.pop()
    return [line.decode("utf-8", errors="replace") for line in lines], len(data)


def encode(args):
    from tokenizers import BertWordPieceTokenizer
    lines, size = read_lines(args.input)
    tok = BertWordPieceTokenizer(args.vocab, clean_text=True, handle_chinese_chars=True,
                                 strip_accents=args.lowercase, lowercase=args.lowercase)
    out = open(args.ids_out, "wb") if args.ids_out else None
    tokens = 0
    best = None
    for run in range(args.runs):
        start = time.perf_counter()
        for i in range(0, len(lines), BATCH):
            encodings = tok.encode_batch(lines[i:i + BATCH], add_special_tokens=False)
            if run == 0:
                for j, e in enumerate(encodings):
                    tokens += len(e.ids)
                    if out and i + j < args.ids_lines:
                        out.write(struct.pack("<I", len(e.ids)) + struct.pack(f"<{len(e.ids)}i", *e.ids))
        elapsed = time.perf_counter() - start
        best = elapsed if best is None else min(best, elapsed)
    if out:
        out.close()
    print(json.dumps({"tool": "hf-tokenizers", "seconds": best, "bytes": size, "lines": len(lines),
                      "tokens": tokens}))


def tftext(args):
    try:
        import tensorflow as tf
        import tensorflow_text as tf_text
    except Exception as error:  # not installed: the benchmark says so and goes on
        print(json.dumps({"tool": "tf-text", "error": f"tensorflow-text not importable: {error}"}))
        return
    tf.config.threading.set_intra_op_parallelism_threads(1)
    tf.config.threading.set_inter_op_parallelism_threads(1)
    lines, size = read_lines(args.input)
    with open(args.vocab, encoding="utf-8") as f:
        vocab = [line.rstrip("\n") for line in f]
    tok = tf_text.FastBertTokenizer(vocab=vocab, suffix_indicator="##", max_bytes_per_word=100,
                                    token_out_type=tf.int32, unknown_token="[UNK]",
                                    lower_case_nfd_strip_accents=args.lowercase)
    batches = [tf.constant(lines[i:i + BATCH]) for i in range(0, len(lines), BATCH)]
    tok.tokenize(batches[0][:10])  # warm up (graph tracing)
    tokens = 0
    best = None
    for run in range(args.runs):
        start = time.perf_counter()
        for batch in batches:
            ids = tok.tokenize(batch)
            if run == 0:
                tokens += int(ids.flat_values.shape[0])
        elapsed = time.perf_counter() - start
        best = elapsed if best is None else min(best, elapsed)
    print(json.dumps({"tool": "tf-text", "seconds": best, "bytes": size, "lines": len(lines),
                      "tokens": tokens, "version": tf_text.__version__}))


def train(args):
    from tokenizers import BertWordPieceTokenizer
    tok = BertWordPieceTokenizer(clean_text=True, handle_chinese_chars=True,
                                 strip_accents=args.lowercase, lowercase=args.lowercase)
    start = time.perf_counter()
    tok.train([args.input], vocab_size=args.size, min_frequency=args.min_frequency, show_progress=False)
    elapsed = time.perf_counter() - start
    os.makedirs(args.out, exist_ok=True)
    tok.save_model(args.out)
    print(json.dumps({"tool": "hf-tokenizers", "seconds": elapsed, "size": tok.get_vocab_size(),
                      "vocab": os.path.join(args.out, "vocab.txt")}))


def main():
    parser = argparse.ArgumentParser()
    sub = parser.add_subparsers(dest="command", required=True)
    e = sub.add_parser("encode")
    e.add_argument("--vocab", required=True)
    e.add_argument("--input", required=True)
    e.add_argument("--lowercase", action="store_true")
    e.add_argument("--ids-out")
    e.add_argument("--ids-lines", type=int, default=0)
    e.add_argument("--runs", type=int, default=1)
    t = sub.add_parser("tftext")
    t.add_argument("--vocab", required=True)
    t.add_argument("--input", required=True)
    t.add_argument("--lowercase", action="store_true")
    t.add_argument("--runs", type=int, default=1)
    r = sub.add_parser("train")
    r.add_argument("--input", required=True)
    r.add_argument("--size", type=int, required=True)
    r.add_argument("--min-frequency", type=int, default=2)
    r.add_argument("--out", required=True)
    r.add_argument("--lowercase", action="store_true")
    args = parser.parse_args()
    if args.command != "train":  # encoding on one thread; training with HF's default threads
        os.environ["TOKENIZERS_PARALLELISM"] = "false"
        os.environ["RAYON_NUM_THREADS"] = "1"
    {"encode": encode, "tftext": tftext, "train": train}[args.command](args)


if __name__ == "__main__":
    sys.exit(main())
