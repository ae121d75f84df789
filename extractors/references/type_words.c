/* The type-word scan of find_citations (extractors/references/native_words.py loads it): the
   matches of lexicon.citations.type_word_re over a whole match text, as finditer gives them.

   The text comes in as UTF-16 code units of a text with no character above U+FFFF (Python keeps
   any other to re).  Python hands in, written down once from the same word list as the pattern:
   - cls: by code point, bit 1 for re's \w (str.isalnum() or "_"), bit 2 for \s (str.isspace());
   - the alternatives in the order re tries them, grouped by first letter (the groups take no
     character in common): each its units, a set of the characters re.IGNORECASE takes for one
     letter of the word, or -1 for \s+;
   - group_of: by code point, 1 + the group of the alternatives it may start, or 0.
   The pattern's steps, as re takes them at each position not inside an earlier match: the first
   letter; no \w before it; the units (a run of white space is followed by a letter, so the greedy
   \s+ gives back nothing); no \w after the word, else the next alternative. */
#include <stdint.h>

static int in_set(uint32_t c, const uint32_t *cps, int32_t off, int32_t len) {
    for (int32_t k = 0; k < len; k++)
        if (cps[off + k] == c) return 1;
    return 0;
}

long vb_type_words(const uint16_t *t, long n, const uint8_t *cls, const int32_t *prog,
                   const int32_t *group_at, const int32_t *group_size,
                   const uint32_t *cps, const int32_t *set_off, const int32_t *set_len,
                   const uint8_t *group_of, int32_t *out, long max_out) {
    long count = 0, p = 0;
    while (p < n) {
        uint16_t c = t[p];
        int g = group_of[c];
        if (!g || (p > 0 && (cls[t[p - 1]] & 1))) {
            p++;
            continue;
        }
        g--;
        long found = -1;
        const int32_t *a = prog + group_at[g];
        for (int32_t k = 0; k < group_size[g] && found < 0; k++) {
            int32_t nunits = a[0];
            const int32_t *units = a + 1;
            a += 1 + nunits;
            long q = p + 1;
            int ok = 1;
            for (int32_t u = 0; u < nunits; u++) {
                if (units[u] < 0) {                     /* \s+ */
                    if (q >= n || !(cls[t[q]] & 2)) { ok = 0; break; }
                    while (q < n && (cls[t[q]] & 2)) q++;
                } else {
                    if (q >= n || !in_set(t[q], cps, set_off[units[u]], set_len[units[u]])) { ok = 0; break; }
                    q++;
                }
            }
            if (ok && (q >= n || !(cls[t[q]] & 1))) found = q;
        }
        if (found < 0) {
            p++;
            continue;
        }
        if (count >= max_out) return -1;
        out[2 * count] = (int32_t)p;
        out[2 * count + 1] = (int32_t)found;
        count++;
        p = found;
    }
    return count;
}
