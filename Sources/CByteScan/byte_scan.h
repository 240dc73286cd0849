#ifndef DACORPUS_BYTE_SCAN_H
#define DACORPUS_BYTE_SCAN_H

#include <emmintrin.h>
#include <stddef.h>
#include <stdint.h>

/// Skips 16-byte blocks of tidy printable ASCII, with SSE2 (every x86-64 has it).
///
/// From `i`, while `i + 17 <= n`, steps over the block `p[i..<i+16]` when each of its bytes
/// `p[k]` is printable ASCII (0x20–0x7E) and `(p[k] | p[k+1]) & 0x7F` is above 0x20 (no two
/// spaces in a row, nor a space before a NUL). That is exactly what
/// `SWAR.notPrintableOrSpacePair(word at i, word at i + 1) == 0` accepts for the two words of
/// the block, so a caller stepping eight bytes at a time may start where this stops.
///
/// Returns the start of the first block that is not skipped. O(bytes skipped / 16).
static inline __attribute__((always_inline)) ptrdiff_t dacorpus_skip_tidy_ascii(
    const uint8_t *p, ptrdiff_t i, ptrdiff_t n) {
  const __m128i below = _mm_set1_epi8(0x20);
  const __m128i del = _mm_set1_epi8(0x7F);
  const __m128i pairLimit = _mm_set1_epi8(0x21);
  while (i + 17 <= n) {
    __m128i a = _mm_loadu_si128((const __m128i *)(p + i));
    __m128i b = _mm_loadu_si128((const __m128i *)(p + i + 1));
    // Signed compares: bytes 0x80–0xFF are negative, so below 0x20 too.
    __m128i bad = _mm_or_si128(_mm_cmplt_epi8(a, below), _mm_cmpeq_epi8(a, del));
    __m128i pairs = _mm_and_si128(_mm_or_si128(a, b), del);
    bad = _mm_or_si128(bad, _mm_cmplt_epi8(pairs, pairLimit));
    if (_mm_movemask_epi8(bad) != 0) break;
    i += 16;
  }
  return i;
}

#endif
