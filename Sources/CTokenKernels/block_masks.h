// What the tokenizer kernels of this target share: 64-byte blocks whose byte classes are bit
// masks (bit k: byte k), made from two 32-byte vectors of clang vector extensions, and the bit
// ranges that they are read with. Inlined into each kernel's variants (dac_token_kernels.h).
#ifndef DAC_BLOCK_MASKS_H
#define DAC_BLOCK_MASKS_H

#include <stdint.h>
#include <string.h>

typedef uint8_t bytes32 __attribute__((vector_size(32)));
typedef int8_t signed32 __attribute__((vector_size(32)));
typedef _Bool bits32 __attribute__((ext_vector_type(32)));

#define KERNEL_INLINE static inline __attribute__((always_inline))

enum { BLOCK = 64 };

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

/// One bit per byte of a lane comparison (bit k: byte k).
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

#endif
