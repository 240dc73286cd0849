// The JSON parser's scan of long string content (dac_json_string.h): 32 bytes at a time with
// clang vector extensions, ASCII and two-byte UTF-8 sequences checked in the block's lane
// masks. One body, inlined into a function per instruction set as the feature scan's kernel
// is: AVX2 (chosen at run time), or baseline SSE2 (NEON on ARM), so both variants agree by
// construction.
#include "dac_json_string.h"
#include "kernel_support.h"

#include <string.h>

// Inlined into each variant: no call passes a vector, so the warning that vector arguments
// change the ABI with AVX does not apply.
#pragma clang diagnostic push
#pragma clang diagnostic ignored "-Wpsabi"
KERNEL_INLINE dac_json_string_run content(const uint8_t *bytes, size_t from, size_t count) {
  size_t i = from;
  uint32_t seen_high = 0;
  while (i + 33 <= count) {
    bytes32 v = load32(bytes + i);
    uint32_t stops = lane_bits((v == '"') | (v == '\\') | (v < 0x20));
    uint32_t high = lane_bits((signed32)v < 0);
    if (high != 0) {
      // Continuations are 0x80-0xBF, the signed bytes below -64.
      uint32_t leads = lane_bits((v >= 0xC2) & (v <= 0xDF));
      uint32_t continuations = lane_bits((signed32)v < -64);
      uint32_t next_continuations = lane_bits((signed32)load32(bytes + i + 1) < -64);
      // Other high bytes, leads without their continuation, continuations without their lead.
      stops |= (high & ~(leads | continuations)) | (leads & ~next_continuations) | (continuations & ~(leads << 1));
      if (stops == 0) {
        seen_high = 1;
        // A lead in lane 31 has its continuation (checked) in the next block: step over both.
        i += 32 + (leads >> 31);
        continue;
      }
      // No sequence straddles the first stop: a lead's continuation is never a stop.
      seen_high |= high & ((1u << __builtin_ctz(stops)) - 1);
    }
    if (stops != 0) {
      i += (size_t)__builtin_ctz(stops);
      break;
    }
    i += 32;
  }
  dac_json_string_run run = {i, seen_high != 0};
  return run;
}
#pragma clang diagnostic pop

static dac_json_string_run content_portable(const uint8_t *bytes, size_t from, size_t count) {
  return content(bytes, from, count);
}

#if defined(__x86_64__)
__attribute__((target("avx2"))) static dac_json_string_run content_avx2(const uint8_t *bytes, size_t from,
                                                                       size_t count) {
  return content(bytes, from, count);
}
#endif

int dac_json_string_variant_available(int variant) {
#if defined(__x86_64__)
  if (variant == DAC_JSON_STRING_AVX2) return dac_cpu_has_avx2();
#endif
  return variant == DAC_JSON_STRING_PORTABLE;
}

int dac_json_string_best_variant(void) {
  return dac_json_string_variant_available(DAC_JSON_STRING_AVX2) ? DAC_JSON_STRING_AVX2 : DAC_JSON_STRING_PORTABLE;
}

dac_json_string_run dac_json_string_content(int variant, const uint8_t *bytes, size_t from, size_t count) {
#if defined(__x86_64__)
  if (variant == DAC_JSON_STRING_AVX2) return content_avx2(bytes, from, count);
#endif
  return content_portable(bytes, from, count);
}
