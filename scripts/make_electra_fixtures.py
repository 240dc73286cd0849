#!/usr/bin/env python3
"""Writes Tests/ElectraTests/Fixtures/parity: HF transformers reference outputs for the Swift ELECTRA module.

Run by hand (never in CI) with Debian's python3-torch and transformers 4.44.2:

    apt-get install -y python3-torch python3-venv
    /usr/bin/python3 -m venv --system-site-packages /work/venv-torch
    /work/venv-torch/bin/pip install transformers==4.44.2 "safetensors<0.5" numpy
    /work/venv-torch/bin/python scripts/make_electra_fixtures.py

Outputs (tiny shapes, weights re-initialised at unit scale so that a wrong GELU or LayerNorm
epsilon shows; dropout off):
  discriminator/, generator/        config.json + model.safetensors (save_pretrained), embeddings shared
  reference.safetensors             disc_logits [B,T], gen_logits [B,T,V] on the clean batch
  grads.safetensors                 "discriminator.<name>", "generator.<name>": gradients of
                                    MLM + 50 * disc for the fixed corruption in parity.json
  after_steps.safetensors           the same names: parameters after 3 ELECTRA-AdamW steps
  parity.json                       the batch, the corruption, losses, learning rates
"""
import json
import os
import sys

import numpy as np
import torch
import transformers
from safetensors.numpy import save_file
from transformers import ElectraConfig, ElectraForMaskedLM, ElectraForPreTraining

assert transformers.__version__ == "4.44.2", transformers.__version__
OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "Tests", "ElectraTests", "Fixtures", "parity")
os.makedirs(OUT, exist_ok=True)
torch.manual_seed(0)
V, E, P, B, T = 97, 16, 24, 2, 12
CLS, SEP, MASK, PAD = 2, 3, 4, 0
common = dict(vocab_size=V, embedding_size=E, max_position_embeddings=P, hidden_dropout_prob=0.0,
              attention_probs_dropout_prob=0.0, type_vocab_size=2)
disc = ElectraForPreTraining(ElectraConfig(hidden_size=24, num_hidden_layers=2, num_attention_heads=2,
                                           intermediate_size=48, **common)).eval()
gen = ElectraForMaskedLM(ElectraConfig(hidden_size=8, num_hidden_layers=2, num_attention_heads=1,
                                       intermediate_size=32, **common)).eval()
gen.electra.embeddings = disc.electra.embeddings  # ELECTRA shares the whole embeddings scope
gen.generator_lm_head.weight = disc.electra.embeddings.word_embeddings.weight

with torch.no_grad():
    for model in (disc, gen):
        for name, p in model.named_parameters():
            if "LayerNorm.weight" in name:
                p.uniform_(0.5, 1.5)
            elif p.dim() == 1:
                p.normal_(0.0, 0.1)
            else:
                p.normal_(0.0, 1.0 / p.shape[1] ** 0.5)
disc.save_pretrained(os.path.join(OUT, "discriminator"), safe_serialization=True)
gen.save_pretrained(os.path.join(OUT, "generator"), safe_serialization=True)

ids = torch.randint(5, V, (B, T))
ids[:, 0] = CLS
ids[0, 5] = SEP
ids[0, T - 1] = SEP
ids[1, 8] = SEP
ids[1, 9:] = PAD
types = torch.zeros(B, T, dtype=torch.long)
types[0, 6:] = 1
mask = torch.ones(B, T, dtype=torch.long)
mask[1, 9:] = 0

with torch.no_grad():
    disc_logits = disc(input_ids=ids, token_type_ids=types, attention_mask=mask).logits
    gen_logits = gen(input_ids=ids, token_type_ids=types, attention_mask=mask).logits

# A fixed corruption: rows (flat b*T+t) of the masked slots, the generator's input, the
# discriminator's input and labels. The sampled ids are fixed here (RNGs differ across languages).
rows = [1, 3, 7, 10, 12 + 2, 12 + 6]
masked = ids.clone().view(-1)
for i, r in enumerate(rows):
    if i != 2:  # one slot keeps its original token (the 15 % of ELECTRA's 85/15 split)
        masked[r] = MASK
masked = masked.view(B, T)
fake = ids.clone().view(-1)
samples = [11, int(ids.view(-1)[3]), 40, 41, 42, 43]  # slot 1 "guesses" the original
for r, s in zip(rows, samples):
    fake[r] = s
labels = (fake != ids.view(-1)).long().view(B, T)
fake = fake.view(B, T)
row_index = torch.tensor(rows)
targets = ids.view(-1)[row_index]


def loss_fn():
    g = gen(input_ids=masked, token_type_ids=types, attention_mask=mask).logits.view(B * T, V)[row_index]
    mlm = torch.nn.functional.cross_entropy(g, targets, reduction="sum") / (len(rows) + 1e-6)
    d = disc(input_ids=fake, token_type_ids=types, attention_mask=mask).logits
    per = torch.nn.functional.binary_cross_entropy_with_logits(d, labels.float(), reduction="none")
    bce = (per * mask).sum() / (mask.sum() + 1e-6)
    return mlm, bce, mlm + 50.0 * bce


def named():
    out = {}
    for prefix, model in (("discriminator.", disc), ("generator.", gen)):
        for name, p in model.named_parameters():
            if name == "generator_lm_head.weight":
                continue
            out[prefix + name] = p
    return out


params = named()
unique = {id(p): p for p in params.values()}
mlm, bce, total = loss_fn()
total.backward()
grads = {k: p.grad.detach().numpy().copy() for k, p in params.items()}

lrs = [1e-2, 2e-2, 5e-3]
m = {k: torch.zeros_like(p) for k, p in unique.items()}
v = {k: torch.zeros_like(p) for k, p in unique.items()}
decays = {}
for k, p in params.items():
    decays[id(p)] = not ("LayerNorm" in k or "layer_norm" in k or "bias" in k)
step_losses = []
norms = []
for step, lr in enumerate(lrs):
    for p in unique.values():
        p.grad = None
    mlm_s, bce_s, total_s = loss_fn()
    total_s.backward()
    step_losses.append([mlm_s.item(), bce_s.item(), total_s.item()])
    with torch.no_grad():
        norm = torch.sqrt(sum((p.grad.double() ** 2).sum() for p in unique.values())).item()
        norms.append(norm)
        scale = 1.0 / max(norm, 1.0)
        for key, p in unique.items():
            g = p.grad * scale
            m[key].mul_(0.9).add_(0.1 * g)
            v[key].mul_(0.999).add_(0.001 * g * g)
            u = m[key] / (v[key].sqrt() + 1e-6)
            if decays[key]:
                u = u + 0.01 * p
            p.sub_(lr * u)
after = {k: p.detach().numpy().copy() for k, p in params.items()}

save_file({"disc_logits": disc_logits.numpy(), "gen_logits": gen_logits.numpy()}, os.path.join(OUT, "reference.safetensors"))
save_file(grads, os.path.join(OUT, "grads.safetensors"))
save_file(after, os.path.join(OUT, "after_steps.safetensors"))
with open(os.path.join(OUT, "parity.json"), "w") as f:
    json.dump({
        "batch": B, "seq_len": T,
        "input_ids": ids.view(-1).tolist(), "token_type_ids": types.view(-1).tolist(),
        "attention_mask": mask.view(-1).tolist(),
        "masked_rows": rows, "generator_input_ids": masked.view(-1).tolist(),
        "discriminator_input_ids": fake.view(-1).tolist(), "labels": labels.view(-1).tolist(),
        "mlm_loss": mlm.item(), "disc_loss": bce.item(), "total_loss": total.item(),
        "learning_rates": lrs, "step_losses": step_losses, "step_grad_norms": norms,
        "versions": {"torch": torch.__version__, "transformers": transformers.__version__},
    }, f, indent=1)
print("wrote", OUT, file=sys.stderr)
