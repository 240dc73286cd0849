// The ICU functions dacorpus needs, behind plain C types and opaque handles, so that Swift
// never sees an ICU header (reference/aesthetics.md §3.2). Strings are UTF-16 as uint16_t.
// Every function that can fail returns an ICU status code: 0 is success, negative values are
// warnings, positive values are errors (dac_icu_error_name names them).
#ifndef CICUSHIM_H
#define CICUSHIM_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/// ICU status codes the Swift side names (values equal ICU's UErrorCode; checked in icu_shim.c).
#define DAC_ICU_OK 0
#define DAC_ICU_ILLEGAL_ARGUMENT 1
#define DAC_ICU_MISSING_RESOURCE 2
#define DAC_ICU_INVALID_FORMAT 3
#define DAC_ICU_MEMORY_ALLOCATION 7
#define DAC_ICU_INDEX_OUTOFBOUNDS 8
#define DAC_ICU_INVALID_CHAR_FOUND 10
#define DAC_ICU_BUFFER_OVERFLOW 15
#define DAC_ICU_UNSUPPORTED 16
#define DAC_ICU_PARSE_ERROR_START 0x10000
#define DAC_ICU_PARSE_ERROR_LIMIT 0x10020

/// A compiled transliterator (an ICU UTransliterator). Not thread-safe: one per worker.
typedef struct dac_translit dac_translit;

/// Compiles transliteration `rules` (UTF-16, `rulesLength` units) in the forward direction.
/// On failure returns NULL, sets `*status`, and for rule syntax errors sets `*parseLine` and
/// `*parseOffset` (else -1).
dac_translit *dac_translit_open(const uint16_t *rules, int32_t rulesLength, int32_t *status,
                                int32_t *parseLine, int32_t *parseOffset);

/// Frees a transliterator; NULL is ignored.
void dac_translit_close(dac_translit *translit);

/// Transliterates `text[start, *limit)` in place, non-incrementally, reading
/// `text[contextStart, contextLimit)` as context, exactly as ICU transliterates a whole string
/// whose bounds are the context bounds but leaving text outside [start, limit) untouched.
/// `*textLength` is the text length in units on entry and exit; `*limit` moves with the
/// change in length. Requires 0 <= contextStart <= start <= *limit <= contextLimit <=
/// *textLength <= capacity. Returns DAC_ICU_BUFFER_OVERFLOW (text then undefined) when the
/// result does not fit `capacity`.
int32_t dac_translit_transliterate(const dac_translit *translit, uint16_t *text, int32_t *textLength,
                                   int32_t capacity, int32_t contextStart, int32_t contextLimit,
                                   int32_t start, int32_t *limit);

/// NFC of `source` into `dest`; returns the needed length (may exceed capacity, then status is
/// DAC_ICU_BUFFER_OVERFLOW).
int32_t dac_nfc_normalize(const uint16_t *source, int32_t length, uint16_t *dest, int32_t capacity,
                          int32_t *status);

/// 1 when code point `c` can never change under NFC nor combine with a neighbour (NFC_QC=Yes
/// and canonical combining class 0), else 0.
int dac_nfc_is_stable(uint32_t c);

/// 1 when `c` is a combining mark (general category Mn, Mc or Me), else 0.
int dac_is_mark(uint32_t c);

/// The script class of `c` as ICU's Any-Latin sees it (uscript_getScript):
/// 0 = Common or Inherited, 1 = Latin, 2 = any other script.
int dac_script_class(uint32_t c);

/// Writes ICU's version ("72.1") as a NUL-terminated string into `buffer`.
void dac_icu_version(char *buffer, int32_t capacity);

/// ICU's name for a status code ("U_BUFFER_OVERFLOW_ERROR").
const char *dac_icu_error_name(int32_t status);

#ifdef __cplusplus
}
#endif

#endif
