// The byte classes of the normalizer's feature scan (TextFeatures in CorpusText), 64 bytes at a
// time: white space layout, controls and UTF-8 continuation bytes here; the Swift side looks
// up each non-ASCII scalar left to it.
#ifndef DAC_TEXT_FEATURES_H
#define DAC_TEXT_FEATURES_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/// Kernel variants: plain C (SSE2 on x86-64, NEON on ARM), and AVX2 with BMI2 and popcnt.
#define DAC_TEXT_FEATURES_PORTABLE 0
#define DAC_TEXT_FEATURES_AVX2 1

/// 1 when this CPU runs `variant`, else 0. DAC_TEXT_FEATURES_PORTABLE always runs.
int dac_text_features_variant_available(int variant);

/// The fastest variant this CPU runs.
int dac_text_features_best_variant(void);

/// What the scan of one text found so far, kept between calls of dac_text_features_scan.
typedef struct {
  /// The lead bytes (0xC0-0xFF) of the scalars left to the caller, in order: `lead_count` of
  /// them, with room for `lead_capacity` (at least 64).
  size_t *leads;
  size_t lead_count;
  size_t lead_capacity;
  /// Continuation bytes (0x80-0xBF) read, minus those of the letters taken here; the caller
  /// subtracts those of each scalar it decodes, so that a text is valid UTF-8 when this ends
  /// at 0.
  ptrdiff_t unmatched_continuations;
  /// The eight-byte words (from the text's start, the last one cut at its end) with a control
  /// (a C0 control other than TAB and LF, or DEL): from the start of the first to the end of
  /// the last; `control_words_end` is 0 while there is none.
  size_t control_words_start;
  size_t control_words_end;
  /// Nonzero once two spaces in a row (or a space and a NUL), a LF next to a space or TAB, or
  /// a third LF in a row have been read.
  uint8_t untidy;
} dac_text_features_state;

/// Reads `bytes[from, count)` (`from` a position the previous call returned, or 0) into
/// `state`: for each byte, whether it and the next make two spaces, whether a LF is untidy
/// (looking at the two bytes before it and the one after it), controls, and continuation
/// bytes. Each other byte at or above 0xC0 is appended to `state->leads`, but for `æøåÆØÅ`
/// (0xC3 then 0x85, 0x86, 0x98, 0xA5, 0xA6 or 0xB8) followed by the text's end or a byte below
/// 0xC2 when `danish_letters` is nonzero: their continuation byte counts as matched.
///
/// Uses `variant`, which must be available; every variant gives the same state. Returns
/// `count`, or, when fewer than 64 more leads would fit, the end of the last 64-byte block
/// read: the caller takes the leads, sets `lead_count` to 0 and calls again from there.
///
/// Complexity: O(count - from): two class masks per 64 bytes, a closer look at the blocks
/// with other bytes than printable ASCII, and a few bit operations per such byte.
size_t dac_text_features_scan(int variant, dac_text_features_state *state, const uint8_t *bytes, size_t from,
                              size_t count, int danish_letters);

#ifdef __cplusplus
}
#endif

#endif
