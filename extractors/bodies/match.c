/* The body matcher's per-token passes (extractors/bodies/matcher.py: _DocHeads.of, _phrases,
 * _class_bits, _windows) over a document's tokens given as integers; native_match.py builds the
 * tables and hands them in.  The Python code in matcher.py is the specification: this file
 * does the same steps in the same order.
 *
 * A token is one int: (id of its lower-case word) << 16 | its L_* flags (tokens.py).  Word ids
 * 1..V are the words the tables name; every other word is 0, which no table holds.
 *
 * The tables are one int array; TAB[T_...] holds where each part starts (native_match.py).
 * A phrase table (heads, collective nouns, qualifiers, ...) at A = tab[T_...] gives, for a first
 * word w, the records from tab[A + w] to tab[A + w + 1] (offsets in tab), each
 * [length, payload, word ids...], in the order the Python tables try them.  The phrase trie's
 * node v (0: the root) has its children as (word id, node) pairs sorted by word id from
 * tab[C + v] to tab[C + v + 1], C = tab[T_CSTART], and its kinds from tab[K + v] to
 * tab[K + v + 1], K = tab[T_KSTART].
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* Where the parts of the table array start (the order native_match.py writes them). */
enum {
    T_COMMITTEE, T_COLLECTIVE_KIND, T_BO, T_DOI, T_LOWBITS, T_HEADS, T_COLL, T_QUAL, T_NOTCOLL,
    T_VERB, T_TAIL, T_CSTART, T_KSTART, T_FLAGS, T_CLASSES = T_FLAGS + 13, T_SIZE = T_CLASSES + 10
};
/* The L_* flags of tokens.py, in their order there (their values are handed in). */
enum { L_CAP, L_CAPOK, L_ALPHA, L_SKIP, L_JOINER, L_UNIT, L_SEP, L_DET, L_NAMEWORD, L_NCFIRST,
       L_HEADCAND, L_CAPSWORD, L_LOWERIN };
/* The TOKEN_CLASSES of matcher.py, in their order there. */
enum { C_HEAD, C_CHEAD, C_INHEAD, C_NFIRST, C_NAME, C_UNIT, C_CTAIL, C_DET, C_COLL, C_QUAL };
/* Bits of a word id's tab[T_LOWBITS + id]. */
enum { W_PATTERN = 1, W_COLL_FIRST = 2 };

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

/* bm_scan: the matcher's passes over n tokens `tok` (word id << 16 | flags).
 * Writes out[0..n) the class bits of every token, out[n..2n) the kind of the head starting at
 * each token (-1: none), then the windows (start, end) and the gazetteer phrases
 * (kind, start, end), overlaps included, in matcher._phrases' order: up to `cap` ints.
 * counts[0] = windows, counts[1] = phrases.  Returns 0, -1 when `cap` is too small (call again
 * with more), -2 when out of memory. */
int bm_scan(const int32_t *tab, const int32_t *tok, int n, int32_t *out, int64_t cap, int32_t *counts)
{
    const int32_t *L = tab + T_FLAGS, *C = tab + T_CLASSES, *lowbits = tab + tab[T_LOWBITS];
    int32_t *low = malloc(sizeof(int32_t) * (size_t)(n + 1));
    int32_t *flags = malloc(sizeof(int32_t) * (size_t)(n + 1));
    uint8_t *m = calloc((size_t)(n + 1) * 8, 1);
    if (!low || !flags || !m) { free(low); free(flags); free(m); return -2; }
    uint8_t *inside = m, *breaking = m + (n + 1), *coll = m + 2 * (n + 1), *coll_start = m + 3 * (n + 1),
            *qual = m + 4 * (n + 1), *tail = m + 5 * (n + 1), *gaz_start = m + 6 * (n + 1), *verb = m + 7 * (n + 1);
    int32_t *bits = out, *head = out + n;
    int64_t at = 2 * (int64_t)n;
    int rc = 0;
    for (int i = 0; i < n; i++) {
        low[i] = tok[i] >> 16;
        flags[i] = tok[i] & 0xffff;
        head[i] = -1;
    }
    /* _DocHeads.of: heads, where a capitalised head word opens one outside a run of capitalised words */
    int32_t *hlen = malloc(sizeof(int32_t) * (size_t)(n + 1));
    if (!hlen) { free(low); free(flags); free(m); return -2; }
    for (int i = 0; i < n; i++) {
        if (!(flags[i] & L[L_HEADCAND])) continue;
        if (i && flags[i - 1] & L[L_ALPHA] && flags[i - 1] & L[L_CAP] && !inside[i - 1] && head[i - 1] < 0)
            continue;
        const int32_t *r = phrase_at(tab, T_HEADS, low, i, n);
        if (!r) continue;
        int k = r[0];
        head[i] = r[1] & 0xffff;
        hlen[i] = k;
        for (int j = i + 1; j < i + k; j++) inside[j] = 1;
        breaking[i] = !(r[1] >> 16) && !(low[i] == tab[T_BO] && i + 1 < n && low[i + 1] == tab[T_DOI]);
    }
    free(hlen);
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
    int64_t gaz_at = at + 2 * (int64_t)n + 2;      /* after room for the windows (at most n) */
    int ngaz = 0;
    const int32_t *ks = tab + tab[T_KSTART];
    for (int i = 0; i < n; i++) {
        int node = child(tab, 0, low[i]);
        int j = i + 1;
        while (node >= 0) {
            for (int q = ks[node]; q < ks[node + 1]; q++) {
                if (gaz_at + 3 * (int64_t)(ngaz + 1) > cap) { rc = -1; goto done; }
                int32_t *g = out + gaz_at + 3 * (int64_t)ngaz++;
                g[0] = tab[q]; g[1] = i; g[2] = j;
                if (tab[q] != tab[T_COLLECTIVE_KIND]) gaz_start[i] = 1;
            }
            if (j == n) break;
            node = child(tab, node, low[j]);
            j++;
        }
    }
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
        out[at + 2 * nwin] = i;
        out[at + 2 * nwin + 1] = j;
        nwin++;
        end = j;
    }
    counts[0] = nwin;
    counts[1] = ngaz;
done:
    free(low); free(flags); free(m);
    return rc;
}
