// The JSON parser's scan of long string content (JSONParser in CorpusIO), 32 bytes at a time.
#ifndef DAC_JSON_STRING_H
#define DAC_JSON_STRING_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/// Kernel variants: plain C (SSE2 on x86-64, NEON on ARM), and AVX2.
#define DAC_JSON_STRING_PORTABLE 0
#define DAC_JSON_STRING_AVX2 1

/// 1 when this CPU runs `variant`, else 0. DAC_JSON_STRING_PORTABLE always runs.
int dac_json_string_variant_available(int variant);

/// The fastest variant this CPU runs.
int dac_json_string_best_variant(void);

/// A run of plain string content: where it ends, and whether it holds a byte at or above 0x80.
typedef struct {
  size_t end;
  int non_ascii;
} dac_json_string_run;

/// The run of plain string content that starts at `from`: it ends at the first index at or
/// after `from` that is not plain, looking at 32 bytes at a time while `from + 33 <= count`;
/// where fewer bytes remain, at the index where the last whole block ended, for the caller to
/// finish. Plain content is ASCII other than `"`, `\` and controls (0x00-0x1F), and
/// well-formed two-byte UTF-8 sequences (C2-DF then 80-BF: Latin letters such as `æøå`); the
/// run ends at a quote, a backslash, a control byte, the lead of a longer sequence or an
/// ill-formed byte, for the caller to handle. `from` must start a sequence (not be a
/// continuation byte); the run's end does too.
///
/// Uses `variant`, which must be available; every variant returns the same.
///
/// Complexity: O(run length), a few vector operations per 32 bytes.
dac_json_string_run dac_json_string_content(int variant, const uint8_t *bytes, size_t from, size_t count);

#ifdef __cplusplus
}
#endif

#endif
