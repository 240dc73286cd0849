// The one shim function written in C++: ICU's C API can transliterate with separate context
// bounds only incrementally (utrans_transIncrementalUChars), which holds back text that a
// longer rule might still match and gives results that differ from transliterating the whole
// string. Transliterator::finishTransliteration is the non-incremental call with a
// UTransPosition; a UTransliterator is documented as "equivalent to the C++ class
// Transliterator", and ICU's own utrans.cpp converts between them the same way.
#include "CICUShim.h"
#include "icu_shim_internal.h"

#include <unicode/translit.h>
#include <unicode/unistr.h>
#include <unicode/utypes.h>

extern "C" int32_t dac_translit_transliterate(const dac_translit *translit, uint16_t *text,
                                              int32_t *textLength, int32_t capacity,
                                              int32_t contextStart, int32_t contextLimit,
                                              int32_t start, int32_t *limit) {
  if (translit == nullptr || translit->trans == nullptr || text == nullptr || textLength == nullptr ||
      limit == nullptr) {
    return U_ILLEGAL_ARGUMENT_ERROR;
  }
  const int32_t length = *textLength;
  if (!(0 <= contextStart && contextStart <= start && start <= *limit && *limit <= contextLimit &&
        contextLimit <= length && length <= capacity)) {
    return U_ILLEGAL_ARGUMENT_ERROR;
  }
  const icu::Transliterator *transliterator = reinterpret_cast<const icu::Transliterator *>(translit->trans);
  // A writable alias of the caller's buffer; ICU moves to its own storage only if it must grow
  // past `capacity`, and extract() below then reports the overflow.
  icu::UnicodeString string(reinterpret_cast<char16_t *>(text), length, capacity);
  UTransPosition position;
  position.contextStart = contextStart;
  position.contextLimit = contextLimit;
  position.start = start;
  position.limit = *limit;
  transliterator->finishTransliteration(string, position);
  if (string.isBogus()) return U_MEMORY_ALLOCATION_ERROR;
  UErrorCode status = U_ZERO_ERROR;
  const int32_t newLength = string.extract(reinterpret_cast<char16_t *>(text), capacity, status);
  if (status == U_STRING_NOT_TERMINATED_WARNING) status = U_ZERO_ERROR;
  if (U_FAILURE(status)) return status;
  *textLength = newLength;
  *limit = position.limit;
  return U_ZERO_ERROR;
}
