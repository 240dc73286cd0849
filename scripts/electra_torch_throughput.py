#!/usr/bin/env python3
"""PyTorch (CPU) side of Benchmarks/ElectraThroughput: the same ELECTRA step in transformers.

Prints one JSON line {"tokens_per_second": …, "torch": …, "threads": …}. Run with the venv of
scripts/make_electra_fixtures.py (Debian python3-torch + transformers 4.44.2):

    /work/venv-torch/bin/python scripts/electra_torch_throughput.py --size tiny --batch 16 --seq 256 --steps 3

--mode train: one ELECTRA step per iteration — generator encoder + LM head at the masked
positions only, Gumbel sampling, discriminator, loss = MLM + 50·BCE, backward, AdamW, clipping.
--mode score: discriminator forward only, under torch.no_grad().
"""
import argparse
import json
import time

import torch
from transformers import ElectraConfig, ElectraForMaskedLM, ElectraForPreTraining

p = argparse.ArgumentParser()
p.add_argument("--size", choices=["tiny", "small"], required=True)
p.add_argument("--batch", type=int, required=True)
p.add_argument("--seq", type=int, default=256)
p.add_argument("--steps", type=int, default=3)
p.add_argument("--vocab", type=int, default=28995)
p.add_argument("--mode", choices=["train", "score"], default="train")
p.add_argument("--threads", type=int, default=2)
a = p.parse_args()
torch.set_num_threads(a.threads)
torch.manual_seed(0)
hidden, layers, heads = (128, 4, 2) if a.size == "tiny" else (256, 12, 4)
ghidden = hidden // 4
common = dict(vocab_size=a.vocab, embedding_size=128, max_position_embeddings=512,
              hidden_dropout_prob=0.0, attention_probs_dropout_prob=0.0)
disc = ElectraForPreTraining(ElectraConfig(hidden_size=hidden, num_hidden_layers=layers, num_attention_heads=heads,
                                           intermediate_size=4 * hidden, **common))
gen = ElectraForMaskedLM(ElectraConfig(hidden_size=ghidden, num_hidden_layers=layers,
                                       num_attention_heads=max(1, ghidden // 64), intermediate_size=4 * ghidden, **common))
gen.electra.embeddings = disc.electra.embeddings
gen.generator_lm_head.weight = disc.electra.embeddings.word_embeddings.weight
ids = torch.randint(5, a.vocab, (a.batch, a.seq))
mask = torch.ones_like(ids)
params = list({id(q): q for q in list(disc.parameters()) + list(gen.parameters())}.values())
opt = torch.optim.AdamW(params, lr=1e-4, eps=1e-6, weight_decay=0.01)
n_mask = int(0.15 * a.seq)


def step():
    rows = torch.stack([torch.randperm(a.seq)[:n_mask] + b * a.seq for b in range(a.batch)]).view(-1)
    flat = ids.view(-1).clone()
    targets = flat[rows]
    flat[rows] = 4
    hidden_states = gen.electra(input_ids=flat.view(a.batch, a.seq), attention_mask=mask)[0]
    h = hidden_states.view(-1, hidden_states.shape[-1])[rows]
    logits = gen.generator_lm_head(gen.generator_predictions(h))
    mlm = torch.nn.functional.cross_entropy(logits, targets)
    with torch.no_grad():
        u = torch.rand_like(logits)
        sampled = (logits - torch.log(-torch.log(u + 1e-9) + 1e-9)).argmax(-1)
    fake = ids.view(-1).clone()
    fake[rows] = sampled
    labels = (fake != ids.view(-1)).float().view(a.batch, a.seq)
    d = disc(input_ids=fake.view(a.batch, a.seq), attention_mask=mask).logits
    loss = mlm + 50 * torch.nn.functional.binary_cross_entropy_with_logits(d, labels)
    opt.zero_grad()
    loss.backward()
    torch.nn.utils.clip_grad_norm_(params, 1.0)
    opt.step()


def score():
    with torch.no_grad():
        disc(input_ids=ids, attention_mask=mask)


run = step if a.mode == "train" else score
run()  # warm-up
start = time.perf_counter()
for _ in range(a.steps):
    run()
seconds = time.perf_counter() - start
print(json.dumps({"tokens_per_second": a.batch * a.seq * a.steps / seconds, "torch": torch.__version__,
                  "threads": torch.get_num_threads()}))
