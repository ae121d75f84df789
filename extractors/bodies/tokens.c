/* The body tokenizer's loop (extractors/bodies/tokens.py, tokenize; native_tokens.py loads it):
   the text as UCS-4 code points in, the tokens out, joined by a separator the text does not hold
   (Python splits them at C speed), with their start offsets.  The marks are handed in by Python
   as a table of PREFIX | SUFFIX | INFIX bits by code point (from tokens.py's PREFIX_MARKS,
   SUFFIX_MARKS, INFIX_MARKS), so they are written down once.

   The rules, as tokens.py's Python steps apply them:
   - white space is str.isspace(); one space between two chunks (runs of non-white space) is no
     token, nor one at the text's end, but one at its start is;
   - any other run of white space is a token, less its first character when that is a space after
     a chunk;
   - a chunk: its leading prefix marks and trailing suffix marks are tokens of one character each;
     if they meet, every character is; the middle is cut before and after each infix mark that is
     not its first character. */
#include <stdint.h>

enum { PREFIX = 1, SUFFIX = 2, INFIX = 4 };

/* str.isspace() of Python: these code points and no other (the test checks) */
int vb_tok_isspace(uint32_t u) {
    if (u <= 0x20) return u == 0x20 || (u >= 0x09 && u <= 0x0d) || (u >= 0x1c && u <= 0x1f);
    if (u < 0x85) return 0;
    return u == 0x85 || u == 0xa0 || u == 0x1680 || (u >= 0x2000 && u <= 0x200a) || u == 0x2028
           || u == 0x2029 || u == 0x202f || u == 0x205f || u == 0x3000;
}

typedef struct {
    const uint32_t *text;
    const uint8_t *kinds;       /* a code point's PREFIX | SUFFIX | INFIX bits, up to ... */
    uint32_t nkinds;            /* ... this code point (none above) */
    uint32_t sep;
    uint32_t *out;
    long out_len;
    int32_t *starts;
    long count;
} state;

static int kind(const state *st, uint32_t c) {
    return c < st->nkinds ? st->kinds[c] : 0;
}

static void emit(state *st, long a, long b) {
    if (st->count) st->out[st->out_len++] = st->sep;
    for (long k = a; k < b; k++) st->out[st->out_len++] = st->text[k];
    st->starts[st->count++] = (int32_t)a;
}

static void chunk(state *st, long i, long j) {
    long a = i, b = j;
    while (a < j && kind(st, st->text[a]) & PREFIX) a++;
    while (b > i && kind(st, st->text[b - 1]) & SUFFIX) b--;
    if (a >= b) {                       /* the marks meet: a token a character */
        for (long k = i; k < j; k++) emit(st, k, k + 1);
        return;
    }
    for (long k = i; k < a; k++) emit(st, k, k + 1);
    long start = a;
    for (long k = a + 1; k < b; k++) {
        if (kind(st, st->text[k]) & INFIX) {
            if (k > start) emit(st, start, k);
            emit(st, k, k + 1);
            start = k + 1;
        }
    }
    if (b > start) emit(st, start, b);
    for (long k = b; k < j; k++) emit(st, k, k + 1);
}

/* Tokens of text[0:n]: their characters joined by `sep` into out (room for 2n), their starts
   into starts (room for n).  Returns the number of tokens; *out_len: the characters written. */
long vb_tokenize(const uint32_t *text, long n, const uint8_t *kinds, uint32_t nkinds, uint32_t sep,
                 uint32_t *out, int32_t *starts, long *out_len) {
    state st = {text, kinds, nkinds, sep, out, 0, starts, 0};
    long i = 0;
    while (i < n) {
        long j = i;
        if (vb_tok_isspace(text[i])) {
            while (j < n && vb_tok_isspace(text[j])) j++;
            if (j - i == 1 && text[i] == ' ') {
                if (i == 0) emit(&st, 0, 1);        /* a space that opens the text */
            } else {
                emit(&st, i > 0 && text[i] == ' ' ? i + 1 : i, j);
            }
        } else {
            while (j < n && !vb_tok_isspace(text[j])) j++;
            chunk(&st, i, j);
        }
        i = j;
    }
    *out_len = st.out_len;
    return st.count;
}
