// The instruction-set variants of the tokenizer kernels (dac_quality_tokens.h,
// dac_line_tokens.h): each kernel is one body compiled once per variant, so all variants give
// the same results, and the caller passes the one to run.
#ifndef DAC_TOKEN_KERNELS_H
#define DAC_TOKEN_KERNELS_H

#ifdef __cplusplus
extern "C" {
#endif

/// Kernel variants: plain C (SSE2 on x86-64, NEON on ARM), and AVX2 with BMI2 and popcnt.
#define DAC_TOKEN_KERNEL_PORTABLE 0
#define DAC_TOKEN_KERNEL_AVX2 1

/// 1 when this CPU runs `variant`, else 0. DAC_TOKEN_KERNEL_PORTABLE always runs.
int dac_token_kernel_variant_available(int variant);

/// The fastest variant this CPU runs.
int dac_token_kernel_best_variant(void);

#ifdef __cplusplus
}
#endif

#endif
