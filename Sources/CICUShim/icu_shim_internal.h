// Shared between icu_shim.c and icu_transliterate.cpp; not part of the public header.
#ifndef ICU_SHIM_INTERNAL_H
#define ICU_SHIM_INTERNAL_H

#include <unicode/utrans.h>

struct dac_translit {
  UTransliterator *trans;
};

#endif
