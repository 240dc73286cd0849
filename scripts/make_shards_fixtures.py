#!/usr/bin/env python3
"""Writes Tests/ShardsTests/Fixtures/: reference outputs for the Shards module, each made by the
tool that defines the format.

- python_random.json   CPython's own `random.Random`: seeding from ints of many sizes (1 to 625+
                       32-bit words), getrandbits, random(), randint, randrange, shuffle.
- electra_examples.json  An oracle of google-research/electra's ExampleBuilder
                       (build_pretraining_dataset.py), written step by step from
                       reference/electra.md §1.3–1.5 and the original source, driven by CPython's
                       global `random` after `random.seed(seed)` — independent of the Swift port of
                       MT19937. Lines are token-id lists (the tokenizer is not under test): `null`
                       is a blank line, `[]` a non-blank line with no tokens. The script asserts
                       that every branch of the builder was taken (document boundaries, the
                       random target length, the one-segment draw, both coin outcomes, truncation
                       of each segment, the reordering quirk) and prints the counts. (Checked
                       once by hand against the original ExampleBuilder class itself, with a
                       stub tokenizer that maps "ids as text" lines back to ids and a stub `tf`:
                       the same examples for all three cases. The original is not vendored here.)
- shard_int32.safetensors, shard_uint16.safetensors, format_only.safetensors, mixed.safetensors
                       written by `safetensors.numpy` (save_file; for the shards, its in-memory
                       twin `save`, see save_sorted). safetensors serialises the metadata map in
                       Rust hash-map order, which changes from call to call; the script
                       serialises until the keys come out sorted (the order dacorpus always
                       writes), so these are byte for byte safetensors' own output.
- electra.tfrecord     the shard examples as tf.train.Example records written by TensorFlow's
                       TFRecordWriter (SerializeToString(deterministic=True): map keys sorted), when
                       TensorFlow is installed; otherwise by this script's own protobuf/CRC-32C
                       code (which is always run and, with TensorFlow, checked against it).
- electra_unsorted.tfrecord  the same examples with the feature map in reverse key order (this
                       script's encoder; TensorFlow parses it too): readers must not depend on
                       key order.
- shards.json          the inputs behind the binary fixtures (examples, metadata, tensors).

Deterministic: run it again and the files come out the same (the electra corpus comes from a
private random.Random, the builder from the seeded global generator).

Usage: /work/venv-shards/bin/python scripts/make_shards_fixtures.py [--out DIR]
Needs: numpy, safetensors; tensorflow(-cpu) optional. Takes about a minute (mostly the search
for a sorted metadata order).
"""

import argparse
import hashlib
import json
import random
import struct
import sys
from pathlib import Path

import numpy as np
from safetensors.numpy import load_file, save, save_file

ROOT = Path(__file__).resolve().parent.parent

# ------------------------------------------------------------------------------ CPython random


def words_of(n):
    """Little-endian 32-bit words of a non-negative int, as _randommodule.c's random_seed cuts it."""
    words = []
    while True:
        words.append(n & 0xFFFFFFFF)
        n >>= 32
        if n == 0:
            return words


def python_random_cases():
    seeds = [0, 1, 42, 1234, 2**31 - 1, 2**32 - 1, 2**32, 2**32 + 1, 2**63 - 1, 2**64 - 1, 2**64 + 5,
             2**100 + 7, (1 << 20000) + 12345]  # the last has 626 words: key_length > 624
    cases = []
    for seed in seeds:
        r = random.Random(seed)
        ops = []
        ops.append({"op": "getrandbits32", "count": 1300,
                    "results": [str(r.getrandbits(32)) for _ in range(1300)]})  # crosses two twists
        ops.append({"op": "random", "results": [r.random().hex() for _ in range(50)]})
        ops.append({"op": "randint", "a": 5, "b": 256, "results": [r.randint(5, 256) for _ in range(100)]})
        ops.append({"op": "randint", "a": -3, "b": 3, "results": [r.randint(-3, 3) for _ in range(20)]})
        for k in [0, 1, 5, 31, 32, 33, 53, 63, 64]:
            ops.append({"op": "getrandbits", "k": k, "results": [str(r.getrandbits(k)) for _ in range(10)]})
        for n in [1, 2, 3, 7, 64, 1000, 2**31, 2**32 - 1, 2**32, 2**32 + 1, 10**12, 2**62 + 3]:
            ops.append({"op": "randrange", "n": str(n), "results": [str(r.randrange(n)) for _ in range(10)]})
        items = list(range(37))
        r.shuffle(items)
        ops.append({"op": "shuffle", "count": 37, "result": items})
        ops.append({"op": "random", "results": [r.random().hex() for _ in range(5)]})
        label = str(seed) if seed.bit_length() < 1000 else f"2**{seed.bit_length() - 1} + {seed - (1 << (seed.bit_length() - 1))}"
        cases.append({"seed": label, "words": [str(w) for w in words_of(seed)], "ops": ops})
    return cases


# ------------------------------------------------------------------------------ ELECTRA oracle


class Coverage(dict):
    def hit(self, name):
        self[name] = self.get(name, 0) + 1


class OracleExampleBuilder:
    """google-research/electra ExampleBuilder (build_pretraining_dataset.py), step by step:

    add_line: strip; a blank line with tokens pending makes an example (document boundary);
    otherwise the line's ids (maybe none) become a sentence; reaching the target length makes an
    example. _create_example: random() < 0.1 → first target 100000 else (target - 3) // 2; each
    sentence joins the first segment if it is empty, or if it keeps it under the target, or —
    while the second is empty and the first under target — if random() < 0.5; else the second.
    Truncate first to max - 2, second to max(0, max - len(first) - 3). Reset; random() < 0.05 →
    next target randint(5, max) else max. Layout [CLS] A [SEP] (B [SEP]), segment ids 0/1,
    mask 1, all padded with 0 to max.
    """

    def __init__(self, max_length, cls_id, sep_id, coverage):
        self._current_sentences = []
        self._current_length = 0
        self._max_length = max_length
        self._target_length = max_length
        self.cls_id = cls_id
        self.sep_id = sep_id
        self.cov = coverage

    def add_line(self, line):
        """`line` is None for a blank line, else the token ids of a non-blank line."""
        if line is None and self._current_length != 0:
            self.cov.hit("example_at_document_boundary")
            return self._create_example()
        ids = [] if line is None else list(line)
        if line is None:
            self.cov.hit("blank_line_with_nothing_pending")
        elif not ids:
            self.cov.hit("line_without_tokens")
        self._current_sentences.append(ids)
        self._current_length += len(ids)
        if self._current_length >= self._target_length:
            self.cov.hit("example_at_target_length")
            if self._target_length < self._max_length:
                self.cov.hit("example_at_random_target_length")
            return self._create_example()
        return None

    def _create_example(self):
        if random.random() < 0.1:
            first_segment_target_length = 100000
            self.cov.hit("one_segment_draw")
        else:
            first_segment_target_length = (self._target_length - 3) // 2
        first_segment = []
        second_segment = []
        for sentence in self._current_sentences:
            if len(first_segment) == 0 or len(first_segment) + len(sentence) < first_segment_target_length:
                if second_segment and sentence:
                    self.cov.hit("reordered_sentence_to_first")
                first_segment += sentence
            elif len(second_segment) == 0 and len(first_segment) < first_segment_target_length:
                if random.random() < 0.5:
                    self.cov.hit("coin_first")
                    first_segment += sentence
                else:
                    self.cov.hit("coin_second")
                    second_segment += sentence
            else:
                second_segment += sentence
        if len(first_segment) > self._max_length - 2:
            self.cov.hit("first_truncated")
        first_segment = first_segment[:self._max_length - 2]
        keep = max(0, self._max_length - len(first_segment) - 3)
        if len(second_segment) > keep:
            self.cov.hit("second_truncated_to_nothing" if keep == 0 else "second_truncated")
        second_segment = second_segment[:keep]
        self._current_sentences = []
        self._current_length = 0
        if random.random() < 0.05:
            self._target_length = random.randint(5, self._max_length)
            self.cov.hit("random_target_drawn")
        else:
            self._target_length = self._max_length
        return self._make_example(first_segment, second_segment)

    def _make_example(self, first_segment, second_segment):
        input_ids = [self.cls_id] + first_segment + [self.sep_id]
        segment_ids = [0] * len(input_ids)
        if second_segment:
            input_ids += second_segment + [self.sep_id]
            segment_ids += [1] * (len(second_segment) + 1)
            self.cov.hit("two_segment_example")
        else:
            self.cov.hit("one_segment_example")
        input_mask = [1] * len(input_ids)
        input_ids += [0] * (self._max_length - len(input_ids))
        input_mask += [0] * (self._max_length - len(input_mask))
        segment_ids += [0] * (self._max_length - len(segment_ids))
        return {"input_ids": input_ids, "input_mask": input_mask, "segment_ids": segment_ids}


def make_corpus(rng, lines, max_length):
    """Token-id lines shaped to reach every branch: mostly sentence-sized lines, some empty,
    some longer than an example, blank lines (single and in runs), very short documents."""
    out = []
    while len(out) < lines:
        roll = rng.random()
        if roll < 0.06:
            out.append(None)  # document boundary
            if rng.random() < 0.3:
                out.extend([None] * rng.randint(1, 3))  # a run of blank lines
        elif roll < 0.09:
            out.append([])  # a line that tokenizes to nothing
        elif roll < 0.13:
            out.append([rng.randrange(5, 30000) for _ in range(rng.randint(max_length - 8, 2 * max_length))])
        elif roll < 0.18:
            out.extend([[rng.randrange(5, 30000) for _ in range(rng.randint(1, 4))], None])  # tiny document
        else:
            out.append([rng.randrange(5, 30000) for _ in range(rng.randint(1, max(2, max_length // 4)))])
    return out


def run_oracle(seed, max_length, lines, cls_id, sep_id, coverage):
    random.seed(seed)
    builder = OracleExampleBuilder(max_length, cls_id, sep_id, coverage)
    examples = []
    for line in lines:
        example = builder.add_line(line)
        if example:
            examples.append(example)
    example = builder.add_line(None)  # the flush after the last line of a file
    if example:
        examples.append(example)
    return examples


def digest(examples):
    """SHA-256 over every example's input_ids, input_mask, segment_ids as int32 little-endian."""
    h = hashlib.sha256()
    for e in examples:
        for key in ("input_ids", "input_mask", "segment_ids"):
            h.update(np.asarray(e[key], dtype="<i4").tobytes())
    return h.hexdigest()


def compact(example):
    """[unpadded input_ids, first_segment_end]: the three rows follow from these and the layout."""
    length = sum(example["input_mask"])
    ids = example["input_ids"][:length]
    types = example["segment_ids"][:length]
    first_end = types.index(1) if 1 in types else length
    # The compact form must expand back to exactly the oracle's rows.
    m = len(example["input_ids"])
    assert example["input_mask"] == [1] * length + [0] * (m - length)
    assert example["segment_ids"] == [0] * first_end + [1] * (length - first_end) + [0] * (m - length)
    assert example["input_ids"][length:] == [0] * (m - length)
    return [ids, first_end]


def electra_cases():
    specs = [
        # name, seed, max_length, lines
        ("seq16", 1234, 16, 2500),
        ("seq128", 7, 128, 1400),
        ("seq256", 2020, 256, 1200),
    ]
    cases = []
    total = Coverage()
    for name, seed, max_length, count in specs:
        corpus = make_corpus(random.Random(f"corpus-{name}"), count, max_length)
        coverage = Coverage()
        examples = run_oracle(seed, max_length, corpus, 2, 3, coverage)
        for key, value in coverage.items():
            total[key] = total.get(key, 0) + value
        print(f"  electra {name}: {len(corpus)} lines -> {len(examples)} examples; "
              + ", ".join(f"{k} {v}" for k, v in sorted(coverage.items())))
        cases.append({
            "name": name, "seed": seed, "max_length": max_length, "cls_id": 2, "sep_id": 3, "pad_id": 0,
            "lines": corpus,
            "examples": [compact(e) for e in examples],
            "sha256": digest(examples),
        })
    required = ["example_at_document_boundary", "blank_line_with_nothing_pending", "line_without_tokens",
                "example_at_target_length", "example_at_random_target_length", "one_segment_draw",
                "coin_first", "coin_second", "first_truncated", "second_truncated",
                "second_truncated_to_nothing", "reordered_sentence_to_first", "random_target_drawn",
                "two_segment_example", "one_segment_example"]
    missing = [k for k in required if not total.get(k)]
    assert not missing, f"branches never taken: {missing}"
    return cases


# ------------------------------------------------------------------------------ shards

SEQ_LEN = 16
SPECIAL = {"cls": 2, "sep": 3, "pad": 0, "mask": 4, "unk": 1}
SHARD_EXAMPLES = [
    # (segment A, segment B): a mix of one- and two-segment examples, full and short ones
    ([10, 11, 12], [20, 21]),
    ([100, 101, 102, 103, 104, 105, 106, 107, 108, 109, 110, 111, 112, 113], []),  # 14 + 2 = 16, no padding
    ([5], []),
    ([28994, 28993], [7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17]),  # 2 + 11 + 3 = 16
    ([65535, 300, 1], [2000]),
    ([40, 41, 42, 43, 44, 45], [50]),
    ([1, 1, 1, 1], [9, 9]),
]


def rows(first, second):
    ids = [SPECIAL["cls"]] + first + [SPECIAL["sep"]]
    types = [0] * len(ids)
    if second:
        ids += second + [SPECIAL["sep"]]
        types += [1] * (len(second) + 1)
    mask = [1] * len(ids)
    pad = SEQ_LEN - len(ids)
    return ids + [SPECIAL["pad"]] * pad, types + [0] * pad, mask + [0] * pad


def shard_metadata():
    return {
        "format": "pt",
        "seq_len": str(SEQ_LEN),
        "vocab_sha256": hashlib.sha256(b"[PAD]\n[UNK]\n[CLS]\n[SEP]\n[MASK]\n").hexdigest(),
        "config_sha256": hashlib.sha256(b'{"version":1}').hexdigest(),
        "cls_token_id": str(SPECIAL["cls"]),
        "sep_token_id": str(SPECIAL["sep"]),
        "pad_token_id": str(SPECIAL["pad"]),
        "mask_token_id": str(SPECIAL["mask"]),
        "unk_token_id": str(SPECIAL["unk"]),
    }


def save_sorted(path, tensors, metadata, max_tries=20_000_000):
    """The bytes safetensors writes for `tensors` and `metadata`, in a run where its Rust HashMap
    happened to iterate the metadata in sorted order (the order is random per call).

    Searches with `safetensors.numpy.save` (the in-memory twin of save_file: both call the same
    Rust serializer); then checks that `save_file` writes the same header and data, up to the
    metadata order, and that the file loads back."""
    for attempt in range(1, max_tries + 1):
        data = save(tensors, metadata=metadata)
        n = struct.unpack("<Q", data[:8])[0]
        keys = list(json.loads(data[8:8 + n]).get("__metadata__", {}).keys())
        if keys == sorted(keys):
            break
    else:
        raise SystemExit(f"{path}: metadata never came out sorted")
    save_file(tensors, str(path), metadata=metadata)
    written = path.read_bytes()
    assert len(written) == len(data) and written[:8] == data[:8]
    n = struct.unpack("<Q", data[:8])[0]
    assert json.loads(written[8:8 + n]) == json.loads(data[8:8 + n]) and written[8 + n:] == data[8 + n:]
    path.write_bytes(data)
    loaded = load_file(str(path))
    assert all(np.array_equal(loaded[k], v) for k, v in tensors.items())
    return attempt


def write_safetensors(out):
    ids, types, mask = zip(*(rows(a, b) for a, b in SHARD_EXAMPLES))
    metadata = shard_metadata()
    tries = save_sorted(out / "shard_int32.safetensors", {
        "input_ids": np.array(ids, dtype=np.int32),
        "token_type_ids": np.array(types, dtype=np.int32),
        "attention_mask": np.array(mask, dtype=np.int32),
    }, metadata)
    print(f"  shard_int32.safetensors: sorted metadata after {tries} saves")
    tries = save_sorted(out / "shard_uint16.safetensors", {
        "input_ids": np.array(ids, dtype=np.uint16),
        "token_type_ids": np.array(types, dtype=np.int32),
        "attention_mask": np.array(mask, dtype=np.int32),
    }, metadata)
    print(f"  shard_uint16.safetensors: sorted metadata after {tries} saves")
    save_file({"input_ids": np.array(ids, dtype=np.int32)}, str(out / "format_only.safetensors"),
              metadata={"format": "pt"})
    mixed = {
        "weight": np.arange(6, dtype=np.float32).reshape(2, 3) / 7,
        "step": np.array(123456789012, dtype=np.int64),
        "empty": np.zeros((0, 4), dtype=np.uint8),
        "flags": np.array([True, False, True]),
        "small": np.array([[-1, 2], [300, -32768]], dtype=np.int16),
        "big": np.array([1.5, -2.25], dtype=np.float64),
        "ids": np.array([7, 65535], dtype=np.uint16),
    }
    save_file(mixed, str(out / "mixed.safetensors"), metadata={"format": "pt"})
    # Read every file back with safetensors itself.
    loaded = load_file(str(out / "shard_int32.safetensors"))
    assert loaded["input_ids"].tolist() == [list(r) for r in ids]
    dtypes = {np.dtype(np.float32): "F32", np.dtype(np.int64): "I64", np.dtype(np.uint8): "U8",
              np.dtype(np.bool_): "BOOL", np.dtype(np.int16): "I16", np.dtype(np.float64): "F64",
              np.dtype(np.uint16): "U16"}
    return {
        "seq_len": SEQ_LEN,
        "special": SPECIAL,
        "metadata": metadata,
        "examples": [[a, b] for a, b in SHARD_EXAMPLES],
        "mixed": [{"name": k, "dtype": dtypes[v.dtype], "shape": list(v.shape),
                   "hex": np.ascontiguousarray(v).astype(v.dtype.newbyteorder("<")).tobytes().hex()}
                  for k, v in mixed.items()],
    }


# ------------------------------------------------------------------------------ TFRecord

def crc32c(data: bytes) -> int:
    crc = 0xFFFFFFFF
    for byte in data:
        crc ^= byte
        for _ in range(8):
            crc = (crc >> 1) ^ 0x82F63B78 if crc & 1 else crc >> 1
    return crc ^ 0xFFFFFFFF


def masked_crc(data: bytes) -> int:
    crc = crc32c(data)
    return (((crc >> 15) | (crc << 17)) + 0xA282EAD8) & 0xFFFFFFFF


def varint(value: int) -> bytes:
    value &= (1 << 64) - 1
    out = bytearray()
    while value >= 0x80:
        out.append((value & 0x7F) | 0x80)
        value >>= 7
    out.append(value)
    return bytes(out)


def field(number: int, payload: bytes) -> bytes:
    return varint(number << 3 | 2) + varint(len(payload)) + payload


def example_proto(features: dict, order) -> bytes:
    """tf.train.Example with int64 features, map entries in `order`."""
    entries = b""
    for key in order:
        int64_list = field(1, b"".join(varint(v) for v in features[key]))
        feature = field(3, int64_list)
        entries += field(1, field(1, key.encode()) + field(2, feature))
    return field(1, entries)


def frame(payload: bytes) -> bytes:
    length = struct.pack("<Q", len(payload))
    return length + struct.pack("<I", masked_crc(length)) + payload + struct.pack("<I", masked_crc(payload))


def write_tfrecords(out):
    assert crc32c(b"123456789") == 0xE3069283  # RFC 3720 / iSCSI check value
    assert crc32c(bytes(32)) == 0x8A9136AA
    assert crc32c(b"\xff" * 32) == 0x62A8AB43
    assert crc32c(bytes(range(32))) == 0x46DD794E
    features = []
    for a, b in SHARD_EXAMPLES:
        ids, types, mask = rows(a, b)
        features.append({"input_ids": ids, "input_mask": mask, "segment_ids": types})
    ours_sorted = b"".join(frame(example_proto(f, sorted(f))) for f in features)
    ours_reversed = b"".join(frame(example_proto(f, sorted(f, reverse=True))) for f in features)
    try:
        import os
        os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
        import tensorflow as tf
    except ImportError:
        tf = None
    if tf is None:
        (out / "electra.tfrecord").write_bytes(ours_sorted)
        (out / "electra_unsorted.tfrecord").write_bytes(ours_reversed)
        print("  TFRecords: TensorFlow not installed; written by this script's protobuf/CRC-32C code")
        return "script"

    def tf_example(f):
        return tf.train.Example(features=tf.train.Features(feature={
            k: tf.train.Feature(int64_list=tf.train.Int64List(value=v)) for k, v in f.items()}))

    with tf.io.TFRecordWriter(str(out / "electra.tfrecord")) as writer:
        for f in features:
            writer.write(tf_example(f).SerializeToString(deterministic=True))
    (out / "electra_unsorted.tfrecord").write_bytes(ours_reversed)
    assert (out / "electra.tfrecord").read_bytes() == ours_sorted, "script protobuf/CRC differs from TensorFlow"
    # Parse with the spec google-research/electra's pretrain_data.py uses.
    spec = {k: tf.io.FixedLenFeature([SEQ_LEN], tf.int64) for k in ("input_ids", "input_mask", "segment_ids")}
    for name in ("electra.tfrecord", "electra_unsorted.tfrecord"):
        parsed = [tf.io.parse_single_example(r, spec) for r in tf.data.TFRecordDataset(str(out / name))]
        assert [{k: v.numpy().tolist() for k, v in p.items()} for p in parsed] == features
    print(f"  TFRecords: written by TensorFlow {tf.__version__}; script framing identical; parsed back")
    return f"tensorflow {tf.__version__}"


# ------------------------------------------------------------------------------ main

def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--out", type=Path, default=ROOT / "Tests/ShardsTests/Fixtures")
    args = parser.parse_args()
    out = args.out
    out.mkdir(parents=True, exist_ok=True)

    print("python_random.json")
    (out / "python_random.json").write_text(json.dumps(
        {"python": sys.version.split()[0], "cases": python_random_cases()}, separators=(",", ":")) + "\n")
    print("electra_examples.json")
    (out / "electra_examples.json").write_text(json.dumps(
        {"python": sys.version.split()[0], "cases": electra_cases()}, separators=(",", ":")) + "\n")
    print("safetensors")
    shards = write_safetensors(out)
    print("tfrecord")
    shards["tfrecord_writer"] = write_tfrecords(out)
    import safetensors
    shards["safetensors_version"] = safetensors.__version__
    (out / "shards.json").write_text(json.dumps(shards, indent=1) + "\n")


if __name__ == "__main__":
    main()
