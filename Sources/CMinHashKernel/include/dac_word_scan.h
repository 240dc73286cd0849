// The fast path of the word pass of MinHash (NormalizedWords in CorpusFilters): normalizing
// UTF-8 text word by word with tables that the Swift side makes, sixteen bytes of a run of
// ASCII letters and digits at a time.
#ifndef DAC_WORD_SCAN_H
#define DAC_WORD_SCAN_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/// Entries of the ASCII table that are not a normalized byte: white space (ends a word) and a
/// removed scalar (the word goes on). 0 marks a non-ASCII byte.
#define DAC_WORD_BOUNDARY 0x80
#define DAC_WORD_REMOVED 0x81

/// Where a line of the normalized text ends: its end in bytes, and the scalars before that end.
typedef struct {
  size_t end;
  size_t scalars;
} dac_line_mark;

/// The state of a word pass over one text, kept between calls of dac_word_scan.
typedef struct {
  /// The normalized words one after another: `length` bytes; room for 16 bytes past the end
  /// of what a call writes (whole vectors are stored).
  uint8_t *text;
  size_t length;
  /// The continuation bytes (10xxxxxx) among the `length`: the scalars are length - continuations.
  size_t continuations;
  /// Where the word being read began in `text` (== length when there is none).
  size_t word_start;
  /// Where each finished word ends in `text`: `words` of them (room for one per two input bytes).
  uint64_t *word_ends;
  size_t words;
  /// A mark per LF read: `line_count` of them, at most `line_capacity`.
  dac_line_mark *lines;
  size_t line_count;
  size_t line_capacity;
} dac_word_scan_state;

/// Reads `bytes[from, count)` into `state` while each scalar takes a table path: an ASCII byte
/// c becomes `ascii[c]` when that is below 0x80 (white space is DAC_WORD_BOUNDARY, a removed
/// scalar DAC_WORD_REMOVED), a two-byte scalar 0xC3 c becomes 0xC3 `latin1[c]` when that is
/// not 0. A boundary ends a nonempty word; an LF also marks a line.
///
/// Returns where it stopped: `count`, a scalar that takes no table path, or an LF when the line
/// marks are full (the caller handles it, or makes room, and calls again).
///
/// Complexity: O(count - from); letters and digits (A-Z, a-z -> lower case, 0-9 -> 0, which
/// `ascii` must agree with) sixteen at a time, other bytes one table read each.
size_t dac_word_scan(dac_word_scan_state *state, const uint8_t *bytes, size_t from, size_t count,
                     const uint8_t *ascii, const uint8_t *latin1);

#ifdef __cplusplus
}
#endif

#endif
