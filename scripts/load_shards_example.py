#!/usr/bin/env python3
"""Feed dacorpus shards straight to a PyTorch trainer: load `*.safetensors` shards with
`safetensors`, check them against manifest.json, and run one batch through transformers'
`ElectraForPreTraining` (a tiny, randomly initialised model, so nothing is downloaded).

    pip install safetensors numpy torch transformers
    python scripts/load_shards_example.py out/            # a build output directory
    python scripts/load_shards_example.py out/shards/shard-00000.safetensors

Each shard holds `input_ids`, `token_type_ids`, `attention_mask`, each [N, seq_len] (int32, or
uint16 `input_ids`), and `__metadata__` with `format: pt`, `seq_len`, the special-token ids and
the vocabulary's and config's SHA-256.
"""

import argparse
import hashlib
import json
import sys
from pathlib import Path

import numpy as np
import torch
from safetensors import safe_open
from transformers import ElectraConfig, ElectraForPreTraining


def shard_paths(target: Path):
    """The shards of a build output (from its manifest, checking each SHA-256) or one file."""
    if target.is_file():
        return [target]
    manifest = json.loads((target / "manifest.json").read_text())
    paths = []
    for record in manifest["files"]:
        if record["format"] != "safetensors":
            continue
        path = target / record["path"]
        digest = hashlib.sha256(path.read_bytes()).hexdigest()
        if digest != record["sha256"]:
            sys.exit(f"{path}: sha256 differs from manifest.json")
        paths.append(path)
    return paths


def batches(paths, batch_size):
    """Yields dicts of int64 tensors [batch_size, seq_len], reading rows lazily (mmap)."""
    for path in paths:
        # Read as NumPy: PyTorch before 2.3 has no uint16 tensors (the uint16 `input_ids` option).
        with safe_open(str(path), framework="np") as f:
            n = f.get_slice("input_ids").get_shape()[0]
            for start in range(0, n, batch_size):
                stop = min(n, start + batch_size)
                yield {
                    # uint16 ids and int32 become the int64 that nn.Embedding wants.
                    name: torch.from_numpy(f.get_slice(name)[start:stop].astype(np.int64))
                    for name in ("input_ids", "token_type_ids", "attention_mask")
                }


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("target", type=Path, help="build output directory or a .safetensors shard")
    parser.add_argument("--batch-size", type=int, default=8)
    args = parser.parse_args()

    paths = shard_paths(args.target)
    with safe_open(str(paths[0]), framework="np") as f:
        meta = f.metadata()
    seq_len = int(meta["seq_len"])
    print(f"{len(paths)} shard(s); metadata: {meta}")

    batch = next(batches(paths, args.batch_size))
    vocab_size = int(batch["input_ids"].max()) + 1  # a real run uses len(vocab.txt)
    config = ElectraConfig(
        vocab_size=max(vocab_size, 8), embedding_size=32, hidden_size=64, num_hidden_layers=2,
        num_attention_heads=2, intermediate_size=128, max_position_embeddings=max(512, seq_len),
        pad_token_id=int(meta.get("pad_token_id", 0)))
    model = ElectraForPreTraining(config).eval()

    # Fake "replaced token" labels, only to show the loss: the discriminator's BCE is averaged
    # over positions with attention_mask == 1.
    labels = torch.zeros_like(batch["input_ids"])
    with torch.no_grad():
        out = model(**batch, labels=labels)
    print(f"batch: {tuple(batch['input_ids'].shape)} ids, logits {tuple(out.logits.shape)}, loss {out.loss.item():.4f}")
    print(f"two-segment examples in batch: {int((batch['token_type_ids'].sum(1) > 0).sum())} of {batch['input_ids'].shape[0]}")


if __name__ == "__main__":
    main()
