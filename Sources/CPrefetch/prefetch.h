#ifndef DACORPUS_PREFETCH_H
#define DACORPUS_PREFETCH_H

/// Asks the processor to bring the cache line at `address` close, for writing, without
/// waiting for it (Swift has no prefetch of its own). A hint: it never faults.
static inline __attribute__((always_inline)) void dacorpus_prefetch_for_write(const void *address) {
  __builtin_prefetch(address, 1, 3);
}

#endif
