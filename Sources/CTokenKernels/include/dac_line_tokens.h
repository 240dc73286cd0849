// The fast path of the ad filter's line tokenizer (LineTokenizer in CorpusFilters): the tokens
// of a line (maximal runs of scalars that are not white space) with their facts, and the
// line's letter and UTF-8 counts, 64 bytes at a time.
#ifndef DAC_LINE_TOKENS_H
#define DAC_LINE_TOKENS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "dac_token_kernels.h"

#ifdef __cplusplus
extern "C" {
#endif

/// A token's facts, one bit each: what its scalars hold. Every scalar that is not white space
/// has one of LETTER, DIGIT and NOT_DIGIT, so a token's facts are never 0.
#define DAC_TOKEN_LETTER 1
#define DAC_TOKEN_DIGIT 2
/// A scalar that is not an ASCII digit.
#define DAC_TOKEN_NOT_DIGIT 4
#define DAC_TOKEN_DOT 8
#define DAC_TOKEN_AT 16
/// A non-ASCII scalar that is not a letter, digit or ©, or $: may be a currency sign.
#define DAC_TOKEN_SIGN 32
/// The facts that mark a token (a price's or a contact's part): DIGIT, SIGN, DOT, AT.
#define DAC_TOKEN_MARKS 0x3A

/// A token: its bytes [start, end) in the line, and its facts (DAC_TOKEN_*).
typedef struct {
  size_t start;
  size_t end;
  uint8_t fact_bits;
} dac_line_token;

/// A line's tokenizing, kept between calls of dac_line_tokens (and the caller's scalar path).
typedef struct {
  /// The finished tokens: `token_count` of them (room for one per two bytes of the line, and one).
  dac_line_token *tokens;
  size_t token_count;
  /// The indices of the finished tokens with a fact in DAC_TOKEN_MARKS, in order: `mark_count`
  /// of them (room for as many as `tokens`).
  size_t *marks;
  size_t mark_count;
  /// Tokens with a letter or a digit.
  size_t words;
  /// Letter scalars, and those that are upper- or title-case.
  size_t letters;
  size_t upper;
  /// UTF-8 continuation bytes (10xxxxxx) read.
  size_t continuations;
  /// The open token's start and its facts so far; `open_facts` is 0 when no token is open.
  size_t open_start;
  uint8_t open_facts;
  /// `{` or `}` read; `©` read (by the caller: the kernel leaves it to the scalar path).
  bool braces;
  bool copyright;
} dac_line_tokens_state;

/// Appends the token [start, end) with `facts`, marked when they have one of DAC_TOKEN_MARKS.
static inline __attribute__((always_inline)) void dac_line_tokens_append(dac_line_tokens_state *state,
                                                                          size_t start, size_t end,
                                                                          uint8_t facts) {
  dac_line_token *token = state->tokens + state->token_count;
  token->start = start;
  token->end = end;
  token->fact_bits = facts;
  // Written for every token, counted for the marked ones: no branch.
  state->marks[state->mark_count] = state->token_count;
  state->mark_count += (facts & DAC_TOKEN_MARKS) != 0;
  // LETTER (bit 0) or DIGIT (bit 1).
  state->words += (facts | facts >> 1) & DAC_TOKEN_LETTER;
  state->token_count++;
}

/// Finishes the open token at `end` (the scalar path calls it too).
static inline __attribute__((always_inline)) void dac_line_tokens_finish(dac_line_tokens_state *state,
                                                                          size_t end) {
  dac_line_tokens_append(state, state->open_start, end, state->open_facts);
  state->open_facts = 0;
}

/// Reads `bytes[from, count)`, a line of valid UTF-8 from a scalar boundary, into `state` while
/// its scalars are ASCII or two-byte Latin-1 letters (C3 80–C3 BF but × and ÷): white space
/// (space, tab, LF, VT, FF, CR) ends the open token, any other scalar opens one or adds its
/// facts to it (a letter: LETTER | NOT_DIGIT, an ASCII digit: DIGIT, any other: NOT_DIGIT and
/// DOT for `.`, AT for `@`, SIGN for `$`), letters and upper-case letters are counted, and
/// `{` and `}` set `braces`.
///
/// Uses `variant` (dac_token_kernels.h), which must be available; every variant gives the same
/// state. Returns where it stopped: a scalar that it leaves to the caller (any other non-ASCII
/// one), or `count`, when it has finished the open token at `count`.
///
/// Complexity: O(count - from); with AVX2, about 125 instructions per 64 bytes (the class masks,
/// the counts and the token edges), 15 per token of letters only, and 40 per other token with 6
/// per byte of it that is not a letter (the rest of a line's last 64 bytes are copied and padded).
size_t dac_line_tokens(int variant, dac_line_tokens_state *state, const uint8_t *bytes, size_t from, size_t count);

#ifdef __cplusplus
}
#endif

#endif
