/* The body index's cut loop (extractors/bodies/index.py, _python_cuts; native_tokens.py loads it):
   the cuts of a text's tokens from each token's start and the packed facts of its word (the
   tokens come as word ids, tokens.c), which index.py computes once per word (_facts_of): the cut kinds (P mark, S stop word, W white space, N inert number,
   B bullet), the office-title kind (0 no word, 1 a word of no title, 2 title words only), whether
   it opens with a capital, and its length.

   A cut is known by its left token (its end is that token's end) and by its right token (the
   white space between is a token, or none): at most one a token, and in the order of the tokens.
   The kinds are tried in _python_cuts's order: P, then S (which replaces a P cut of the same
   token), then W, N and B (which do not replace one). */
#include <stdint.h>
#include <stdlib.h>

enum { P = 1, S = 2, W = 4, N = 8, B = 16 };
#define TITLE(f) (((f) >> 5) & 3)
#define UPPER(f) (((f) >> 7) & 1)
#define LEN(f) ((f) >> 8)

typedef struct {
    long n;
    const int32_t *starts;
    const int64_t *facts;
} tokens;

static int64_t end(const tokens *tk, long t) { return tk->starts[t] + LEN(tk->facts[t]); }
static int space(const tokens *tk, long t) { return t >= 0 && t < tk->n && (tk->facts[t] & W); }

/* The token after token t and the white space after it, or -1 (no white space, or no token). */
static long right(const tokens *tk, long t) {
    long u = t + 1;
    if (space(tk, u)) u++;
    return u < tk->n && tk->starts[u] > end(tk, t) && !space(tk, u) ? u : -1;
}

/* Where the tokens read start, or -1: index.py's lookback. */
static int64_t lookback(const tokens *tk, long k) {
    for (long j = k; j > k - 3 && j >= 0; j--) {
        int kind = TITLE(tk->facts[j]);
        if (kind) return kind == 1 ? tk->starts[j] : -1;
    }
    return tk->starts[k - 2 > 0 ? k - 2 : 0];
}

/* The cuts of n tokens: (end, start of the right side, context) in ends/rights/contexts, with
   room for n each; `at` and `right_ctx` are scratch of n int64 each.  Returns how many. */
static long cuts(long n, const int32_t *starts, const int64_t *facts, int64_t *at, int64_t *right_ctx,
             int32_t *ends, int32_t *rights, int32_t *contexts) {
    tokens tk = {n, starts, facts};
    /* at[k]: the right token of the cut after token k (-1: none); right_ctx[u]: its context */
    for (long k = 0; k < n; k++) at[k] = right_ctx[k] = -1;
    for (long t = 0; t < n; t++) {                                          /* P */
        if (!(facts[t] & P)) continue;
        long u = right(&tk, t);
        int64_t c = u >= 0 ? lookback(&tk, t) : -1;
        if (c >= 0) at[t] = u, right_ctx[u] = c;
    }
    for (long t = 0; t < n; t++) {                                          /* S */
        if (!(facts[t] & S)) continue;
        long u = space(&tk, t + 1) ? t + 2 : t + 1;
        if (u < n && starts[u] > end(&tk, t) && !space(&tk, u) && !UPPER(facts[u]))
            at[t] = u, right_ctx[u] = starts[t];        /* the same right token as a P cut's */
    }
    for (long t = 1; t < n - 1; t++) {                                      /* W */
        if (!(facts[t] & W) || space(&tk, t - 1) || space(&tk, t + 1) || at[t - 1] >= 0) continue;
        int64_t c = lookback(&tk, t - 1);
        if (c >= 0) at[t - 1] = t + 1, right_ctx[t + 1] = c;
    }
    for (long t = 1; t < n; t++) {                                          /* N */
        if (!(facts[t] & N)) continue;
        long d = t - 1 - space(&tk, t - 1);
        if (d < 0 || space(&tk, d)) continue;
        if (starts[t] > end(&tk, d) && at[d] < 0) at[d] = t, right_ctx[t] = starts[t];
    }
    if (n && right_ctx[0] < 0) right_ctx[0] = starts[0];
    for (long t = 0; t < n; t++) {                                          /* B */
        if (!(facts[t] & B)) continue;
        long u = right(&tk, t);
        if (u >= 0 && right_ctx[t] >= 0 && at[t] < 0) at[t] = u, right_ctx[u] = right_ctx[t];
    }
    long m = 0;
    for (long k = 0; k < n; k++) {
        if (at[k] < 0) continue;
        ends[m] = (int32_t)end(&tk, k);
        rights[m] = starts[at[k]];
        contexts[m] = (int32_t)right_ctx[at[k]];
        m++;
    }
    return m;
}

/* The cuts of n tokens given as word ids (tokens.c, vb_token_ids) and the facts of each word id:
   as above.  Returns how many, -1 when out of memory. */
long vb_cuts(long n, const int32_t *starts, const int32_t *ids, const int64_t *facts_of_id,
             int32_t *ends, int32_t *rights, int32_t *contexts) {
    int64_t *scratch = malloc(sizeof(int64_t) * 3 * (size_t)(n ? n : 1));
    if (!scratch) return -1;
    int64_t *facts = scratch + 2 * n;
    for (long k = 0; k < n; k++) facts[k] = facts_of_id[ids[k]];
    long m = cuts(n, starts, facts, scratch, scratch + n, ends, rights, contexts);
    free(scratch);
    return m;
}
