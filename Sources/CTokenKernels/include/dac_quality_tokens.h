// The fast path of the quality filter's tokenizer (QualityTokens in CorpusFilters): the chunks
// of plain words and the white space between them, 64 bytes at a time. The Swift side
// steps through every other chunk scalar by scalar and calls again.
#ifndef DAC_QUALITY_TOKENS_H
#define DAC_QUALITY_TOKENS_H

#include <stddef.h>
#include <stdint.h>

#include "dac_token_hash.h"
#include "dac_token_kernels.h"

#ifdef __cplusplus
extern "C" {
#endif

/// What the tokenizer looks up, made by the Swift side.
typedef struct {
  /// The stop words' hashes (dac_token_hash.h), two per bucket; a hash's bucket is `hash >>
  /// stop_shift`, and entries no word fills repeat a word's hash.
  const uint64_t *stop_entries;
  uint64_t stop_shift;
  /// UTF-8 bytes of the longest stop word: a longer token is none (0 when there are none).
  size_t stop_max_bytes;
  /// Per ASCII byte: the hash of the one-byte token.
  const uint64_t *byte_hashes;
} dac_quality_tables;

/// The tokens and counts of one document so far, kept between calls of dac_quality_scan.
typedef struct {
  /// The token hashes: `count` of them (room for one per byte).
  uint64_t *hashes;
  /// prefix[k]: Unicode scalars in tokens 0..<k, for k up to `count` (room for one per byte + 1).
  size_t *prefix;
  /// line_continuations[k]: the continuation bytes before the k-th LF, for k < `newlines`.
  size_t *line_continuations;
  size_t count;
  /// Unicode scalars in the tokens.
  size_t scalars;
  /// UTF-8 continuation bytes read so far.
  size_t continuations;
  size_t newlines;
  /// `#` bytes.
  size_t hash_marks;
  /// Tokens that are not punctuation, and their scalars.
  size_t words;
  size_t word_length;
  /// Tokens containing a letter; tokens that are stop words.
  size_t alpha_tokens;
  size_t stop_tokens;
} dac_quality_scan_state;

/// Reads `bytes[from, count)` (valid UTF-8; `from` a scalar boundary) into `state` while each
/// chunk (a maximal run of bytes that are not white space) is a plain word: ASCII letters and
/// digits, two-byte Latin-1 scalars (U+00C0-U+00FF: 0xC3 and a continuation byte) and ASCII
/// punctuation (but no run of three `.`), where at most one punctuation byte comes before the
/// first byte that is not punctuation and at most one after the last, followed by ASCII white
/// space, and shorter than 64 bytes. Such a chunk is a word token from that first to that last
/// byte (holding a letter unless its only letters would be `×` and `÷`), and a punctuation byte
/// before or after it a token of its own. ASCII white space between chunks is stepped over,
/// and each LF marked.
///
/// Uses `variant` (dac_token_kernels.h), which must be available; every variant gives the same tokens and counts.
/// Returns where it stopped: `count`, or the start of a chunk (or of a non-ASCII scalar) that
/// is not a plain word; the caller steps through it and calls again.
///
/// Complexity: O(count - from): the class masks of 64 bytes at a time (from a chunk that
/// crosses the last block's end), then per chunk a few bit operations, one hash and one
/// stop-word lookup per token.
size_t dac_quality_scan(int variant, dac_quality_scan_state *state, const dac_quality_tables *tables,
                        const uint8_t *bytes, size_t from, size_t count);

#ifdef __cplusplus
}
#endif

#endif
