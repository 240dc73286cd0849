// What the SIMD kernels of the C targets (CTextKernels, CTokenKernels, CJSONKernels,
// CMinHashKernel) share: the attribute that inlines one body into each instruction-set
// variant, the 32-byte vectors of clang's vector extensions and the bit masks read from them,
// and the processor checks that choose a variant at run time. Header only; included by the
// kernels' sources, never by their public headers.
#ifndef DAC_KERNEL_SUPPORT_H
#define DAC_KERNEL_SUPPORT_H

#include <stdint.h>
#include <string.h>

#define KERNEL_INLINE static inline __attribute__((always_inline))

typedef uint8_t bytes32 __attribute__((vector_size(32)));
typedef int8_t signed32 __attribute__((vector_size(32)));
typedef _Bool bits32 __attribute__((ext_vector_type(32)));

// Inlined into each variant: no call passes a vector, so the warning that vector arguments
// change the ABI with AVX does not apply.
#pragma clang diagnostic push
#pragma clang diagnostic ignored "-Wpsabi"
/// The 32 bytes from `p`, unaligned.
KERNEL_INLINE bytes32 load32(const uint8_t *p) {
  bytes32 v;
  memcpy(&v, p, sizeof v);
  return v;
}

/// One bit per byte of a lane comparison (bit k: byte k), in the low 32 bits.
KERNEL_INLINE uint64_t lane_bits(signed32 lanes) {
  bits32 bits = __builtin_convertvector(lanes, bits32);
  uint32_t mask;
  memcpy(&mask, &bits, sizeof mask);
  return mask;
}
#pragma clang diagnostic pop

/// Bits `from` ..< 64.
KERNEL_INLINE uint64_t from_bit(unsigned from) { return ~0ULL << from; }

/// Bits 0 ..< `to` (`to` up to 64).
KERNEL_INLINE uint64_t below_bit(unsigned to) { return to < 64 ? ~(~0ULL << to) : ~0ULL; }

// The processor checks: 1 when this processor runs the instructions, else 0.
#if defined(__x86_64__) || defined(__i386__)
/// AVX2.
KERNEL_INLINE int dac_cpu_has_avx2(void) { return __builtin_cpu_supports("avx2") != 0; }

/// AVX2 with BMI, BMI2 and popcnt (the bit-mask kernels' variant).
KERNEL_INLINE int dac_cpu_has_avx2_bmi2(void) {
  return __builtin_cpu_supports("avx2") && __builtin_cpu_supports("bmi") && __builtin_cpu_supports("bmi2") &&
         __builtin_cpu_supports("popcnt");
}

/// SSE4.1.
KERNEL_INLINE int dac_cpu_has_sse41(void) { return __builtin_cpu_supports("sse4.1") != 0; }
#else
KERNEL_INLINE int dac_cpu_has_avx2(void) { return 0; }
KERNEL_INLINE int dac_cpu_has_avx2_bmi2(void) { return 0; }
KERNEL_INLINE int dac_cpu_has_sse41(void) { return 0; }
#endif

#endif
