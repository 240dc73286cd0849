// The quality tokenizer's plain-word path (dac_quality_tokens.h). Thirty-two bytes at a time
// are classified with clang vector extensions, two such vectors make the bit masks of a 64-byte
// block, and the chunks of the block are read off the masks: where each starts and ends,
// whether it holds punctuation or a letter. One body, inlined into a function per instruction
// set as MinHash's kernel is: the compiler lowers it to AVX2 with BMI2 and popcnt (chosen at
// run time), or to baseline SSE2 (NEON on ARM), so all variants agree by construction.
#include "dac_quality_tokens.h"

#include "kernel_support.h"

enum {
  BLOCK = 64,
  // A token's hash may read eight bytes from its start, which is inside the block.
  READABLE = BLOCK + 8,
};

/// The class masks of a block, bit k for byte k.
typedef struct {
  /// ASCII white space (TAB-CR, space); LF.
  uint64_t space, newline;
  /// Where a plain word cannot go on: a byte up to 0x20 (white space or a control), or a lead
  /// byte other than 0xC3. (On valid UTF-8 from a scalar boundary, a continuation byte not
  /// after 0xC3 comes after such a lead byte, so the first stop is found before it.)
  uint64_t stop;
  /// ASCII punctuation: printable ASCII bytes other than letters and digits, and DEL.
  uint64_t punctuation;
  /// ASCII letters, and continuation bytes other than those of `×` and `÷` (C3 97, C3 B7): the
  /// letters of a plain word.
  uint64_t letters;
  /// 0xC3: one per two-byte scalar of a plain word.
  uint64_t leads;
  /// `.` (runs of three are ellipses) and `#` (counted).
  uint64_t dots, hash_signs;
} block_classes;

// Inlined into each variant: see lane_bits.
#pragma clang diagnostic push
#pragma clang diagnostic ignored "-Wpsabi"
KERNEL_INLINE block_classes classify(const uint8_t *p) {
  block_classes c = {0};
  for (int k = 0; k < BLOCK / 32; k++) {
    bytes32 v = load32(p + 32 * k);
    signed32 space = (v == 0x20) | ((bytes32)(v - 0x09) < 5);
    signed32 low = v <= 0x20;
    signed32 ascii_letter = (bytes32)((v | 0x20) - 0x61) < 26;
    signed32 digit = (bytes32)(v - 0x30) < 10;
    signed32 continuation = (v & 0xC0) == 0x80;
    int shift = 32 * k;
    c.space |= lane_bits(space) << shift;
    c.newline |= lane_bits(v == 0x0A) << shift;
    c.stop |= lane_bits(low | ((v >= 0xC0) & (v != 0xC3))) << shift;
    c.punctuation |= lane_bits(~low & (v < 0x80) & ~ascii_letter & ~digit) << shift;
    c.letters |= lane_bits(ascii_letter | (continuation & ((v | 0x20) != 0xB7))) << shift;
    c.leads |= lane_bits(v == 0xC3) << shift;
    c.dots |= lane_bits(v == '.') << shift;
    c.hash_signs |= lane_bits(v == '#') << shift;
  }
  return c;
}
#pragma clang diagnostic pop

/// Appends the token `hash` of `size` bytes and `length` scalars to `s`.
KERNEL_INLINE void append(dac_quality_scan_state *s, const dac_quality_tables *tables, uint64_t hash, size_t size,
                          size_t length) {
  s->hashes[s->count++] = hash;
  s->scalars += length;
  s->prefix[s->count] = s->scalars;
  const uint64_t *bucket = tables->stop_entries + (size_t)(hash >> tables->stop_shift) * 2;
  uint64_t a = bucket[0] ^ hash, b = bucket[1] ^ hash;
  s->stop_tokens += ((a < b ? a : b) == 0) & (size <= tables->stop_max_bytes);
}

/// Marks the LFs of `newlines` (bits of the block, all before `processed`): each with the
/// continuation bytes before it, `continuations` before the block plus the block's `leads`
/// (one continuation byte each) before it.
KERNEL_INLINE void mark_lines(dac_quality_scan_state *s, uint64_t newlines, uint64_t leads, size_t continuations) {
  for (; newlines != 0; newlines &= newlines - 1) {
    uint64_t before = leads & ((newlines & (0 - newlines)) - 1);
    s->line_continuations[s->newlines++] = continuations + (size_t)__builtin_popcountll(before);
  }
}

KERNEL_INLINE size_t scan(dac_quality_scan_state *state, const dac_quality_tables *shared, const uint8_t *bytes,
                          size_t from, size_t count) {
  // Copies in locals (registers), the state written back at the end: stores through the
  // state's pointers could otherwise alias them.
  dac_quality_scan_state s = *state;
  const dac_quality_tables table_copy = *shared;
  const dac_quality_tables *tables = &table_copy;
  // Every token appended here is a word, of its scalars, but for the punctuation marks (of one
  // scalar each): the word counts are taken from the token counts when the scan stops.
  const size_t count_before = s.count, scalars_before = s.scalars;
  size_t marks = 0;
  size_t i = from;
  // The last bytes of the text, padded with zeros (controls: they stop a plain word).
  uint8_t tail[READABLE];
  while (i < count) {
    // A block from `i`, a scalar boundary: the start of a chunk or white space.
    const uint8_t *block = bytes + i;
    size_t available = count - i;
    if (available < READABLE) {
      memset(tail, 0, sizeof tail);
      memcpy(tail, block, available);
      block = tail;
    }
    unsigned limit = available < BLOCK ? (unsigned)available : BLOCK;
    block_classes c = classify(block);
    // The chunks that start in the block (before its limit), and the white space byte after
    // each chunk that ends in it: they alternate, a chunk's end is the first after its start.
    uint64_t starts = ~c.space & (c.space << 1 | 1) & below_bit(limit);
    uint64_t ends = c.space & ~c.space << 1;
    // A plain word may hold ASCII punctuation inside, and have one punctuation byte before and
    // one after it (each a token of its own): a punctuation byte that starts a chunk before a
    // word byte, or ends it after one. A chunk with other punctuation at its edges, a run of
    // three `.`, a control, or a non-ASCII scalar other than `C3 xx` is not plain.
    uint64_t word = ~c.punctuation & ~c.space;
    uint64_t lead_marks = c.punctuation & starts & word >> 1;
    uint64_t trail_marks = c.punctuation & ends >> 1 & word << 1 & ~starts;
    uint64_t not_plain = (c.stop & ~c.space) | (c.punctuation & (starts | ends >> 1) & ~lead_marks & ~trail_marks) |
                         (c.dots & c.dots >> 1 & c.dots >> 2);
    // Where the block's reading ends, and whether the scan stops there.
    unsigned processed = limit;
    int stop = 0;
    for (; starts != 0; starts &= starts - 1) {
      unsigned start = (unsigned)__builtin_ctzll(starts);
      uint64_t after = ends & from_bit(start);
      if (after == 0) {
        // The chunk goes on past the block: read it from a block of its own, unless it
        // started this one (64 bytes or more: not a plain word in practice) or the text ends
        // in it.
        processed = start;
        stop = start == 0;
        break;
      }
      unsigned end = (unsigned)__builtin_ctzll(after);
      uint64_t inside = from_bit(start) & ~from_bit(end);
      if ((not_plain & inside) != 0) {
        processed = start;
        stop = 1;
        break;
      }
      unsigned word_start = start, word_end = end;
      // Rare: a punctuation mark before the word, and `#`.
      if (((lead_marks | c.hash_signs) & inside) != 0) {
        s.hash_marks += (size_t)__builtin_popcountll(c.hash_signs & inside);
        if ((lead_marks & inside) != 0) {
          append(&s, tables, tables->byte_hashes[block[start]], 1, 1);
          marks++;
          word_start++;
        }
      }
      uint64_t trail = trail_marks & inside;
      word_end -= trail != 0;
      size_t size = word_end - word_start;
      // Baseline x86-64 has no popcnt instruction: most chunks have no lead byte to count.
      uint64_t leads = c.leads & inside;
      size_t length = leads != 0 ? size - (size_t)__builtin_popcountll(leads) : size;
      append(&s, tables, dac_token_hash_readable(block + word_start, size), size, length);
      s.alpha_tokens += (c.letters & inside) != 0;
      if (trail != 0) {
        append(&s, tables, tables->byte_hashes[block[word_end]], 1, 1);
        marks++;
      }
    }
    uint64_t read = below_bit(processed);
    uint64_t leads = c.leads & read;
    if (c.newline & read) mark_lines(&s, c.newline & read, leads, s.continuations);
    s.continuations += (size_t)__builtin_popcountll(leads);
    i += processed;
    if (stop) break;
  }
  s.words += s.count - count_before - marks;
  s.word_length += s.scalars - scalars_before - marks;
  *state = s;
  return i;
}

static size_t scan_portable(dac_quality_scan_state *state, const dac_quality_tables *tables, const uint8_t *bytes,
                            size_t from, size_t count) {
  return scan(state, tables, bytes, from, count);
}

#if defined(__x86_64__)
__attribute__((target("avx2,bmi,bmi2,popcnt"))) static size_t scan_avx2(dac_quality_scan_state *state,
                                                                        const dac_quality_tables *tables,
                                                                        const uint8_t *bytes, size_t from,
                                                                        size_t count) {
  return scan(state, tables, bytes, from, count);
}
#endif

size_t dac_quality_scan(int variant, dac_quality_scan_state *state, const dac_quality_tables *tables,
                        const uint8_t *bytes, size_t from, size_t count) {
#if defined(__x86_64__)
  if (variant == DAC_TOKEN_KERNEL_AVX2) return scan_avx2(state, tables, bytes, from, count);
#endif
  return scan_portable(state, tables, bytes, from, count);
}
