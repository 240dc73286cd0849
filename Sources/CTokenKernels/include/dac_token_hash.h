// The 64-bit hash that tells the quality filter's tokens, lines and paragraphs apart
// (TokenHash in CorpusFilters is its Swift face): here so that the tokenizer kernel
// (dac_quality_tokens.h) and the Swift scans hash a token alike by construction.
//
// Short tokens, most of a text, cost one or two mixes instead of a byte-by-byte hash:
// - 1 to 7 bytes: the bytes (little-endian) with the count in the top byte, which no other
//   input of up to 7 bytes shares, mixed by fmix64 (MurmurHash3's finalizer, a bijection): two
//   different short tokens never have the same hash;
// - 8 to 16 bytes: the first and the last eight bytes (which together cover every byte), the
//   first mixed and offset by the count, then combined with the last by a multiplication and
//   fmix64;
// - 17 bytes and more: 16 bytes at a time, each pair of words folded into the running value by
//   one full-width multiplication (the high and low halves xored, as wyhash does), the last 16
//   bytes (overlapping the previous block) with the count, then fmix64: about half the
//   instructions per byte of xxHash64, whose four lanes and tail steps lines of a few hundred
//   bytes do not amortize.
//
// Hashes of inputs of different classes (or of different inputs of 8 bytes and more) are equal
// only by the chance of two independent 64-bit hashes.
#ifndef DAC_TOKEN_HASH_H
#define DAC_TOKEN_HASH_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

#ifdef __cplusplus
extern "C" {
#endif

/// MurmurHash3's 64-bit finalizer: a bijective avalanche mix.
static inline uint64_t dac_fmix64(uint64_t k) {
  k ^= k >> 33;
  k *= 0xFF51AFD7ED558CCDULL;
  k ^= k >> 33;
  k *= 0xC4CEB9FE1A85EC53ULL;
  k ^= k >> 33;
  return k;
}

/// The eight bytes at `p`, little-endian.
static inline uint64_t dac_load64(const uint8_t *p) {
  uint64_t word;
  memcpy(&word, p, sizeof word);
  return word;
}

/// The high and low halves of `a * b`, xored.
static inline uint64_t dac_token_hash_fold(uint64_t a, uint64_t b) {
  __uint128_t product = (__uint128_t)a * b;
  return (uint64_t)(product >> 64) ^ (uint64_t)product;
}

/// The hash of the token of `count` (1 to 7) bytes held in the low bytes of `word` (the bytes
/// above them may be anything).
static inline uint64_t dac_token_hash_short(uint64_t word, size_t count) {
  return dac_fmix64((word & ((1ULL << (count * 8)) - 1)) | (uint64_t)count << 56);
}

/// The hash of the `count` (8 to 16) bytes at `p`.
static inline uint64_t dac_token_hash_medium(const uint8_t *p, size_t count) {
  uint64_t first = dac_fmix64(dac_load64(p)) + count;
  return dac_fmix64((first * 0x9E3779B97F4A7C15ULL) ^ dac_load64(p + count - 8));
}

/// The hash of the `count` (> 16) bytes at `p`. O(count): one multiplication per 16 bytes.
static inline __attribute__((noinline)) uint64_t dac_token_hash_long(const uint8_t *p, size_t count) {
  // wyhash's secrets, xored into the folded words so that no text word is zero.
  const uint64_t secret0 = 0xA0761D6478BD642FULL, secret1 = 0xE7037ED1A0B428DBULL;
  uint64_t h = 0;
  size_t i = 0;
  for (; i + 16 < count; i += 16) {
    h = dac_token_hash_fold(dac_load64(p + i) ^ secret0 ^ h, dac_load64(p + i + 8) ^ secret1);
  }
  uint64_t tail = dac_load64(p + count - 8) ^ secret1 ^ count;
  return dac_fmix64(dac_token_hash_fold(dac_load64(p + count - 16) ^ secret0 ^ h, tail));
}

/// The hash of the `count` (>= 1) bytes at `p`, of which 8 may be read when `count` < 8.
static inline uint64_t dac_token_hash_readable(const uint8_t *p, size_t count) {
  if (count < 8) return dac_token_hash_short(dac_load64(p), count);
  if (count <= 16) return dac_token_hash_medium(p, count);
  return dac_token_hash_long(p, count);
}

#ifdef __cplusplus
}
#endif

#endif
