// MinHash's shingle values: per shingle, a chain of MurmurHash3's fmix64 over its words'
// hashes, folded to 32 bits. One body of 4-lane 64-bit vector arithmetic (clang vector
// extensions), inlined into a function per instruction set as the permutation kernel's is
// (minhash_kernel.c): the compiler lowers the 64-bit lane multiply to three 32-bit ones
// (vpmuludq with AVX2, pmuludq with SSE2), so all variants agree by construction.
#include "CMinHashKernel.h"
#include "kernel_support.h"

#include <string.h>

typedef uint64_t wide4 __attribute__((vector_size(32)));
typedef uint32_t narrow4 __attribute__((vector_size(16)));

enum {
  WIDE = 4,
  // Vectors of shingles hashed at a time: their chains are independent, so the processor
  // overlaps the multiplications of one with those of the others.
  CHAINS = 4,
};

static const uint64_t FMIX1 = 0xFF51AFD7ED558CCDULL;
static const uint64_t FMIX2 = 0xC4CEB9FE1A85EC53ULL;

// `chains` (a constant after inlining) vectors of 4 shingles from shingle `i` on.
KERNEL_INLINE void hash_vectors(const uint64_t *words, size_t i, size_t shingle, uint64_t start, uint32_t *values,
                                int chains) {
  wide4 h[CHAINS];
  for (int c = 0; c < chains; c++) h[c] = (wide4){start, start, start, start};
  for (size_t k = 0; k < shingle; k++) {
    for (int c = 0; c < chains; c++) {
      wide4 x;
      memcpy(&x, words + i + k + (size_t)c * WIDE, sizeof x);
      x ^= h[c];
      x ^= x >> 33;
      x *= FMIX1;
      x ^= x >> 33;
      x *= FMIX2;
      x ^= x >> 33;
      h[c] = x;
    }
  }
  for (int c = 0; c < chains; c++) {
    narrow4 v = __builtin_convertvector(h[c] ^ (h[c] >> 32), narrow4);
    memcpy(values + i + (size_t)c * WIDE, &v, sizeof v);
  }
}

// All shingles: CHAINS vectors at a time, then one vector at a time, then the last count % 4
// one by one.
KERNEL_INLINE void shingles_all(const uint64_t *words, size_t count, size_t shingle, uint64_t start,
                                uint32_t *values) {
  size_t i = 0;
  for (; i + WIDE * CHAINS <= count; i += WIDE * CHAINS) hash_vectors(words, i, shingle, start, values, CHAINS);
  for (; i + WIDE <= count; i += WIDE) hash_vectors(words, i, shingle, start, values, 1);
  for (; i < count; i++) {
    uint64_t h = start;
    for (size_t k = 0; k < shingle; k++) {
      h ^= words[i + k];
      h ^= h >> 33;
      h *= FMIX1;
      h ^= h >> 33;
      h *= FMIX2;
      h ^= h >> 33;
    }
    values[i] = (uint32_t)(h ^ (h >> 32));
  }
}

static void shingles_portable(const uint64_t *words, size_t count, size_t shingle, uint64_t start,
                              uint32_t *values) {
  shingles_all(words, count, shingle, start, values);
}

#if defined(__x86_64__) || defined(__i386__)
__attribute__((target("avx2"))) static void shingles_avx2(const uint64_t *words, size_t count, size_t shingle,
                                                          uint64_t start, uint32_t *values) {
  shingles_all(words, count, shingle, start, values);
}
#endif

void dac_minhash_shingles(int variant, const uint64_t *words, size_t count, size_t shingle, uint64_t start,
                          uint32_t *values) {
#if defined(__x86_64__) || defined(__i386__)
  if (variant == DAC_MINHASH_AVX2) {
    shingles_avx2(words, count, shingle, start, values);
    return;
  }
#endif
  shingles_portable(words, count, shingle, start, values);
}
