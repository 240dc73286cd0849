// The line tokenizer's fast path (dac_line_tokens.h). Thirty-two bytes at a time are
// classified with clang vector extensions, two such vectors make the bit masks of a 64-byte
// block (kernel_support.h), and the block's tokens are read off the masks: they start and end at
// the edges of the white-space mask, taken in lockstep; a token of letters only (most) is told
// by one bit and costs no other test, another's facts are its letter mask test and a table
// lookup per other byte; the counts are popcounts of masks. One body, inlined into a function
// per instruction set as the quality tokenizer's kernel is: AVX2 with BMI2 and popcnt (chosen
// at run time), or baseline SSE2 (NEON on ARM), so all variants agree by construction. The
// line's last bytes are copied into a block padded with white space: no read past its end.
#include "dac_line_tokens.h"

#include "kernel_support.h"

enum { BLOCK = 64 };

#define LETTER_FACTS (DAC_TOKEN_LETTER | DAC_TOKEN_NOT_DIGIT)
/// A byte's fact (byte_facts) that is not a token's: `{` or `}`.
#define BRACE 64

/// The facts of the ASCII bytes other than letters and white space, and BRACE for `{` and `}`.
static const uint8_t byte_facts[128] = {
    [0 ... '#'] = DAC_TOKEN_NOT_DIGIT,
    ['$'] = DAC_TOKEN_NOT_DIGIT | DAC_TOKEN_SIGN,
    ['%' ... '-'] = DAC_TOKEN_NOT_DIGIT,
    ['.'] = DAC_TOKEN_NOT_DIGIT | DAC_TOKEN_DOT,
    ['/'] = DAC_TOKEN_NOT_DIGIT,
    ['0' ... '9'] = DAC_TOKEN_DIGIT,
    [':' ... '?'] = DAC_TOKEN_NOT_DIGIT,
    ['@'] = DAC_TOKEN_NOT_DIGIT | DAC_TOKEN_AT,
    ['A' ... 'z'] = DAC_TOKEN_NOT_DIGIT,
    ['{'] = DAC_TOKEN_NOT_DIGIT | BRACE,
    ['|'] = DAC_TOKEN_NOT_DIGIT,
    ['}'] = DAC_TOKEN_NOT_DIGIT | BRACE,
    ['~' ... 127] = DAC_TOKEN_NOT_DIGIT,
};

/// The class masks of a block, bit k for byte k.
typedef struct {
  /// White space: space, TAB, LF, VT, FF, CR.
  uint64_t space;
  /// Letters as counted: ASCII letters, and continuation bytes (10xxxxxx) other than 0x97 and
  /// 0xB7 (after 0xC3: `×` and `÷`); of those, the upper-case ones (A–Z, 0x80–0x9E).
  uint64_t letters, upper;
  /// Continuation bytes other than 0x97 and 0xB7; 0xC3; bytes from 0x80.
  uint64_t continuations, c3, high;
} block_classes;

// Inlined into each variant: see lane_bits.
#pragma clang diagnostic push
#pragma clang diagnostic ignored "-Wpsabi"
KERNEL_INLINE block_classes classify(const uint8_t *p) {
  block_classes c = {0};
  for (int k = 0; k < BLOCK / 32; k++) {
    bytes32 v = load32(p + 32 * k);
    signed32 s = (signed32)v;
    // Each range shifted so that it starts at -128: one signed comparison tests it.
    signed32 space = (v == 0x20) | ((signed32)(v + 0x77) < -128 + 5);
    signed32 continuation = (s < -64) & ((v | 0x20) != 0xB7);
    signed32 upper = ((signed32)(v + 0x3F) < -128 + 26) | (continuation & (s < (int8_t)0x9F));
    int shift = 32 * k;
    c.space |= lane_bits(space) << shift;
    c.letters |= lane_bits(((signed32)((v | 0x20) + 0x1F) < -128 + 26) | continuation) << shift;
    c.upper |= lane_bits(upper) << shift;
    c.continuations |= lane_bits(continuation) << shift;
    c.c3 |= lane_bits(v == 0xC3) << shift;
    c.high |= lane_bits(s < 0) << shift;
  }
  return c;
}
#pragma clang diagnostic pop

/// The facts of the token bytes `range` of `block` (none for an empty range), whose letters are
/// `letters`; a `{` or `}` among them sets `s->braces`.
KERNEL_INLINE uint8_t facts(dac_line_tokens_state *s, const uint8_t *block, uint64_t letters, uint64_t range) {
  unsigned f = (letters & range) != 0 ? LETTER_FACTS : 0;
  for (uint64_t rest = range & ~letters; rest != 0; rest &= rest - 1) f |= byte_facts[block[__builtin_ctzll(rest)]];
  s->braces |= f >= BRACE;
  return (uint8_t)(f & (BRACE - 1));
}

/// Appends the token [start, end) of letters only (LETTER_FACTS: a word, not marked), but for
/// the word count, which the caller adds.
KERNEL_INLINE void append_letters(dac_line_tokens_state *s, size_t start, size_t end) {
  dac_line_token *token = s->tokens + s->token_count++;
  token->start = start;
  token->end = end;
  token->fact_bits = LETTER_FACTS;
}

/// Finishes, opens and extends tokens over the bytes `read` of the block at `base`, of which
/// `tokens` are not white space and `letters` are letters (ASCII, and both bytes of a Latin-1
/// letter).
KERNEL_INLINE void read_tokens(dac_line_tokens_state *s, const uint8_t *block, size_t base, uint64_t tokens,
                               uint64_t letters, uint64_t read) {
  // Token starts and the white space after each token alternate: a token's end is the first
  // after its start.
  uint64_t after_token = tokens << 1 | (uint64_t)(s->open_facts != 0);
  uint64_t starts = tokens & ~after_token;
  uint64_t ends = ~tokens & after_token & read;
  // The ends of the tokens that start in the block and hold letters only: the carry of a start
  // runs through a token's letters to its end.
  uint64_t plain_ends = ((tokens & letters) + starts) & ends;
  s->words += (size_t)__builtin_popcountll(plain_ends);
  if (s->open_facts != 0) {
    if (ends == 0) {
      s->open_facts |= facts(s, block, letters, tokens);
      return;
    }
    unsigned end = (unsigned)__builtin_ctzll(ends);
    ends &= ends - 1;
    s->open_facts |= facts(s, block, letters, below_bit(end));
    dac_line_tokens_finish(s, base + end);
  }
  // The tokens that end in the block, then the one that starts in it and goes on (if any).
  for (; ends != 0; ends &= ends - 1, starts &= starts - 1) {
    unsigned start = (unsigned)__builtin_ctzll(starts);
    unsigned end = (unsigned)__builtin_ctzll(ends);
    if (plain_ends >> end & 1) {
      append_letters(s, base + start, base + end);
    } else {
      uint64_t range = below_bit(end) & from_bit(start);
      dac_line_tokens_append(s, base + start, base + end, facts(s, block, letters, range));
    }
  }
  if (starts != 0) {
    unsigned start = (unsigned)__builtin_ctzll(starts);
    s->open_start = base + start;
    s->open_facts = facts(s, block, letters, tokens & from_bit(start));
  }
}

KERNEL_INLINE size_t scan(dac_line_tokens_state *state, const uint8_t *bytes, size_t from, size_t count) {
  // A copy in locals (registers), written back at the end: stores through the state's
  // pointers could otherwise alias it.
  dac_line_tokens_state s = *state;
  size_t i = from;
  // The last bytes of the line, padded with spaces: they end the open token at the line's end
  // and add nothing else.
  uint8_t tail[BLOCK];
  while (i < count) {
    // A block from `i`, a scalar boundary.
    const uint8_t *block = bytes + i;
    size_t available = count - i;
    if (available < BLOCK) {
      memset(tail, ' ', sizeof tail);
      memcpy(tail, block, available);
      block = tail;
    }
    block_classes c = classify(block);
    // The continuation bytes of Latin-1 letters (C3 80–C3 BF but × and ÷); the first byte of
    // any other non-ASCII scalar, where the scalar path takes over. (On valid UTF-8 from a
    // scalar boundary, the other continuation bytes come after such a byte.)
    uint64_t latin = c.continuations & c.c3 << 1;
    uint64_t others = c.high & ~latin & ~(latin >> 1);
    unsigned processed = BLOCK;
    int stop = 0;
    if (others != 0) {
      processed = (unsigned)__builtin_ctzll(others);
      // But 0xC3 in the last byte: its scalar is read from the next block.
      stop = processed < BLOCK - 1 || (c.c3 >> (BLOCK - 1)) == 0;
    }
    uint64_t read = below_bit(processed);
    // Before the first other scalar, every continuation byte is a Latin-1 letter's.
    s.letters += (size_t)__builtin_popcountll(c.letters & read);
    s.upper += (size_t)__builtin_popcountll(c.upper & read);
    s.continuations += (size_t)__builtin_popcountll(c.continuations & read);
    read_tokens(&s, block, i, ~c.space & read, c.letters | latin >> 1, read);
    i += processed < available ? processed : available;
    if (stop) break;
  }
  if (i == count && s.open_facts != 0) dac_line_tokens_finish(&s, count);
  *state = s;
  return i;
}

static size_t line_tokens_portable(dac_line_tokens_state *state, const uint8_t *bytes, size_t from, size_t count) {
  return scan(state, bytes, from, count);
}

#if defined(__x86_64__)
__attribute__((target("avx2,bmi,bmi2,popcnt"))) static size_t line_tokens_avx2(dac_line_tokens_state *state,
                                                                        const uint8_t *bytes, size_t from,
                                                                        size_t count) {
  return scan(state, bytes, from, count);
}
#endif

size_t dac_line_tokens(int variant, dac_line_tokens_state *state, const uint8_t *bytes, size_t from, size_t count) {
#if defined(__x86_64__)
  if (variant == DAC_TOKEN_KERNEL_AVX2) return line_tokens_avx2(state, bytes, from, count);
#endif
  return line_tokens_portable(state, bytes, from, count);
}
