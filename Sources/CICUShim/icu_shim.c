// The C half of the ICU shim: opening and closing transliterators, NFC, character
// properties, version and error names. The one call the C API lacks (transliterating a range
// with outer context, non-incrementally) is in icu_transliterate.cpp.
#include "CICUShim.h"
#include "icu_shim_internal.h"

#include <stdlib.h>
#include <string.h>
#include <unicode/uchar.h>
#include <unicode/unorm2.h>
#include <unicode/uscript.h>
#include <unicode/utf16.h>
#include <unicode/utrans.h>
#include <unicode/utypes.h>
#include <unicode/uversion.h>

_Static_assert(DAC_ICU_ILLEGAL_ARGUMENT == U_ILLEGAL_ARGUMENT_ERROR, "ICU status code changed");
_Static_assert(DAC_ICU_MISSING_RESOURCE == U_MISSING_RESOURCE_ERROR, "ICU status code changed");
_Static_assert(DAC_ICU_INVALID_FORMAT == U_INVALID_FORMAT_ERROR, "ICU status code changed");
_Static_assert(DAC_ICU_MEMORY_ALLOCATION == U_MEMORY_ALLOCATION_ERROR, "ICU status code changed");
_Static_assert(DAC_ICU_INDEX_OUTOFBOUNDS == U_INDEX_OUTOFBOUNDS_ERROR, "ICU status code changed");
_Static_assert(DAC_ICU_INVALID_CHAR_FOUND == U_INVALID_CHAR_FOUND, "ICU status code changed");
_Static_assert(DAC_ICU_BUFFER_OVERFLOW == U_BUFFER_OVERFLOW_ERROR, "ICU status code changed");
_Static_assert(DAC_ICU_UNSUPPORTED == U_UNSUPPORTED_ERROR, "ICU status code changed");
_Static_assert(DAC_ICU_PARSE_ERROR_START == U_PARSE_ERROR_START, "ICU status code changed");
_Static_assert(sizeof(UChar) == sizeof(uint16_t), "UChar is not 16 bits");

dac_translit *dac_translit_open(const uint16_t *rules, int32_t rulesLength, int32_t *status,
                                int32_t *parseLine, int32_t *parseOffset) {
  static const UChar id[] = {'d', 'a', 'c', 'o', 'r', 'p', 'u', 's', 0};
  UErrorCode code = U_ZERO_ERROR;
  UParseError parse;
  parse.line = -1;
  parse.offset = -1;
  if (parseLine) *parseLine = -1;
  if (parseOffset) *parseOffset = -1;
  if (rules == NULL || rulesLength < 0) {
    if (status) *status = U_ILLEGAL_ARGUMENT_ERROR;
    return NULL;
  }
  dac_translit *result = (dac_translit *)malloc(sizeof(dac_translit));
  if (result == NULL) {
    if (status) *status = U_MEMORY_ALLOCATION_ERROR;
    return NULL;
  }
  result->trans = utrans_openU(id, -1, UTRANS_FORWARD, (const UChar *)rules, rulesLength, &parse, &code);
  if (U_FAILURE(code) || result->trans == NULL) {
    if (result->trans) utrans_close(result->trans);
    free(result);
    if (status) *status = U_FAILURE(code) ? code : U_MEMORY_ALLOCATION_ERROR;
    if (parseLine) *parseLine = parse.line;
    if (parseOffset) *parseOffset = parse.offset;
    return NULL;
  }
  if (status) *status = U_ZERO_ERROR;
  return result;
}

void dac_translit_close(dac_translit *translit) {
  if (translit == NULL) return;
  utrans_close(translit->trans);
  free(translit);
}

int32_t dac_nfc_normalize(const uint16_t *source, int32_t length, uint16_t *dest, int32_t capacity,
                          int32_t *status) {
  UErrorCode code = U_ZERO_ERROR;
  const UNormalizer2 *nfc = unorm2_getNFCInstance(&code);
  int32_t needed = 0;
  if (U_SUCCESS(code)) {
    needed = unorm2_normalize(nfc, (const UChar *)source, length, (UChar *)dest, capacity, &code);
  }
  if (code == U_STRING_NOT_TERMINATED_WARNING) code = U_ZERO_ERROR;
  if (status) *status = code;
  return needed;
}

int dac_nfc_is_stable(uint32_t c) {
  if (c > 0x10FFFF) return 0;
  UErrorCode code = U_ZERO_ERROR;
  const UNormalizer2 *nfc = unorm2_getNFCInstance(&code);
  if (U_FAILURE(code)) return 0;
  if (unorm2_getCombiningClass(nfc, (UChar32)c) != 0) return 0;
  UChar buffer[2];
  int32_t length = 0;
  U16_APPEND_UNSAFE(buffer, length, (UChar32)c);
  UNormalizationCheckResult result = unorm2_quickCheck(nfc, buffer, length, &code);
  return U_SUCCESS(code) && result == UNORM_YES;
}

int dac_is_mark(uint32_t c) {
  if (c > 0x10FFFF) return 0;
  return (U_GET_GC_MASK((UChar32)c) & U_GC_M_MASK) != 0;
}

int dac_script_class(uint32_t c) {
  if (c > 0x10FFFF) return 2;
  UErrorCode code = U_ZERO_ERROR;
  UScriptCode script = uscript_getScript((UChar32)c, &code);
  if (U_FAILURE(code)) return 2;
  if (script == USCRIPT_COMMON || script == USCRIPT_INHERITED) return 0;
  return script == USCRIPT_LATIN ? 1 : 2;
}

void dac_icu_version(char *buffer, int32_t capacity) {
  if (buffer == NULL || capacity <= 0) return;
  UVersionInfo version;
  char text[U_MAX_VERSION_STRING_LENGTH + 1];
  u_getVersion(version);
  u_versionToString(version, text);
  strncpy(buffer, text, (size_t)capacity - 1);
  buffer[capacity - 1] = 0;
}

const char *dac_icu_error_name(int32_t status) { return u_errorName((UErrorCode)status); }
