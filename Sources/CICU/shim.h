// System ICU, for the CICUShim C target only. No Swift module imports CICU: ICU's versioned
// entry points (utrans_openU_72) cannot be imported, and its C types clash with the copy of ICU
// inside Foundation on Linux (reference/aesthetics.md §3.2).
#include <unicode/utypes.h>
#include <unicode/uversion.h>
#include <unicode/utrans.h>
#include <unicode/unorm2.h>
#include <unicode/uscript.h>
