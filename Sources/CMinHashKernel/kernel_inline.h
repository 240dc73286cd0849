// What the kernels of this target share: the attribute that inlines one body of vector
// arithmetic into each instruction-set variant.
#ifndef KERNEL_INLINE_H
#define KERNEL_INLINE_H

#define KERNEL_INLINE static inline __attribute__((always_inline))

#endif
