// The choice of a tokenizer kernel variant (dac_token_kernels.h).
#include "dac_token_kernels.h"
#include "kernel_support.h"

int dac_token_kernel_variant_available(int variant) {
#if defined(__x86_64__)
  if (variant == DAC_TOKEN_KERNEL_AVX2) return dac_cpu_has_avx2_bmi2();
#endif
  return variant == DAC_TOKEN_KERNEL_PORTABLE;
}

int dac_token_kernel_best_variant(void) {
  return dac_token_kernel_variant_available(DAC_TOKEN_KERNEL_AVX2) ? DAC_TOKEN_KERNEL_AVX2 : DAC_TOKEN_KERNEL_PORTABLE;
}
