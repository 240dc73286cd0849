#!/usr/bin/env python3
"""Read dacorpus TFRecord shards the way google-research/electra's trainer does
(`pretrain/pretrain_data.py`): three int64 features of length max_seq_length, parsed with
`tf.io.FixedLenFeature` and cast to int32.

    pip install tensorflow-cpu
    python scripts/read_tfrecords_example.py out/shards/*.tfrecord [--seq-len 256] [--show 2]

To train with google-research/electra, point its `--data-dir`'s `pretrain_tfrecords` at these
files (run_pretraining.py reads `pretrain_tfrecords/pretrain_data.tfrecord*`; rename or link them)
and set `max_seq_length` in the hparams to the shards' seq_len.
"""

import argparse
import os

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
import tensorflow as tf  # noqa: E402


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("files", nargs="+")
    parser.add_argument("--seq-len", type=int, default=256)
    parser.add_argument("--show", type=int, default=2, help="examples to print")
    args = parser.parse_args()

    # electra.md §1.5: the parser spec of pretrain_data.py.
    name_to_features = {
        "input_ids": tf.io.FixedLenFeature([args.seq_len], tf.int64),
        "input_mask": tf.io.FixedLenFeature([args.seq_len], tf.int64),
        "segment_ids": tf.io.FixedLenFeature([args.seq_len], tf.int64),
    }

    def decode(record):
        example = tf.io.parse_single_example(record, name_to_features)
        return {name: tf.cast(value, tf.int32) for name, value in example.items()}

    # TFRecordDataset checks both CRC-32Cs of every record and fails on a corrupt file.
    dataset = tf.data.TFRecordDataset(args.files).map(decode)
    count = 0
    real = 0
    for example in dataset:
        if count < args.show:
            mask = example["input_mask"].numpy()
            n = int(mask.sum())
            print(f"example {count}: {n} real positions; ids {example['input_ids'].numpy()[:n].tolist()}")
            print(f"  segment_ids {example['segment_ids'].numpy()[:n].tolist()}")
        count += 1
        real += int(example["input_mask"].numpy().sum())
    print(f"{count} examples, {real} real positions, padding {1 - real / max(1, count * args.seq_len):.1%}")


if __name__ == "__main__":
    main()
