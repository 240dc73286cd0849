// The word pass's table paths (dac_word_scan.h): one loop over the text, a byte at a time
// except in runs of ASCII letters and digits, which are folded sixteen bytes at a time with
// clang vector extensions (SSE2 on x86-64, NEON on ARM).
#include "dac_word_scan.h"

#include <string.h>

typedef uint8_t bytes16 __attribute__((vector_size(16)));
typedef int8_t signed16 __attribute__((vector_size(16)));
typedef _Bool bits16 __attribute__((ext_vector_type(16)));

// Folds the 16 bytes at `p` into `out` (A-Z -> a-z, 0-9 -> 0, others as they are) and returns
// how many of them, from the first, are ASCII letters and digits (16 when all are).
static inline __attribute__((always_inline)) unsigned fold16(const uint8_t *p, uint8_t *out) {
  bytes16 v;
  memcpy(&v, p, sizeof v);
  bytes16 lower = v | 0x20;
  // Shifted so that the range starts at -128: one signed comparison tests it.
  signed16 letter = (signed16)(lower + 0x1F) < (signed16)(bytes16){} + (int8_t)(0x80 + 26);
  signed16 digit = (signed16)(v + 0x50) < (signed16)(bytes16){} + (int8_t)(0x80 + 10);
  bytes16 folded = ((v | ((bytes16)letter & 0x20)) & ~(bytes16)digit) | ((bytes16)digit & 0x30);
  memcpy(out, &folded, sizeof folded);
  bits16 alphanumeric = __builtin_convertvector(letter | digit, bits16);
  uint16_t mask;
  memcpy(&mask, &alphanumeric, sizeof mask);
  return (unsigned)__builtin_ctz(~(unsigned)mask | 0x10000u);
}

// Ends the word being read, which goes from `*start` to `w`, when it is not empty.
static inline __attribute__((always_inline)) void end_word(uint64_t *ends, size_t *words, size_t *start, size_t w) {
  if (w > *start) {
    ends[(*words)++] = w;
    *start = w;
  }
}

size_t dac_word_scan(dac_word_scan_state *state, const uint8_t *bytes, size_t from, size_t count,
                     const uint8_t *ascii, const uint8_t *latin1) {
  uint8_t *o = state->text;
  uint64_t *ends = state->word_ends;
  size_t w = state->length, start = state->word_start, words = state->words;
  size_t continuations = state->continuations, lines = state->line_count;
  size_t i = from;
  while (i < count) {
    if (count - i >= 16) {
      // A run of letters and digits, tried first: it is rarely empty, as the space after a
      // word or after punctuation is taken with what comes before it.
      unsigned run = fold16(bytes + i, o + w);
      w += run;
      i += run;
      if (run == 16) continue;
      if (run != 0 && bytes[i] == ' ') {
        // The commonest end of a word, taken here: the run made the word nonempty.
        ends[words++] = w;
        start = w;
        i++;
        continue;
      }
    }
    uint8_t c = bytes[i];
    uint8_t action = ascii[c];
    if ((uint8_t)(action - 1) < DAC_WORD_BOUNDARY - 1) {
      o[w++] = action;
      i++;
      continue;
    }
    if (action == DAC_WORD_BOUNDARY) {
      if (c == '\n') {
        if (lines == state->line_capacity) break;
        state->lines[lines++] = (dac_line_mark){w, w - continuations};
      }
      end_word(ends, &words, &start, w);
      i++;
    } else if (action == DAC_WORD_REMOVED) {
      i++;
      // A space after punctuation (", ", ". "), taken here rather than as an empty run.
      if (i < count && bytes[i] == ' ') {
        end_word(ends, &words, &start, w);
        i++;
      }
    } else if (c == 0xC3 && i + 1 < count && latin1[bytes[i + 1]] != 0) {
      o[w] = 0xC3;
      o[w + 1] = latin1[bytes[i + 1]];
      w += 2;
      continuations++;
      i += 2;
    } else {
      break;
    }
  }
  state->length = w;
  state->word_start = start;
  state->words = words;
  state->continuations = continuations;
  state->line_count = lines;
  return i;
}
