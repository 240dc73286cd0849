// The inner loop of MinHash: the minimum of each seeded 32-bit permutation over a document's
// shingle values, in SIMD variants chosen at run time (Swift builds for baseline x86-64, whose
// SSE2 has no 32-bit lane multiply). Every variant gives the same minimums. The word pass
// that feeds it has its fast path in dac_word_scan.h.
#ifndef CMINHASHKERNEL_H
#define CMINHASHKERNEL_H

#include <stddef.h>
#include <stdint.h>

#include "dac_word_scan.h"

#ifdef __cplusplus
extern "C" {
#endif

/// Kernel variants: plain C (auto-vectorized for the baseline target), SSE4.1, AVX2.
#define DAC_MINHASH_PORTABLE 0
#define DAC_MINHASH_SSE41 1
#define DAC_MINHASH_AVX2 2

/// 1 when this CPU (and OS) runs `variant`, else 0. DAC_MINHASH_PORTABLE always runs.
int dac_minhash_variant_available(int variant);

/// The fastest variant this CPU runs.
int dac_minhash_best_variant(void);

/// For every hash i < `hashes` and every shingle value x of `values[0, count)`:
/// mins[i] = min(mins[i], y ^ (y >> 15)) with y = (x ^ addends[i]) * multipliers[i] mod 2^32.
/// Uses `variant`, which must be available (DAC_MINHASH_PORTABLE for an unknown one).
///
/// Complexity: O(count * hashes); hashes are taken 56 at a time with their minimums in
/// registers (AVX2: 5 vector instructions per 8 hashes per value).
void dac_minhash_update(int variant, const uint32_t *values, size_t count, const uint32_t *multipliers,
                        const uint32_t *addends, uint32_t *mins, size_t hashes);

/// For every shingle i < `count`: h = `start`, then h = fmix64(h ^ words[i + k]) for every
/// k < `shingle` (MurmurHash3's 64-bit finalizer), and values[i] = (uint32_t)(h ^ (h >> 32)).
/// `words` holds count + shingle - 1 hashes. Uses `variant`, which must be available (SSE4.1
/// runs the portable code: the 64-bit lane multiply needs no more than SSE2).
///
/// Complexity: O(count * shingle); 16 shingles at a time in four 4-lane vectors.
void dac_minhash_shingles(int variant, const uint64_t *words, size_t count, size_t shingle, uint64_t start,
                          uint32_t *values);

#ifdef __cplusplus
}
#endif

#endif
