// The line tokenizer's fast path (dac_line_tokens.h): each block of sixteen bytes is classified
// with clang vector extensions (SSE2 on x86-64, NEON on ARM) into lane masks; tokens start and
// end at the edges of the white-space mask, and a token's facts are read from a segmented OR
// of the bytes' fact bits, so no byte costs a branch.
#include "dac_line_tokens.h"

#include <string.h>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

typedef uint8_t bytes16 __attribute__((vector_size(16)));
typedef int8_t signed16 __attribute__((vector_size(16)));
typedef uint16_t words16 __attribute__((vector_size(32)));
typedef _Bool bits16 __attribute__((ext_vector_type(16)));

#define LETTER_FACTS (DAC_TOKEN_LETTER | DAC_TOKEN_NOT_DIGIT)

/// Blocks whose per-lane counts a byte holds.
#define MAX_BLOCKS 255

/// Bit k set when lane k of `m` (all ones or zeros, or a byte's sign bit) is set.
static inline __attribute__((always_inline)) unsigned lanes(signed16 m) {
  bits16 bits = __builtin_convertvector(m < 0, bits16);
  uint16_t mask;
  memcpy(&mask, &bits, sizeof mask);
  return mask;
}

/// The lanes of `v` moved n up (lane k takes lane k - n), zeros below.
#define UP(v, n) UP_##n(v)
#define UP_1(v) __builtin_shufflevector((bytes16){}, v, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30)
#define UP_2(v) __builtin_shufflevector((bytes16){}, v, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29)
#define UP_4(v) __builtin_shufflevector((bytes16){}, v, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27)
#define UP_8(v) __builtin_shufflevector((bytes16){}, v, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23)
/// The lanes of `v` moved one down (lane k takes lane k + 1), zero in lane 15.
#define DOWN_1(v) __builtin_shufflevector(v, (bytes16){}, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16)

/// The lanes of one block.
typedef struct {
  /// White space; the bytes of letters (ASCII, and both bytes of a Latin-1 letter).
  bytes16 space, letter;
  /// One lane per letter (an ASCII letter or a Latin-1 letter's continuation byte), and per
  /// upper-case one; the continuation bytes.
  bytes16 counted, upper, continuation;
  /// The lanes of non-ASCII bytes that are not a Latin-1 letter's (the scalar path's), but for
  /// a lead byte in lane 15, whose scalar the next block reads: then `lead_last` is 1.
  unsigned other, lead_last;
} block_lanes;

/// The lanes of the block `v`.
static inline __attribute__((always_inline)) block_lanes classify(bytes16 v) {
  signed16 s = (signed16)v;
  block_lanes c;
  // Each range shifted so that it starts at -128: one signed comparison tests it.
  c.letter = (bytes16)((signed16)((v | 0x20) + 0x1F) < -128 + 26);
  c.upper = (bytes16)((signed16)(v + 0x3F) < -128 + 26);
  c.space = (bytes16)(v == 0x20) | (bytes16)((signed16)(v + 0x77) < -128 + 5);
  c.counted = c.letter;
  c.continuation = (bytes16){};
  c.other = 0;
  c.lead_last = 0;
  unsigned high = lanes(s);
  if (high != 0) {
    // C3 80–C3 BF but C3 97 (×) and C3 B7 (÷): U+00C0–U+00FF, upper-case up to U+00DE.
    bytes16 continuation = (bytes16)(s < (int8_t)0xC0);
    bytes16 good = continuation & UP(((bytes16)(v == 0xC3)), 1) & ~(bytes16)((v | 0x20) == 0xB7);
    bytes16 pair = good | DOWN_1(good);
    unsigned lead = high & ~lanes((signed16)continuation);
    c.lead_last = lead >> 15;
    c.other = high & ~lanes((signed16)pair) & ~(lead & 0x8000);
    c.letter |= pair;
    c.counted |= good;
    c.upper |= good & (bytes16)(s < (int8_t)0x9F);
    c.continuation = good;
  }
  return c;
}

/// The bytes `p[0, n)` (0 < n < 16) in lanes 0..n-1; the other lanes hold any bytes.
///
/// Not inlined: the shifts it computes from `n` would be set up on every call of the kernel.
static __attribute__((noinline)) bytes16 load_short(const uint8_t *p, size_t n) {
  uint64_t words[2] = {0, 0};
  if (n >= 8) {
    memcpy(&words[0], p, 8);
    memcpy(&words[1], p + n - 8, 8);
    // Bytes 8..n-1 from the top of the last eight (shifted by 0 for n = 8: none needed).
    words[1] >>= 8 * (16 - n) & 63;
  } else if (n >= 4) {
    uint32_t first, last;
    memcpy(&first, p, 4);
    memcpy(&last, p + n - 4, 4);
    words[0] = first | (uint64_t)last << 8 * (n - 4);
  } else {
    words[0] = p[0] | (uint64_t)p[n >> 1] << 8 * (n >> 1) | (uint64_t)p[n - 1] << 8 * (n - 1);
  }
  bytes16 v;
  memcpy(&v, words, sizeof v);
  return v;
}

/// The sum of the lanes.
static inline __attribute__((always_inline)) size_t lane_sum(bytes16 v) {
#if defined(__SSE2__)
  __m128i sums = _mm_sad_epu8((__m128i)v, _mm_setzero_si128());
  return (size_t)_mm_cvtsi128_si32(sums) + (size_t)_mm_extract_epi16(sums, 4);
#else
  return __builtin_reduce_add(__builtin_convertvector(v, words16));
#endif
}

/// Finishes, opens and extends tokens over lanes [lo, hi) of the block at `base`: `starts` and
/// `ends` have the lanes where tokens start and end (the first white space after them), and
/// `facts[k + 1]` the facts of the token bytes up to lane k (0 in `facts[lo]`; `letters_only`:
/// all LETTER_FACTS).
static inline __attribute__((always_inline)) void tokens(dac_line_tokens_state *s, size_t base, unsigned lo,
                                                         unsigned hi, unsigned starts, unsigned ends,
                                                         const uint8_t *facts, bool letters_only) {
#define FACTS_BEFORE(k) (letters_only ? LETTER_FACTS : facts[k])
  if (s->open_facts != 0) {
    if (ends == 0) {
      s->open_facts |= FACTS_BEFORE(hi);
      return;
    }
    unsigned end = (unsigned)__builtin_ctz(ends);
    ends &= ends - 1;
    if (!letters_only || end > lo) s->open_facts |= FACTS_BEFORE(end);
    dac_line_tokens_finish(s, base + end);
  }
  while (starts != 0) {
    size_t start = base + (unsigned)__builtin_ctz(starts);
    starts &= starts - 1;
    if (ends == 0) {
      s->open_start = start;
      s->open_facts = FACTS_BEFORE(hi);
      return;
    }
    unsigned end = (unsigned)__builtin_ctz(ends);
    ends &= ends - 1;
    dac_line_tokens_append(s, start, base + end, FACTS_BEFORE(end), !letters_only);
  }
#undef FACTS_BEFORE
}

/// Per lane, the letters, upper-case letters and continuation bytes of up to MAX_BLOCKS blocks.
typedef struct {
  bytes16 letters, upper, continuations;
} lane_counts;

/// Adds the counts of `n` to `s` and clears them.
static inline __attribute__((always_inline)) void add_counts(dac_line_tokens_state *s, lane_counts *n) {
  s->letters += lane_sum(n->letters);
  s->upper += lane_sum(n->upper);
  s->continuations += lane_sum(n->continuations);
  *n = (lane_counts){};
}

/// Reads lanes [lo, hi) of the block `v` at `base` (`c` its lanes): `full` when they are all
/// sixteen.
static inline __attribute__((always_inline)) void read_block(dac_line_tokens_state *s, lane_counts *n, bytes16 v,
                                                             block_lanes c, size_t base, unsigned lo,
                                                             unsigned hi, bool full) {
  static const bytes16 lane_index = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15};
  unsigned range = 0xFFFF;
  bytes16 in_range = ~(bytes16){};
  if (!full) {
    range = (0xFFFFu >> (16 - hi)) >> lo << lo;
    in_range = (bytes16)(lane_index >= (uint8_t)lo) & (bytes16)(lane_index < (uint8_t)hi);
    c.counted &= in_range;
    c.upper &= in_range;
    c.continuation &= in_range;
  }
  n->letters -= c.counted;
  n->upper -= c.upper;
  n->continuations -= c.continuation;
  unsigned space = lanes((signed16)c.space) & range;
  unsigned in_token = ~space & range;
  unsigned after_token = in_token << 1 | (unsigned)(s->open_facts != 0) << lo;
  unsigned starts = in_token & ~after_token;
  unsigned ends = space & after_token;
  if ((~lanes((signed16)(c.letter | c.space)) & range) == 0) {
    tokens(s, base, lo, hi, starts, ends, NULL, true);
    return;
  }
  if (lanes((signed16)((bytes16)(v == '{') | (bytes16)(v == '}'))) & range) s->braces = true;
  bytes16 digit = (bytes16)((signed16)(v + 0x50) < -128 + 10);
  bytes16 run = ~c.space & in_range;
  // A letter: LETTER | NOT_DIGIT; a digit: DIGIT (0xFE + 4); any other byte: NOT_DIGIT.
  bytes16 f = (c.letter & DAC_TOKEN_LETTER) | ((digit & 0xFE) + DAC_TOKEN_NOT_DIGIT) |
              ((bytes16)(v == '.') & DAC_TOKEN_DOT) | ((bytes16)(v == '@') & DAC_TOKEN_AT) |
              ((bytes16)(v == '$') & DAC_TOKEN_SIGN);
  // Segmented OR: lane k gathers the facts of the token's lanes up to k, doubling the span
  // while the lanes between are all in the token.
  f &= run;
  f |= UP(f, 1) & run;
  run &= UP(run, 1);
  f |= UP(f, 2) & run;
  run &= UP(run, 2);
  f |= UP(f, 4) & run;
  run &= UP(run, 4);
  f |= UP(f, 8) & run;
  uint8_t facts[17] = {0};
  memcpy(facts + 1, &f, sizeof f);
  tokens(s, base, lo, hi, starts, ends, facts, false);
}

size_t dac_line_tokens(dac_line_tokens_state *state, const uint8_t *bytes, size_t from, size_t count) {
  dac_line_tokens_state s = *state;
  lane_counts n = {};
  size_t i = from;
  while (i < count) {
    // Whole blocks of ASCII letters and spaces (the commonest), then of any bytes that the
    // kernel reads, up to MAX_BLOCKS - 1 (one more may follow below) before the counts are added.
    size_t limit = count - i > 16 * (MAX_BLOCKS - 1) ? i + 16 * (MAX_BLOCKS - 1) : count;
    bytes16 v;
    block_lanes c;
    bool whole = false;
    while (limit - i >= 16) {
      memcpy(&v, bytes + i, sizeof v);
      bytes16 letter = (bytes16)((signed16)((v | 0x20) + 0x1F) < -128 + 26);
      bytes16 blank = (bytes16)(v == ' ');
      if (lanes((signed16)(letter | blank)) == 0xFFFF) {
        n.letters -= letter;
        n.upper -= (bytes16)((signed16)(v + 0x3F) < -128 + 26);
        unsigned space = lanes((signed16)blank);
        unsigned in_token = space ^ 0xFFFF;
        unsigned after_token = in_token << 1 | (unsigned)(s.open_facts != 0);
        tokens(&s, i, 0, 16, in_token & ~after_token, space & after_token, NULL, true);
        i += 16;
        continue;
      }
      c = classify(v);
      if ((c.other | c.lead_last) != 0) {
        whole = true;
        break;
      }
      read_block(&s, &n, v, c, i, 0, 16, true);
      i += 16;
    }
    add_counts(&s, &n);
    if (i == count) break;
    if (!whole && limit != count) continue;
    // Lanes [lo, hi) of the block at `base` are read: the sixteen bytes from i but for a
    // scalar that lane 15 only starts (which the next block reads), or the last sixteen of
    // the line, or a line shorter than sixteen; and the block ends before the first scalar
    // left to the caller.
    size_t base = i;
    unsigned lo = 0, hi = 16;
    if (whole) {
      if (c.lead_last != 0) hi = 15;
    } else {
      if (count >= 16) {
        base = count - 16;
        lo = (unsigned)(i - base);
        memcpy(&v, bytes + base, sizeof v);
      } else {
        base = 0;
        lo = (unsigned)i;
        hi = (unsigned)count;
        v = load_short(bytes, count);
      }
      c = classify(v);
    }
    unsigned other = c.other >> lo << lo;
    bool stop = other != 0 && (unsigned)__builtin_ctz(other) < hi;
    if (stop) {
      hi = (unsigned)__builtin_ctz(other);
      if (hi == lo) break;
    }
    read_block(&s, &n, v, c, base, lo, hi, false);
    add_counts(&s, &n);
    i = base + hi;
    if (stop) break;
  }
  if (i == count && s.open_facts != 0) dac_line_tokens_finish(&s, count);
  *state = s;
  return i;
}
