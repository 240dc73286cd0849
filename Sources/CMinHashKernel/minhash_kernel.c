// One body of 8-lane vector arithmetic (clang vector extensions), inlined into a function per
// instruction set: the compiler lowers the same operations to vpmulld (AVX2), pmulld (SSE4.1)
// or pmuludq and shuffles (baseline SSE2, or NEON on ARM), so all variants agree by
// construction. The x86 variants are chosen at run time with __builtin_cpu_supports.
#include "CMinHashKernel.h"
#include "kernel_support.h"

#include <string.h>

typedef uint32_t lanes8 __attribute__((vector_size(32)));

enum {
  LANES = 8,
  // Vectors of minimums kept in registers per pass over the values (their multipliers and
  // addends are read from memory as operands): 7 of AVX2's 16 registers, and 112 hashes take
  // two passes.
  BLOCK = 7,
};

// `vectors` (a constant 1...BLOCK after inlining) vectors of 8 hashes over all values.
KERNEL_INLINE void update_block(const uint32_t *values, size_t count, const uint32_t *multipliers,
                                const uint32_t *addends, uint32_t *mins, int vectors) {
  lanes8 a[BLOCK], b[BLOCK], m[BLOCK];
  for (int k = 0; k < vectors; k++) {
    memcpy(&a[k], multipliers + k * LANES, sizeof a[k]);
    memcpy(&b[k], addends + k * LANES, sizeof b[k]);
    memcpy(&m[k], mins + k * LANES, sizeof m[k]);
  }
  for (size_t i = 0; i < count; i++) {
    uint32_t v = values[i];
    lanes8 x = {v, v, v, v, v, v, v, v};
    for (int k = 0; k < vectors; k++) {
      lanes8 y = (x ^ b[k]) * a[k];
      m[k] = __builtin_elementwise_min(m[k], y ^ (y >> 15));
    }
  }
  for (int k = 0; k < vectors; k++) memcpy(mins + k * LANES, &m[k], sizeof m[k]);
}

// All hashes: blocks of BLOCK vectors, then 1 to BLOCK - 1 vectors, then the last hashes % 8
// through a padded vector.
KERNEL_INLINE void update_all(const uint32_t *values, size_t count, const uint32_t *multipliers,
                              const uint32_t *addends, uint32_t *mins, size_t hashes) {
  size_t h = 0;
  for (; h + BLOCK * LANES <= hashes; h += BLOCK * LANES) {
    update_block(values, count, multipliers + h, addends + h, mins + h, BLOCK);
  }
  switch ((hashes - h) / LANES) {
  case 1: update_block(values, count, multipliers + h, addends + h, mins + h, 1); break;
  case 2: update_block(values, count, multipliers + h, addends + h, mins + h, 2); break;
  case 3: update_block(values, count, multipliers + h, addends + h, mins + h, 3); break;
  case 4: update_block(values, count, multipliers + h, addends + h, mins + h, 4); break;
  case 5: update_block(values, count, multipliers + h, addends + h, mins + h, 5); break;
  case 6: update_block(values, count, multipliers + h, addends + h, mins + h, 6); break;
  default: break;
  }
  h = hashes / LANES * LANES;
  size_t rest = hashes - h;
  if (rest == 0) return;
  uint32_t a[LANES] = {0}, b[LANES] = {0}, m[LANES] = {0};
  memcpy(a, multipliers + h, rest * sizeof(uint32_t));
  memcpy(b, addends + h, rest * sizeof(uint32_t));
  memcpy(m, mins + h, rest * sizeof(uint32_t));
  update_block(values, count, a, b, m, 1);
  memcpy(mins + h, m, rest * sizeof(uint32_t));
}

static void update_portable(const uint32_t *values, size_t count, const uint32_t *multipliers,
                            const uint32_t *addends, uint32_t *mins, size_t hashes) {
  update_all(values, count, multipliers, addends, mins, hashes);
}

#if defined(__x86_64__) || defined(__i386__)
__attribute__((target("sse4.1"))) static void update_sse41(const uint32_t *values, size_t count,
                                                           const uint32_t *multipliers, const uint32_t *addends,
                                                           uint32_t *mins, size_t hashes) {
  update_all(values, count, multipliers, addends, mins, hashes);
}

__attribute__((target("avx2"))) static void update_avx2(const uint32_t *values, size_t count,
                                                        const uint32_t *multipliers, const uint32_t *addends,
                                                        uint32_t *mins, size_t hashes) {
  update_all(values, count, multipliers, addends, mins, hashes);
}
#endif

int dac_minhash_variant_available(int variant) {
#if defined(__x86_64__) || defined(__i386__)
  if (variant == DAC_MINHASH_AVX2) return dac_cpu_has_avx2();
  if (variant == DAC_MINHASH_SSE41) return dac_cpu_has_sse41();
#endif
  return variant == DAC_MINHASH_PORTABLE;
}

int dac_minhash_best_variant(void) {
  if (dac_minhash_variant_available(DAC_MINHASH_AVX2)) return DAC_MINHASH_AVX2;
  if (dac_minhash_variant_available(DAC_MINHASH_SSE41)) return DAC_MINHASH_SSE41;
  return DAC_MINHASH_PORTABLE;
}

void dac_minhash_update(int variant, const uint32_t *values, size_t count, const uint32_t *multipliers,
                        const uint32_t *addends, uint32_t *mins, size_t hashes) {
#if defined(__x86_64__) || defined(__i386__)
  if (variant == DAC_MINHASH_AVX2) {
    update_avx2(values, count, multipliers, addends, mins, hashes);
    return;
  }
  if (variant == DAC_MINHASH_SSE41) {
    update_sse41(values, count, multipliers, addends, mins, hashes);
    return;
  }
#endif
  update_portable(values, count, multipliers, addends, mins, hashes);
}
