/* The body tokenizer's loop (extractors/bodies/tokens.py, tokenize; native_tokens.py loads it):
   the text as UCS-4 code points in, each token's start and end out; and a table of the words seen
   (vb_words), which gives each token the id of its word, so that Python looks at a word once per
   process, not once a token.  The marks are handed in by Python as a table of PREFIX | SUFFIX |
   INFIX bits by code point (from tokens.py's PREFIX_MARKS, SUFFIX_MARKS, INFIX_MARKS), so they are
   written down once.

   The rules, as tokens.py's Python steps apply them:
   - white space is str.isspace(); one space between two chunks (runs of non-white space) is no
     token, nor one at the text's end, but one at its start is;
   - any other run of white space is a token, less its first character when that is a space after
     a chunk;
   - a chunk: its leading prefix marks and trailing suffix marks are tokens of one character each;
     if they meet, every character is; the middle is cut before and after each infix mark that is
     not its first character. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

enum { PREFIX = 1, SUFFIX = 2, INFIX = 4 };

/* str.isspace() of Python: these code points and no other (the test checks) */
static inline int isspace_(uint32_t u) {
    if (u <= 0x20) return u == 0x20 || (u >= 0x09 && u <= 0x0d) || (u >= 0x1c && u <= 0x1f);
    if (u < 0x85) return 0;
    return u == 0x85 || u == 0xa0 || u == 0x1680 || (u >= 0x2000 && u <= 0x200a) || u == 0x2028
           || u == 0x2029 || u == 0x202f || u == 0x205f || u == 0x3000;
}

int vb_tok_isspace(uint32_t u) { return isspace_(u); }

typedef struct {
    const uint32_t *text;
    const uint8_t *kinds;       /* a code point's PREFIX | SUFFIX | INFIX bits, up to ... */
    uint32_t nkinds;            /* ... this code point (none above) */
    int32_t *starts, *ends;
    long count;
} state;

static int kind(const state *st, uint32_t c) {
    return c < st->nkinds ? st->kinds[c] : 0;
}

static void emit(state *st, long a, long b) {
    st->starts[st->count] = (int32_t)a;
    st->ends[st->count++] = (int32_t)b;
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

/* Tokens of text[0:n]: where each starts and ends (room for n each).  Returns their number. */
long vb_tokenize(const uint32_t *text, long n, const uint8_t *kinds, uint32_t nkinds, int32_t *starts, int32_t *ends) {
    state st = {text, kinds, nkinds, starts, ends, 0};
    long i = 0;
    while (i < n) {
        long j = i;
        if (isspace_(text[i])) {
            while (j < n && isspace_(text[j])) j++;
            if (j - i == 1 && text[i] == ' ') {
                if (i == 0) emit(&st, 0, 1);        /* a space that opens the text */
            } else {
                emit(&st, i > 0 && text[i] == ' ' ? i + 1 : i, j);
            }
        } else {
            while (j < n && !isspace_(text[j])) j++;
            chunk(&st, i, j);
        }
        i = j;
    }
    return st.count;
}

/* The words seen, each with an id 0, 1, 2, ... in the order first seen: their code points one
   after another in `chars` (word k from at[k] to at[k + 1]), found by hash in `slots`
   (open addressing, id + 1 a slot, 0 empty; a power of two of them, at most half full). */
typedef struct {
    uint8_t *kinds;             /* the marks (vb_tokenize's kinds, nkinds) */
    uint32_t nkinds;
    uint32_t *chars;
    int64_t nchars, chars_cap;
    int64_t *at;
    uint32_t *hashes;
    int32_t count, cap;
    int32_t *slots;
    int64_t nslots;
} vb_words;

vb_words *vb_words_new(const uint8_t *kinds, uint32_t nkinds) {
    vb_words *w = calloc(1, sizeof(vb_words));
    if (!w) return NULL;
    w->nkinds = nkinds;
    w->kinds = malloc(nkinds ? nkinds : 1);
    w->chars_cap = 1 << 16;
    w->cap = 1 << 12;
    w->nslots = 1 << 13;
    w->chars = malloc(sizeof(uint32_t) * (size_t)w->chars_cap);
    w->at = malloc(sizeof(int64_t) * ((size_t)w->cap + 1));
    w->hashes = malloc(sizeof(uint32_t) * (size_t)w->cap);
    w->slots = calloc((size_t)w->nslots, sizeof(int32_t));
    if (!w->kinds || !w->chars || !w->at || !w->hashes || !w->slots) {
        free(w->kinds); free(w->chars); free(w->at); free(w->hashes); free(w->slots); free(w);
        return NULL;
    }
    memcpy(w->kinds, kinds, nkinds);
    w->at[0] = 0;
    return w;
}

void vb_words_free(vb_words *w) {
    if (!w) return;
    free(w->kinds); free(w->chars); free(w->at); free(w->hashes); free(w->slots); free(w);
}

int32_t vb_words_count(const vb_words *w) { return w->count; }

static uint32_t hash_of(const uint32_t *s, long len) {
    uint32_t h = 2166136261u;                   /* FNV-1a over the code points */
    for (long k = 0; k < len; k++) h = (h ^ s[k]) * 16777619u;
    return h ^ (uint32_t)len;
}

/* Room for one more word of `len` code points (and the slots at most half full); 0 when out of memory. */
static int room(vb_words *w, long len) {
    if (w->nchars + len > w->chars_cap) {
        int64_t cap = w->chars_cap;
        while (w->nchars + len > cap) cap *= 2;
        uint32_t *c = realloc(w->chars, sizeof(uint32_t) * (size_t)cap);
        if (!c) return 0;
        w->chars = c, w->chars_cap = cap;
    }
    if (w->count + 1 > w->cap) {
        int32_t cap = w->cap * 2;
        int64_t *at = realloc(w->at, sizeof(int64_t) * ((size_t)cap + 1));
        if (!at) return 0;
        w->at = at;
        uint32_t *h = realloc(w->hashes, sizeof(uint32_t) * (size_t)cap);
        if (!h) return 0;
        w->hashes = h, w->cap = cap;
    }
    if (2 * ((int64_t)w->count + 1) > w->nslots) {
        int64_t nslots = w->nslots * 2;
        int32_t *slots = calloc((size_t)nslots, sizeof(int32_t));
        if (!slots) return 0;
        for (int32_t id = 0; id < w->count; id++) {
            int64_t s = w->hashes[id] & (nslots - 1);
            while (slots[s]) s = (s + 1) & (nslots - 1);
            slots[s] = id + 1;
        }
        free(w->slots);
        w->slots = slots, w->nslots = nslots;
    }
    return 1;
}

/* The id of the word s[0:len], a new one if it was not seen; -1 when out of memory. */
static int32_t word_id(vb_words *w, const uint32_t *s, long len) {
    uint32_t h = hash_of(s, len);
    int64_t mask = w->nslots - 1, slot = h & mask;
    for (;;) {
        int32_t id = w->slots[slot] - 1;
        if (id < 0) break;
        if (w->hashes[id] == h && w->at[id + 1] - w->at[id] == len
                && !memcmp(w->chars + w->at[id], s, sizeof(uint32_t) * (size_t)len))
            return id;
        slot = (slot + 1) & mask;
    }
    if (!room(w, len)) return -1;
    if (w->nslots != mask + 1) {                /* the slots grew: the empty one is elsewhere */
        slot = h & (w->nslots - 1);
        while (w->slots[slot]) slot = (slot + 1) & (w->nslots - 1);
    }
    int32_t id = w->count++;
    memcpy(w->chars + w->nchars, s, sizeof(uint32_t) * (size_t)len);
    w->nchars += len;
    w->at[id + 1] = w->nchars;
    w->hashes[id] = h;
    w->slots[slot] = id + 1;
    return id;
}

/* The tokens of text[0:n] (vb_tokenize with the table's marks) as the ids of their words, in
   `out`, which has room for 4 * cap + 1 ints (cap >= n): the ids from out[0], the starts from
   out[cap], the ends from out[2 * cap], from out[3 * cap] the tokens that brought a new word (in
   the order of their ids), and their number in out[4 * cap].  Returns the number of tokens, -1
   when out of memory. */
long vb_token_ids(vb_words *w, const uint32_t *text, long n, int32_t *out, long cap) {
    int32_t *ids = out, *starts = out + cap, *ends = out + 2 * cap, *fresh = out + 3 * cap;
    long count = vb_tokenize(text, n, w->kinds, w->nkinds, starts, ends), m = 0;
    for (long t = 0; t < count; t++) {
        int32_t before = w->count, id = word_id(w, text + starts[t], ends[t] - starts[t]);
        if (id < 0) return -1;
        if (id == before) fresh[m++] = (int32_t)t;
        ids[t] = id;
    }
    out[4 * cap] = (int32_t)m;
    return count;
}
