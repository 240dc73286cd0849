#!/usr/bin/env python3
"""Reference timings for `swift run -c release shard-throughput --python PYTHON`.

Reads the token stream the benchmark wrote (Int32 LE: segment length then ids; -1 ends a
document), then times, best of 3:
- "pack electra": google-research/electra's ExampleBuilder algorithm (build_pretraining_dataset.py,
  the _create_example / add_line logic, tokenizer skipped) with a seeded CPython `random`,
  building the three padded lists per example as the original does;
- "write safetensors int32": safetensors.numpy.save_file of [N, 256] int32 arrays per 65 536
  examples (array construction included, as the original builds lists);
- "write tfrecord": tf.io.TFRecordWriter of tf.train.Example records, when TensorFlow is
  installed.
Prints a JSON object {step name: seconds} on stdout.

Usage: python scripts/bench_shards_reference.py TOKENS.bin OUTDIR
"""

import json
import os
import random
import shutil
import sys
import time

import numpy as np
from safetensors.numpy import save_file

MAX_LEN = 256


def read_lines(path):
    words = np.fromfile(path, dtype="<i4").tolist()
    lines, i = [], 0
    while i < len(words):
        n = words[i]
        i += 1
        if n < 0:
            lines.append(None)
        else:
            lines.append(words[i:i + n])
            i += n
    return lines


class Builder:
    def __init__(self, max_length):
        self.sentences, self.length, self.max, self.target = [], 0, max_length, max_length

    def add_line(self, ids):
        if ids is None and self.length != 0:
            return self.create()
        ids = ids or []
        self.sentences.append(ids)
        self.length += len(ids)
        if self.length >= self.target:
            return self.create()
        return None

    def create(self):
        target = 100000 if random.random() < 0.1 else (self.target - 3) // 2
        first, second = [], []
        for s in self.sentences:
            if len(first) == 0 or len(first) + len(s) < target or (
                    len(second) == 0 and len(first) < target and random.random() < 0.5):
                first += s
            else:
                second += s
        first = first[:self.max - 2]
        second = second[:max(0, self.max - len(first) - 3)]
        self.sentences, self.length = [], 0
        self.target = random.randint(5, self.max) if random.random() < 0.05 else self.max
        ids = [2] + first + [3]
        seg = [0] * len(ids)
        if second:
            ids += second + [3]
            seg += [1] * (len(second) + 1)
        mask = [1] * len(ids)
        pad = self.max - len(ids)
        return ids + [0] * pad, mask + [0] * pad, seg + [0] * pad


def pack(lines):
    random.seed(1234)
    b = Builder(MAX_LEN)
    out = []
    for line in lines:
        e = b.add_line(line)
        if e:
            out.append(e)
    e = b.add_line(None)
    if e:
        out.append(e)
    return out


def best(fn, runs=3):
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return min(times)


def main():
    corpus, out = sys.argv[1], sys.argv[2]
    lines = read_lines(corpus)
    result = {}
    examples = []

    def run_pack():
        examples[:] = pack(lines)
    result["pack electra"] = best(run_pack)
    result["pack electra examples"] = len(examples)

    def run_safetensors():
        shutil.rmtree(out, ignore_errors=True)
        os.makedirs(out)
        for k, start in enumerate(range(0, len(examples), 65536)):
            chunk = examples[start:start + 65536]
            save_file({
                "input_ids": np.array([e[0] for e in chunk], dtype=np.int32),
                "attention_mask": np.array([e[1] for e in chunk], dtype=np.int32),
                "token_type_ids": np.array([e[2] for e in chunk], dtype=np.int32),
            }, os.path.join(out, f"shard-{k:05d}.safetensors"), metadata={"format": "pt"})
    result["write safetensors int32"] = best(run_safetensors)

    try:
        os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
        import tensorflow as tf
    except ImportError:
        tf = None
    if tf is not None:
        def run_tfrecord():
            shutil.rmtree(out, ignore_errors=True)
            os.makedirs(out)
            with tf.io.TFRecordWriter(os.path.join(out, "shard-00000.tfrecord")) as w:
                for ids, mask, seg in examples:
                    w.write(tf.train.Example(features=tf.train.Features(feature={
                        "input_ids": tf.train.Feature(int64_list=tf.train.Int64List(value=ids)),
                        "input_mask": tf.train.Feature(int64_list=tf.train.Int64List(value=mask)),
                        "segment_ids": tf.train.Feature(int64_list=tf.train.Int64List(value=seg)),
                    })).SerializeToString())
        result["write tfrecord"] = best(run_tfrecord)
    shutil.rmtree(out, ignore_errors=True)
    print(json.dumps(result))


if __name__ == "__main__":
    main()
