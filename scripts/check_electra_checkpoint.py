#!/usr/bin/env python3
"""Checks that a `dacorpus train` output loads in transformers and gives the same outputs.

    /work/venv-torch/bin/python scripts/check_electra_checkpoint.py --model DIR --text FILE \
        [--dacorpus .build/release/dacorpus]

1. `ElectraForPreTraining.from_pretrained(DIR/discriminator)` and
   `ElectraForMaskedLM.from_pretrained(DIR/generator)` load with no missing or unexpected
   weights (the generator's LM head is tied to its word embeddings; its embeddings equal the
   discriminator's, since training shares them).
2. `dacorpus score --model DIR --text FILE --json` is run; for every line, transformers'
   discriminator on the same token ids gives sigmoid(logits) equal to dacorpus' probabilities
   within 1e-5 (and logits within 1e-4).
Exit status 0 when everything matches.
"""
import argparse
import json
import math
import os
import subprocess
import sys

import torch
from transformers import ElectraForMaskedLM, ElectraForPreTraining

p = argparse.ArgumentParser()
p.add_argument("--model", required=True)
p.add_argument("--text", required=True)
p.add_argument("--dacorpus", default=os.path.join(os.path.dirname(__file__), "..", ".build", "release", "dacorpus"))
a = p.parse_args()

disc, info = ElectraForPreTraining.from_pretrained(os.path.join(a.model, "discriminator"), output_loading_info=True)
assert not any(info.values()), f"discriminator loading info: {info}"
gen, info = ElectraForMaskedLM.from_pretrained(os.path.join(a.model, "generator"), output_loading_info=True)
assert not info["unexpected_keys"] and not info["mismatched_keys"], f"generator loading info: {info}"
assert set(info["missing_keys"]) <= {"generator_lm_head.weight"}, info["missing_keys"]
assert torch.equal(gen.generator_lm_head.weight, gen.electra.embeddings.word_embeddings.weight)
for name, tensor in disc.electra.embeddings.state_dict().items():
    if name != "position_ids":
        assert torch.equal(tensor, gen.electra.embeddings.state_dict()[name]), f"embeddings differ: {name}"
disc.eval()

vocab_path = os.path.join(a.model, "discriminator", "vocab.txt")
vocab = {line.rstrip("\n"): i for i, line in enumerate(open(vocab_path, encoding="utf-8"))}
out = subprocess.run([a.dacorpus, "score", "--model", a.model, "--text", a.text, "--json"],
                     check=True, capture_output=True, text=True).stdout
worst = 0.0
lines = 0
for line in out.splitlines():
    record = json.loads(line)
    ids = torch.tensor([[vocab[t] for t in record["tokens"]]])
    with torch.no_grad():
        logits = disc(input_ids=ids).logits[0]
    expected = torch.sigmoid(logits).tolist()
    for got, want in zip(record["replaced_probability"], expected):
        worst = max(worst, abs(got - want))
    lines += 1
print(f"{lines} lines, max |p_dacorpus - p_transformers| = {worst:.2e}")
sys.exit(0 if lines > 0 and worst <= 1e-5 else 1)
