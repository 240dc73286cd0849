// The feature scan's byte classes (dac_text_features.h). Thirty-two bytes at a time are
// classified with clang vector extensions, two such vectors make the bit masks of a 64-byte
// block: a block of printable ASCII without two spaces in a row costs two masks, and the other
// blocks are read off their masks byte class by byte class. One body, inlined into a function
// per instruction set as the quality tokenizer's kernel is: AVX2 with BMI2 and popcnt (chosen
// at run time), or baseline SSE2 (NEON on ARM), so all variants agree by construction.
#include "dac_text_features.h"
#include "kernel_support.h"

#include <string.h>

enum {
  BLOCK = 64,
  // A byte's class may look at the two bytes after it.
  READABLE = BLOCK + 2,
  // What the last block is padded with: printable ASCII, neither a space nor a LF, so that no
  // class notices it.
  PADDING = 'x',
};

// Inlined into each variant: see lane_bits.
#pragma clang diagnostic push
#pragma clang diagnostic ignored "-Wpsabi"

/// The masks of a block that every block needs.
typedef struct {
  /// Bytes that are not printable ASCII (0x20-0x7E).
  uint64_t unusual;
  /// Bytes that, ORed with the next, make 0x20: the first of two spaces (or of a space and a NUL).
  uint64_t pairs;
} block_classes;

KERNEL_INLINE block_classes classify(const uint8_t *p) {
  block_classes c = {0, 0};
  for (int k = 0; k < BLOCK / 32; k++) {
    bytes32 v = load32(p + 32 * k);
    bytes32 next = load32(p + 32 * k + 1);
    // Signed: 0x80-0xFF are negative, so below 0x20 too.
    c.unusual |= lane_bits(((signed32)v < 0x20) | (v == 0x7F)) << (32 * k);
    c.pairs |= lane_bits((v | next) == 0x20) << (32 * k);
  }
  return c;
}

/// Bytes at or above 0x80 (`high`) and at or above 0xC0 (`leads`): the block's non-ASCII bytes.
KERNEL_INLINE uint64_t high_bits(const uint8_t *p, uint64_t *leads) {
  uint64_t high = 0;
  *leads = 0;
  for (int k = 0; k < BLOCK / 32; k++) {
    bytes32 v = load32(p + 32 * k);
    high |= lane_bits((signed32)v < 0) << (32 * k);
    *leads |= lane_bits(v >= 0xC0) << (32 * k);
  }
  return high;
}
#pragma clang diagnostic pop

KERNEL_INLINE int is_blank(uint8_t b) { return b == ' ' || b == '\t'; }

/// Whether `q` (readable for three bytes) starts one of `æøåÆØÅ` followed by a byte below 0xC2
/// (which no check for mojibake looks at).
KERNEL_INLINE int plain_danish_letter(const uint8_t *q) {
  if (q[0] != 0xC3) return 0;
  // 0xA5, 0xA6, 0xB8 or, bit 5 cleared, 0x85, 0x86, 0x98.
  uint8_t second = q[1] & 0xDF;
  return (second == 0x85 || second == 0x86 || second == 0x98) && q[2] < 0xC2;
}

/// Whether the LF at `j` has a space or TAB before or after it, or ends a third LF in a row.
KERNEL_INLINE int untidy_lf(const uint8_t *bytes, size_t j, size_t count) {
  return (j > 0 && is_blank(bytes[j - 1])) || (j + 1 < count && is_blank(bytes[j + 1])) ||
         (j >= 2 && bytes[j - 1] == '\n' && bytes[j - 2] == '\n');
}

KERNEL_INLINE size_t scan(dac_text_features_state *state, const uint8_t *bytes, size_t from, size_t count,
                          int danish_letters) {
  // The counts in locals (registers), written back at the end: stores to `leads` could
  // otherwise alias them.
  size_t *leads_out = state->leads;
  size_t lead_count = state->lead_count;
  ptrdiff_t unmatched = state->unmatched_continuations;
  size_t control_start = state->control_words_start, control_end = state->control_words_end;
  uint8_t untidy = state->untidy;
  size_t i = from;
  // The last bytes of the text, padded.
  uint8_t tail[READABLE];
  if (state->lead_capacity - lead_count < BLOCK) return i;
  while (i < count) {
    const uint8_t *block = bytes + i;
    size_t available = count - i;
    if (available < READABLE) {
      memset(tail, PADDING, sizeof tail);
      memcpy(tail, block, available);
      block = tail;
    }
    block_classes c = classify(block);
    i += BLOCK;
    if ((c.unusual | c.pairs) == 0) continue;
    size_t start = i - BLOCK;
    untidy |= c.pairs != 0;
    if (c.unusual == 0) continue;
    uint64_t leads;
    uint64_t high = high_bits(block, &leads);
    // TAB, LF, other controls and DEL.
    for (uint64_t ascii = c.unusual & ~high; ascii != 0; ascii &= ascii - 1) {
      size_t j = start + (size_t)__builtin_ctzll(ascii);
      uint8_t b = bytes[j];
      if (b == '\n') {
        untidy |= untidy_lf(bytes, j, count);
      } else if (b != '\t') {
        size_t word = j & ~(size_t)7;
        if (control_end == 0) control_start = word;
        control_end = word + 8 < count ? word + 8 : count;
      }
    }
    // Baseline x86-64 has no popcnt instruction: many blocks have no continuation byte.
    uint64_t continuations = high & ~leads;
    if (continuations != 0) unmatched += __builtin_popcountll(continuations);
    for (; leads != 0; leads &= leads - 1) {
      unsigned bit = (unsigned)__builtin_ctzll(leads);
      // Past the text's end, the padding is no letter's second byte, and below 0xC2.
      if (danish_letters && plain_danish_letter(block + bit)) {
        unmatched -= 1;
      } else {
        leads_out[lead_count++] = start + bit;
      }
    }
    if (state->lead_capacity - lead_count < BLOCK) break;
  }
  state->lead_count = lead_count;
  state->unmatched_continuations = unmatched;
  state->control_words_start = control_start;
  state->control_words_end = control_end;
  state->untidy = untidy;
  return i < count ? i : count;
}

static size_t scan_portable(dac_text_features_state *state, const uint8_t *bytes, size_t from, size_t count,
                            int danish_letters) {
  return scan(state, bytes, from, count, danish_letters);
}

#if defined(__x86_64__)
__attribute__((target("avx2,bmi,bmi2,popcnt"))) static size_t scan_avx2(dac_text_features_state *state,
                                                                        const uint8_t *bytes, size_t from,
                                                                        size_t count, int danish_letters) {
  return scan(state, bytes, from, count, danish_letters);
}
#endif

int dac_text_features_variant_available(int variant) {
#if defined(__x86_64__)
  if (variant == DAC_TEXT_FEATURES_AVX2) return dac_cpu_has_avx2_bmi2();
#endif
  return variant == DAC_TEXT_FEATURES_PORTABLE;
}

int dac_text_features_best_variant(void) {
  return dac_text_features_variant_available(DAC_TEXT_FEATURES_AVX2) ? DAC_TEXT_FEATURES_AVX2
                                                                     : DAC_TEXT_FEATURES_PORTABLE;
}

size_t dac_text_features_scan(int variant, dac_text_features_state *state, const uint8_t *bytes, size_t from,
                              size_t count, int danish_letters) {
#if defined(__x86_64__)
  if (variant == DAC_TEXT_FEATURES_AVX2) return scan_avx2(state, bytes, from, count, danish_letters);
#endif
  return scan_portable(state, bytes, from, count, danish_letters);
}
