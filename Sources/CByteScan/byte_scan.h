#ifndef DACORPUS_BYTE_SCAN_H
#define DACORPUS_BYTE_SCAN_H

#include <emmintrin.h>
#include <stddef.h>
#include <stdint.h>

/// The lanes of the block `a` where one of `æøåÆØÅ` starts (`C3` then `A6 B8 A5 86 98 85`),
/// `b` being the bytes one further, as a `_mm_movemask_epi8` mask. Lane 15 is left out: a
/// letter starting there would end in the next block.
static inline __attribute__((always_inline)) int dacorpus_danish_letter_starts(__m128i a, __m128i b) {
  // The second bytes with bit 5 cleared: A5/85 → 85, A6/86 → 86, B8/98 → 98.
  __m128i second = _mm_and_si128(b, _mm_set1_epi8((char)0xDF));
  __m128i letter = _mm_or_si128(
      _mm_or_si128(_mm_cmpeq_epi8(second, _mm_set1_epi8((char)0x85)),
                   _mm_cmpeq_epi8(second, _mm_set1_epi8((char)0x86))),
      _mm_cmpeq_epi8(second, _mm_set1_epi8((char)0x98)));
  return _mm_movemask_epi8(_mm_and_si128(_mm_cmpeq_epi8(a, _mm_set1_epi8((char)0xC3)), letter)) & 0x7FFF;
}

/// The UTF-8 continuation bytes (0x80–0xBF) in `p[0..<n]`, counted sixteen bytes at a time
/// (SSE2): a valid UTF-8 text has `n` minus this many scalars.
///
/// Each byte lane counts to at most 255 before the lanes are summed. O(n / 16).
static inline __attribute__((always_inline)) ptrdiff_t dacorpus_count_continuation_bytes(
    const uint8_t *p, ptrdiff_t n) {
  // Signed: 0x80–0xBF are -128…-65, the only bytes below 0xC0 (-64).
  const __m128i limit = _mm_set1_epi8((char)0xC0);
  __m128i total = _mm_setzero_si128();
  ptrdiff_t i = 0;
  while (i + 16 <= n) {
    __m128i lanes = _mm_setzero_si128();
    for (int k = 0; k < 255 && i + 16 <= n; k++, i += 16) {
      // A match is -1 in its lane: subtracting it counts one.
      lanes = _mm_sub_epi8(lanes, _mm_cmplt_epi8(_mm_loadu_si128((const __m128i *)(p + i)), limit));
    }
    total = _mm_add_epi64(total, _mm_sad_epu8(lanes, _mm_setzero_si128()));
  }
  ptrdiff_t count = (ptrdiff_t)_mm_cvtsi128_si64(total) + (ptrdiff_t)_mm_cvtsi128_si64(_mm_unpackhi_epi64(total, total));
  if (i + 8 <= n) {
    uint64_t word;
    __builtin_memcpy(&word, p + i, 8);
    // Bit 7 set and bit 6 clear, one bit per byte, added up in the top byte.
    count += (ptrdiff_t)((((word & ~(word << 1)) & 0x8080808080808080ULL) >> 7) * 0x0101010101010101ULL >> 56);
    i += 8;
  }
  for (; i < n; i++) count += (p[i] & 0xC0) == 0x80;
  return count;
}

/// The first index at or after `i` whose byte is not printable ASCII (0x20–0x7E), looking at
/// sixteen bytes at a time (SSE2) while `i + 17 <= n`; `i` where fewer bytes remain, for the
/// caller to finish.
///
/// With `danishLetters` nonzero it also steps over `æøåÆØÅ` (`C3` then `A6 B8 A5 86 98 85`)
/// when both bytes are in the block: for a caller to which those letters are as plain as ASCII.
///
/// O(bytes skipped / 16).
static inline __attribute__((always_inline)) ptrdiff_t dacorpus_skip_printable_ascii(
    const uint8_t *p, ptrdiff_t i, ptrdiff_t n, int danishLetters) {
  const __m128i below = _mm_set1_epi8(0x20);
  const __m128i del = _mm_set1_epi8(0x7F);
  while (i + 17 <= n) {
    __m128i a = _mm_loadu_si128((const __m128i *)(p + i));
    // Signed compares: bytes 0x80–0xFF are negative, so below 0x20 too.
    int stops = _mm_movemask_epi8(_mm_or_si128(_mm_cmplt_epi8(a, below), _mm_cmpeq_epi8(a, del)));
    if (stops != 0 && danishLetters) {
      int leads = dacorpus_danish_letter_starts(a, _mm_loadu_si128((const __m128i *)(p + i + 1)));
      stops &= ~(leads | leads << 1);
    }
    if (stops != 0) return i + __builtin_ctz((unsigned)stops);
    i += 16;
  }
  return i;
}

/// The first index `k` at or after `i` with two spaces at `k` and `k + 1`, looking at sixteen
/// pairs at a time (SSE2) while `i + 17 <= end`; `i` where fewer pairs remain, for the caller to
/// finish.
///
/// O(bytes skipped / 16).
static inline __attribute__((always_inline)) ptrdiff_t dacorpus_find_space_pair(
    const uint8_t *p, ptrdiff_t i, ptrdiff_t end) {
  const __m128i space = _mm_set1_epi8(0x20);
  while (i + 17 <= end) {
    __m128i a = _mm_cmpeq_epi8(_mm_loadu_si128((const __m128i *)(p + i)), space);
    __m128i b = _mm_cmpeq_epi8(_mm_loadu_si128((const __m128i *)(p + i + 1)), space);
    int pairs = _mm_movemask_epi8(_mm_and_si128(a, b));
    if (pairs != 0) return i + __builtin_ctz((unsigned)pairs);
    i += 16;
  }
  return i;
}

#endif
