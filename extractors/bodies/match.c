/* The body matcher's per-token passes (extractors/bodies/doc_heads.py: DocHeads.of; matcher.py: _phrases,
 * _class_bits, _windows) over a document's tokens given as integers; native_match.py builds the
 * tables and hands them in.  The Python code in matcher.py is the specification: this file
 * does the same steps in the same order.
 *
 * A token is the id of its word in the tokenizer's table of words (tokens.c), and a word is one
 * int, packed[id]: (id of its lower-case word) << 16 | its L_* flags (tokens.py).  Lower-case
 * word ids 1..V are the words the tables name; every other word is 0, which no table holds.
 *
 * The tables are one int array; TAB[T_...] holds where each part starts (native_match.py).
 * A phrase table (heads, collective nouns, qualifiers, ...) at A = tab[T_...] gives, for a first
 * word w, the records from tab[A + w] to tab[A + w + 1] (offsets in tab), each
 * [length, payload, word ids...], in the order the Python tables try them.  The phrase trie's
 * node v (0: the root) has its children as (word id, node) pairs sorted by word id from
 * tab[C + v] to tab[C + v + 1], C = tab[T_CSTART], and its kinds from tab[K + v] to
 * tab[K + v + 1], K = tab[T_KSTART]; the root's child for word w is tab[R + w], R = tab[T_ROOT]
 * (-1: none).
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* Where the parts of the table array start (the order native_match.py writes them). */
enum {
    T_COMMITTEE, T_COLLECTIVE_KIND, T_OTHER_KIND, T_BO, T_DOI, T_LOWBITS, T_HEADS, T_COLL, T_QUAL,
    T_NOTCOLL, T_VERB, T_TAIL, T_CSTART, T_KSTART, T_PATTERNS, T_ROOT, T_FLAGS, T_CLASSES = T_FLAGS + 13
};
/* The L_* flags of tokens.py, in their order there (their values are handed in). */
enum { L_CAP, L_CAPOK, L_ALPHA, L_SKIP, L_JOINER, L_UNIT, L_SEP, L_DET, L_NAMEWORD, L_NCFIRST,
       L_HEADCAND, L_CAPSWORD, L_LOWERIN };
/* The TOKEN_CLASSES of matcher.py, in their order there. */
enum { C_HEAD, C_CHEAD, C_INHEAD, C_NFIRST, C_NAME, C_UNIT, C_CTAIL, C_DET, C_COLL, C_QUAL };
/* Bits of a word id's tab[T_LOWBITS + id]. */
enum { W_PATTERN = 1, W_COLL_FIRST = 2, W_TRIM_END = 4, W_TRIM_START = 8 };

/* The first record of phrase table t that starts at token i (its words are the tokens'), or NULL. */
static const int32_t *phrase_at(const int32_t *tab, int t, const int32_t *low, int i, int n)
{
    const int32_t *first = tab + tab[t] + low[i];
    const int32_t *r = tab + first[0], *end = tab + first[1];
    while (r < end) {
        int k = r[0];
        if (k <= n - i) {
            int j = 0;
            while (j < k && low[i + j] == r[2 + j]) j++;
            if (j == k) return r;
        }
        r += 2 + k;
    }
    return NULL;
}

/* gazetteer.phrase_mask: the tokens inside a phrase of table t (no phrase starts inside one found). */
static void phrase_mask(const int32_t *tab, int t, const int32_t *low, int n, uint8_t *out)
{
    int after = 0;
    for (int i = 0; i < n; i++) {
        if (i < after) continue;
        const int32_t *r = phrase_at(tab, t, low, i, n);
        if (r) {
            memset(out + i, 1, (size_t)r[0]);
            after = i + r[0];
        }
    }
}

/* The trie node under `node` for word w, or -1. */
static int child(const int32_t *tab, int node, int w)
{
    const int32_t *c = tab + tab[T_CSTART];
    int lo = 0, hi = (c[node + 1] - c[node]) / 2;
    const int32_t *pairs = tab + c[node];
    while (lo < hi) {
        int mid = (lo + hi) / 2;
        if (pairs[2 * mid] < w) lo = mid + 1;
        else hi = mid;
    }
    return lo < (c[node + 1] - c[node]) / 2 && pairs[2 * lo] == w ? pairs[2 * lo + 1] : -1;
}

/* patterns.py's elements, as match.c reads them from the table at tab[T_PATTERNS]:
 * [labels, then per label: its kind (-1: the kind of the head its match opens with), patterns, then per
 * pattern: elements, then per element:
 *  mask, op (0 "1", 1 "?", 2 "*"), words, word ids...] */
#define MAX_LABELS 8
#define MAX_PATTERNS 4
#define MAX_ELEMENTS 16
typedef struct { int mask, op, nwords; const int32_t *words; } Element;
typedef struct { int m; Element el[MAX_ELEMENTS]; } Pattern;
typedef struct { int kind, count; Pattern p[MAX_PATTERNS]; } Label;

static int read_labels(const int32_t *t, Label *labels)
{
    int nl = *t++;
    for (int l = 0; l < nl; l++) {
        labels[l].kind = *t++;
        labels[l].count = *t++;
        for (int q = 0; q < labels[l].count; q++) {
            Pattern *p = &labels[l].p[q];
            p->m = *t++;
            for (int k = 0; k < p->m; k++) {
                p->el[k].mask = *t++;
                p->el[k].op = *t++;
                p->el[k].nwords = *t++;
                p->el[k].words = t;
                t += p->el[k].nwords;
            }
        }
    }
    return nl;
}

static int accepts(const Element *el, int bits, int low)
{
    if (bits & el->mask) return 1;
    for (int q = 0; q < el->nwords; q++)
        if (el->words[q] == low) return 1;
    return 0;
}

/* patterns.longest: for each token p of the run, the end of the longest match from p, or -1.
 * `rows`: room for 2 * (m + 1) ints. */
static void longest(const Pattern *pat, const int32_t *bits, const int32_t *low, int n, int32_t *out, int32_t *rows)
{
    int m = pat->m;
    int32_t *nxt = rows, *row = rows + m + 1;
    nxt[m] = n;
    for (int k = m - 1; k >= 0; k--) nxt[k] = pat->el[k].op ? nxt[k + 1] : -1;
    for (int p = n - 1; p >= 0; p--) {
        row[m] = p;
        for (int k = m - 1; k >= 0; k--) {
            const Element *el = &pat->el[k];
            int v = -1;
            if (accepts(el, bits[p], low[p])) v = el->op == 2 ? nxt[k] : nxt[k + 1];
            if (el->op && row[k + 1] > v) v = row[k + 1];
            row[k] = v;
        }
        out[p] = row[0] > p ? row[0] : -1;
        int32_t *swap = nxt; nxt = row; row = swap;
    }
}

/* The states reached from `states` through optional elements (bit k: before element k). */
static uint32_t closure(const Pattern *pat, uint32_t states)
{
    for (int k = 0; k < pat->m; k++)           /* an optional element only leads forward */
        if (states >> k & 1 && pat->el[k].op) states |= 1u << (k + 1);
    return states;
}

/* patterns.longest_before: the end of the longest match from `start` that ends at `limit` or before, or -1. */
static int longest_before(const Pattern *pat, const int32_t *bits, const int32_t *low, int start, int limit)
{
    int m = pat->m, best = -1, p = start;
    uint32_t states = closure(pat, 1);
    while (p < limit && states) {
        uint32_t next = 0;
        for (int k = 0; k < m; k++)
            if (states >> k & 1 && accepts(&pat->el[k], bits[p], low[p]))
                next |= 1u << (pat->el[k].op == 2 ? k : k + 1);
        states = closure(pat, next);
        p++;
        if (states >> m & 1) best = p;
    }
    return best;
}

/* Scratch of patterns.select over runs of up to n tokens. */
typedef struct { int32_t *ends[MAX_PATTERNS], *heap_s, *heap_e, *rows; uint8_t *taken; } Scratch;

/* The heap of select: the longest first, then the leftmost (one entry a start). */
static int before(const int32_t *hs, const int32_t *he, int x, int y)
{
    int lx = he[x] - hs[x], ly = he[y] - hs[y];
    return lx > ly || (lx == ly && hs[x] < hs[y]);
}

static void heap_push(Scratch *w, int *size, int s, int e)
{
    int32_t *hs = w->heap_s, *he = w->heap_e;
    int x = (*size)++;
    hs[x] = s; he[x] = e;
    while (x && before(hs, he, x, (x - 1) / 2)) {
        int up = (x - 1) / 2, ts = hs[x], te = he[x];
        hs[x] = hs[up]; he[x] = he[up]; hs[up] = ts; he[up] = te;
        x = up;
    }
}

static void heap_pop(Scratch *w, int *size, int *s, int *e)
{
    int32_t *hs = w->heap_s, *he = w->heap_e;
    *s = hs[0]; *e = he[0];
    int last = --(*size), x = 0;
    hs[0] = hs[last]; he[0] = he[last];
    for (;;) {
        int l = 2 * x + 1, r = l + 1, best = x;
        if (l < last && before(hs, he, l, best)) best = l;
        if (r < last && before(hs, he, r, best)) best = r;
        if (best == x) break;
        int ts = hs[x], te = he[x];
        hs[x] = hs[best]; he[x] = he[best]; hs[best] = ts; he[best] = te;
        x = best;
    }
}

/* patterns.select: the label's non-overlapping matches in a run of n tokens, longest first then
 * leftmost, in that order, as (start, end) pairs in `out`; returns how many. */
static int select_run(const Label *lab, const int32_t *bits, const int32_t *low, int n, Scratch *w, int32_t *out)
{
    int size = 0, found = 0;
    for (int q = 0; q < lab->count; q++) longest(&lab->p[q], bits, low, n, w->ends[q], w->rows);
    for (int s = 0; s < n; s++) {
        int e = -1;
        for (int q = 0; q < lab->count; q++) if (w->ends[q][s] > e) e = w->ends[q][s];
        if (e > s) heap_push(w, &size, s, e);
    }
    memset(w->taken, 0, (size_t)n);
    while (size) {
        int s, e, blocker = -1;
        heap_pop(w, &size, &s, &e);
        for (int p = s; p < e; p++) if (w->taken[p]) { blocker = p; break; }
        if (blocker < 0) {
            out[2 * found] = s;
            out[2 * found + 1] = e;
            found++;
            memset(w->taken + s, 1, (size_t)(e - s));
        } else if (blocker > s) {           /* a shorter match from s may end before the blocker */
            int e2 = -1;
            for (int q = 0; q < lab->count; q++) {
                int x = longest_before(&lab->p[q], bits, low, s, blocker);
                if (x > e2) e2 = x;
            }
            if (e2 > s) heap_push(w, &size, s, e2);
        }
    }
    return found;
}

/* Room for one more (kind, start, end) in `out`, or -1 from bm_scan. */
#define EMIT(kind_, s_, e_) do { \
        if (at + 3 > cap) { rc = -1; goto done; } \
        out[at] = (kind_); out[at + 1] = (s_); out[at + 2] = (e_); at += 3; \
    } while (0)

/* bm_scan: the matcher's passes over n tokens given by the ids of their words (tokens.c's word
 * table), each word's id as `packed[id]` holds it ((id of its lower-case word) << 16 | flags).
 * Writes to `out` (up to `cap` ints) the gazetteer phrases as (kind, start, end), overlaps included,
 * in matcher._phrases' order, then the pattern matches as (kind, start, end) in matcher._matched's
 * order; counts[0] = phrases, counts[1] = matches.  Returns 0, -1 when `cap` is too small (call
 * again with more), -2 when out of memory. */
int bm_scan(const int32_t *tab, const int32_t *ids, const int32_t *packed, int n, int32_t *out, int64_t cap,
            int32_t *counts)
{
    const int32_t *L = tab + T_FLAGS, *C = tab + T_CLASSES, *lowbits = tab + tab[T_LOWBITS];
    size_t n1 = (size_t)n + 1;
    int32_t *ints = malloc(sizeof(int32_t) * n1 * (10 + MAX_PATTERNS) + sizeof(int32_t) * 2 * (MAX_ELEMENTS + 1));
    uint8_t *m = calloc(n1 * 9, 1);
    if (!ints || !m) { free(ints); free(m); return -2; }
    int32_t *low = ints, *flags = ints + n1, *head = ints + 2 * n1, *bits = ints + 3 * n1, *win = ints + 4 * n1,
            *pairs = ints + 6 * n1;
    Scratch w = { .heap_s = ints + 8 * n1, .heap_e = ints + 9 * n1, .rows = ints + (10 + MAX_PATTERNS) * n1 };
    for (int q = 0; q < MAX_PATTERNS; q++) w.ends[q] = ints + (10 + q) * n1;
    uint8_t *inside = m, *breaking = m + n1, *coll = m + 2 * n1, *coll_start = m + 3 * n1, *qual = m + 4 * n1,
            *tail = m + 5 * n1, *gaz_start = m + 6 * n1, *verb = m + 7 * n1;
    w.taken = m + 8 * n1;
    int64_t at = 0;
    int rc = 0;
    low[n] = flags[n] = 0;
    for (int i = 0; i < n; i++) {
        int32_t tok = packed[ids[i]];
        low[i] = tok >> 16;
        flags[i] = tok & 0xffff;
        head[i] = -1;
    }
    /* DocHeads.of: heads, where a capitalised head word opens one outside a run of capitalised words */
    for (int i = 0; i < n; i++) {
        if (!(flags[i] & L[L_HEADCAND])) continue;
        if (i && flags[i - 1] & L[L_ALPHA] && flags[i - 1] & L[L_CAP] && !inside[i - 1] && head[i - 1] < 0)
            continue;
        const int32_t *r = phrase_at(tab, T_HEADS, low, i, n);
        if (!r) continue;
        head[i] = r[1] & 0xffff;
        for (int j = i + 1; j < i + r[0]; j++) inside[j] = 1;
        breaking[i] = !(r[1] >> 16) && !(low[i] == tab[T_BO] && i + 1 < n && low[i + 1] == tab[T_DOI]);
    }
    phrase_mask(tab, T_COLL, low, n, coll);
    /* a collective noun then a verb noun ("tổ chức"): the verb (the pairs are found before any is cleared) */
    for (int i = 1; i < n - 1; i++)
        verb[i] = coll[i] && coll[i - 1] && phrase_at(tab, T_VERB, low, i, n) != NULL;
    for (int i = 1; i < n - 1; i++)
        if (verb[i]) coll[i] = coll[i + 1] = 0;
    for (int i = 0; i < n; i++)
        coll_start[i] = coll[i] && (i == 0 || !coll[i - 1] || lowbits[low[i]] & W_COLL_FIRST);
    for (int i = 0; i + 1 < n; i++)
        if (phrase_at(tab, T_TAIL, low, i, n)) tail[i] = tail[i + 1] = 1;
    phrase_mask(tab, T_QUAL, low, n, qual);
    /* _phrases: every gazetteer phrase, by start then end */
    const int32_t *ks = tab + tab[T_KSTART], *root = tab + tab[T_ROOT];
    for (int i = 0; i < n; i++) {
        int node = root[low[i]];
        int j = i + 1;
        while (node >= 0) {
            for (int q = ks[node]; q < ks[node + 1]; q++) {
                EMIT(tab[q], i, j);
                if (tab[q] != tab[T_COLLECTIVE_KIND]) gaz_start[i] = 1;
            }
            if (j == n) break;
            node = child(tab, node, low[j]);
            j++;
        }
    }
    counts[0] = (int32_t)(at / 3);
    /* _class_bits, for every token */
    for (int i = 0; i < n; i++) {
        int f = flags[i], has_next = i + 1 < n, nf = has_next ? flags[i + 1] : 0, pf = i ? flags[i - 1] : 0;
        int h = head[i] >= 0, b = 0;
        if (f & L[L_CAPSWORD] && pf & L[L_LOWERIN] && !h && !inside[i]) {
            bits[i] = f & L[L_DET] ? C[C_DET] : 0;          /* a heading line after a name ends it */
            continue;
        }
        if (h) b = head[i] == tab[T_COMMITTEE] ? C[C_CHEAD] : C[C_HEAD];
        if (inside[i]) b |= C[C_NAME] | C[C_INHEAD];
        else if (f & L[L_SKIP]) ;
        else if (f & L[L_CAP]) {
            if (f & L[L_CAPOK] && !breaking[i]) b |= C[C_NAME] | C[C_NFIRST];
        } else if (f & L[L_JOINER]) {
            if (has_next && nf & L[L_CAPOK] && head[i + 1] < 0 && !gaz_start[i + 1]) b |= C[C_NAME];
        } else if (f & L[L_UNIT]) b |= C[C_NAME] | C[C_NFIRST];
        else if (i && f & L[L_NAMEWORD] && (pf & L[L_CAP] || inside[i - 1])) b |= C[C_NAME];
        if (f & L[L_UNIT] || (f & L[L_SEP] && has_next && nf & L[L_UNIT] && (pf & L[L_UNIT] || !(nf & L[L_CAP]))))
            b |= C[C_UNIT];
        if (tail[i]) b |= C[C_CTAIL];
        else if (f & L[L_CAPOK] && f & L[L_ALPHA] && !h
                 && (!has_next || !(nf & L[L_ALPHA]) || nf & L[L_CAPOK] || (i && pf & L[L_CAP] && pf & L[L_ALPHA])))
            b |= C[C_CTAIL];
        if (f & L[L_DET]) b |= C[C_DET];
        if (coll[i] && !(f & L[L_NCFIRST] && phrase_at(tab, T_NOTCOLL, low, i, n))) b |= C[C_COLL];
        if (!(b & C[C_COLL]) && f & L[L_SEP] && has_next && coll_start[i + 1]) b |= C[C_COLL];
        if (qual[i] || tail[i]) b |= C[C_QUAL];
        bits[i] = b;
    }
    /* _windows: from a token that opens a pattern to the first token no pattern element accepts */
    int openers = C[C_HEAD] | C[C_CHEAD] | C[C_DET] | C[C_COLL], nwin = 0, end = 0;
    for (int i = 0; i < n; i++) {
        if (i < end || !(head[i] >= 0 || flags[i] & L[L_DET] || coll[i] || (i + 1 < n && coll[i + 1])))
            continue;
        if (!(bits[i] & openers)) continue;
        int j = i + 1;
        while (j < n && (bits[j] || lowbits[low[j]] & W_PATTERN)) j++;
        win[2 * nwin] = i;
        win[2 * nwin + 1] = j;
        nwin++;
        end = j;
    }
    /* _matched: per label, the windows of two tokens or more, joiners trimmed */
    Label labels[MAX_LABELS];
    int nl = read_labels(tab + tab[T_PATTERNS], labels);
    for (int l = 0; l < nl; l++) {
        for (int x = 0; x < nwin; x++) {
            int a = win[2 * x], len = win[2 * x + 1] - a;
            if (len < 2) continue;
            int found = select_run(&labels[l], bits + a, low + a, len, &w, pairs);
            for (int y = 0; y < found; y++) {
                int s = a + pairs[2 * y], e = a + pairs[2 * y + 1];
                int kind = labels[l].kind >= 0 ? labels[l].kind : head[s] >= 0 ? head[s] : tab[T_OTHER_KIND];
                while (e > s + 1 && lowbits[low[e - 1]] & W_TRIM_END) e--;
                while (s < e - 1 && lowbits[low[s]] & W_TRIM_START) s++;
                if (e - s >= 2 || kind == tab[T_COLLECTIVE_KIND]) EMIT(kind, s, e);
            }
        }
    }
    counts[1] = (int32_t)(at / 3) - counts[0];
done:
    free(ints); free(m);
    return rc;
}
