/* The rows of pipeline/pdf/rows.py (make_rows) in C: characters clustered by baseline
 * into visual lines, small clusters (footnote marks, raised diacritics) joined to the
 * nearest line, each line split at wide gaps into segments, each segment's footnote
 * marks dropped and its text spelt with word spaces.  rows.py's Python functions are the
 * reference: the same steps in the same order on the same IEEE doubles (built without
 * fused multiply-add), so the same segments come out (tests/test_pdf_rows_native.py
 * compares them on the corpus pages).  What stays in Python: dropping decoration
 * segments ("______") and building the Row and Seg objects.
 *
 * The characters are those of pipeline/pdf/loops.c's vb_read_chars: field k of
 * character i at f[k * stride + i]; a call reads the characters sel[0..count-1] (in
 * that order: it settles ties of the stable sorts, as the order of the Python list does). */
#include <math.h>
#include <stdint.h>
#include <stdlib.h>

enum { X0, TOP, X1, BOTTOM, BASE, SIZE, SPACE, BOLD };   /* loops.c's field order */

/* rows.py's constants */
#define GAP_SPLIT 1.2        /* a gap wider than 1.2 x the line's size splits segments */
#define SPACE_GAP 0.22       /* a gap wider than 0.22 x the character's size is a word space */
#define NOTE_MARK_SIZE 0.75  /* a footnote mark is at most 0.75 x the segment's size */

/* Written per segment, in this order (SEG doubles each): the selection it is of, its
 * row (numbered across the call), the row's size, its box, size and weight, the end of
 * its text in out_text */
enum { S_SELECTION, S_ROW, S_ROW_SIZE, S_X0, S_TOP, S_X1, S_BOTTOM, S_SIZE, S_BOLD, S_TEXT_END, SEG };

typedef struct {
    const double *f;
    long stride;
} fields;

static double field(const fields *c, int k, int i) { return c->f[(long)k * c->stride + i]; }

/* character i's key (k1, k2) is below character j's (k2 < 0: k1 alone) */
static int below(const fields *c, int i, int j, int k1, int k2) {
    double ki = field(c, k1, i), kj = field(c, k1, j);
    return ki < kj || (ki == kj && k2 >= 0 && field(c, k2, i) < field(c, k2, j));
}

/* Python's sorted() with key (k1, k2): a stable natural merge sort of idx[0..n) (the
 * characters mostly come in reading order: few runs to merge).  tmp: n entries, runs:
 * n + 1. */
static void stable_sort(const fields *c, int *idx, int *tmp, int *runs, int n, int k1, int k2) {
    int nr = 0;                                            /* the starts of ascending runs */
    for (int j = 0; j < n; j++)
        if (j == 0 || below(c, idx[j], idx[j - 1], k1, k2)) runs[nr++] = j;
    runs[nr] = n;
    int *from = idx, *to = tmp;
    while (nr > 1) {
        int merged = 0;
        for (int r = 0; r < nr; r += 2) {
            int lo = runs[r], mid = runs[r + 1], hi = r + 2 <= nr ? runs[r + 2] : mid;
            int a = lo, b = mid, o = lo;
            while (a < mid && b < hi)   /* b goes first only when strictly below: ties keep their order */
                to[o++] = below(c, from[b], from[a], k1, k2) ? from[b++] : from[a++];
            while (a < mid) to[o++] = from[a++];
            while (b < hi) to[o++] = from[b++];
            runs[merged++] = lo;
        }
        runs[merged] = n;
        nr = merged;
        int *swap = from; from = to; to = swap;
    }
    if (from != idx)
        for (int j = 0; j < n; j++) idx[j] = from[j];
}

static int by_value(const void *a, const void *b) {
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

/* rows.py's median(): values sorted in place (unless all are equal, as in most lines) */
static double median(double *v, int n) {
    int same = 1;
    for (int j = 1; j < n && same; j++) same = v[j] == v[0];
    if (same) return v[0];
    qsort(v, n, sizeof(double), by_value);
    return n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

/* A cluster of characters on one baseline: runs of the (base, x0)-sorted order, chained
 * (a small cluster joined to a line is appended to the line's chain). */
typedef struct {
    int start, len;          /* its own run in the sorted order */
    int next, tail;          /* the chain of runs: the next cluster's run, the last cluster */
    int count;               /* characters in the chain */
    double base, size;       /* of its first character (clusters[j][0]) */
    double min_x0, max_x1;   /* over the chain */
} cluster;

static void extend(cluster *cl, int to, int from) {
    cl[cl[to].tail].next = from;
    cl[to].tail = cl[from].tail;
    cl[to].count += cl[from].count;
    if (cl[from].min_x0 < cl[to].min_x0) cl[to].min_x0 = cl[from].min_x0;
    if (cl[from].max_x1 > cl[to].max_x1) cl[to].max_x1 = cl[from].max_x1;
}

/* The work buffers of one call, each of `count` entries (text: 2 * count) */
typedef struct {
    const fields *c;
    const uint32_t *text;
    const uint32_t *digits;  /* code points beyond '0'-'9' that str.isdigit() accepts */
    int n_digits;
    double *values, *x1;     /* scratch: sorted values; a segment's right edges (widened) */
    int *kept;
    double *out;             /* SEG doubles a segment */
    int segs, selection;
    uint32_t *out_text;
    int text_len;
} work;

static int is_digit(const work *w, uint32_t u) {
    if (u >= '0' && u <= '9') return 1;
    for (int k = 0; k < w->n_digits; k++)
        if (w->digits[k] == u) return 1;
    return 0;
}

/* rows.py's _without_note_marks: the characters of s[0..n) kept in w->kept (their right
 * edges in w->x1, the edge before a dropped mark widened over it); returns how many */
static int without_note_marks(work *w, const int *s, int n) {
    const fields *c = w->c;
    int any_digit = 0;
    for (int j = 0; j < n; j++) {
        w->kept[j] = s[j];
        w->x1[j] = field(c, X1, s[j]);
        any_digit |= is_digit(w, w->text[s[j]]);
    }
    if (n < 4 || !any_digit) return n;
    for (int j = 0; j < n; j++) w->values[j] = field(c, SIZE, s[j]);
    double size = median(w->values, n);
    for (int j = 0; j < n; j++) w->values[j] = field(c, BASE, s[j]);
    double base = median(w->values, n);
    int k = 0;
    for (int j = 0; j < n; j++) {
        int i = s[j];
        if (is_digit(w, w->text[i]) && field(c, SIZE, i) <= NOTE_MARK_SIZE * size
                && field(c, BASE, i) < base - 0.2 * size) {
            if (k > 0 && field(c, X1, i) > w->x1[k - 1]) w->x1[k - 1] = field(c, X1, i);
            continue;
        }
        w->kept[k] = i;
        w->x1[k] = field(c, X1, i);
        k++;
    }
    if (k == 0) {                                    /* `kept or chars` */
        for (int j = 0; j < n; j++) { w->kept[j] = s[j]; w->x1[j] = field(c, X1, s[j]); }
        return n;
    }
    return k;
}

/* rows.py's _seg: one segment of the characters s[0..n) of row `row` */
static void segment(work *w, const int *s, int n, int row, double row_size) {
    const fields *c = w->c;
    int k = n;
    for (int j = 0; j < n; j++) { w->kept[j] = s[j]; w->x1[j] = field(c, X1, s[j]); }
    if (n >= 4) {
        double lo = field(c, SIZE, s[0]), hi = lo;
        for (int j = 1; j < n; j++) {
            double v = field(c, SIZE, s[j]);
            if (v < lo) lo = v;
            if (v > hi) hi = v;
        }
        if (lo <= NOTE_MARK_SIZE * hi) k = without_note_marks(w, s, n);
    }
    const int *kept = w->kept;
    /* _tracking: the middle gap when most gaps are clearly below nothing, else 0 */
    double tracking = 0.0;
    if (k >= 8) {
        double limit = -0.05 * field(c, SIZE, kept[0]);
        int below = 0;
        for (int j = 1; j < k; j++) {
            w->values[j - 1] = field(c, X0, kept[j]) - w->x1[j - 1];
            below += w->values[j - 1] < limit;
        }
        if (below >= (k - 1) / 2 + 1) {
            qsort(w->values, k - 1, sizeof(double), by_value);
            tracking = w->values[(k - 1) / 2];
        }
    }
    double top = field(c, TOP, kept[0]), bottom = field(c, BOTTOM, kept[0]), right = w->x1[0];
    int bold = 0;
    w->out_text[w->text_len++] = w->text[kept[0]];
    for (int j = 0; j < k; j++) {
        int i = kept[j];
        if (j > 0) {
            double gap = field(c, X0, i) - w->x1[j - 1];
            if (field(c, SPACE, i) != 0.0 || gap - tracking > SPACE_GAP * field(c, SIZE, i))
                w->out_text[w->text_len++] = ' ';
            w->out_text[w->text_len++] = w->text[i];
        }
        if (field(c, TOP, i) < top) top = field(c, TOP, i);
        if (field(c, BOTTOM, i) > bottom) bottom = field(c, BOTTOM, i);
        if (w->x1[j] > right) right = w->x1[j];
        bold += field(c, BOLD, i) != 0.0;
    }
    for (int j = 0; j < k; j++) w->values[j] = field(c, SIZE, kept[j]);
    double *o = w->out + (long)SEG * w->segs++;
    o[S_SELECTION] = w->selection; o[S_ROW] = row; o[S_ROW_SIZE] = row_size;
    o[S_X0] = field(c, X0, kept[0]); o[S_TOP] = top; o[S_X1] = right; o[S_BOTTOM] = bottom;
    o[S_SIZE] = median(w->values, k);
    o[S_BOLD] = bold * 2 > k;
    o[S_TEXT_END] = w->text_len;
}

/* The work buffers of one call: for `count` characters at most */
typedef struct {
    int *order, *row, *tmp, *runs, *lines, *kept;
    double *values, *x1;
    cluster *cl;
} buffers;

static void release(buffers *b) {
    free(b->order); free(b->row); free(b->tmp); free(b->runs); free(b->lines); free(b->kept); free(b->values); free(b->x1);
    free(b->cl);
}

static int reserve(buffers *b, int count) {
    b->order = malloc(sizeof(int) * count); b->row = malloc(sizeof(int) * count);
    b->tmp = malloc(sizeof(int) * count); b->runs = malloc(sizeof(int) * (count + 1));
    b->lines = malloc(sizeof(int) * count);
    b->kept = malloc(sizeof(int) * count);
    b->values = malloc(sizeof(double) * count); b->x1 = malloc(sizeof(double) * count);
    b->cl = malloc(sizeof(cluster) * count);
    return b->order && b->row && b->tmp && b->runs && b->lines && b->kept && b->values && b->x1 && b->cl;
}

/* make_rows of the characters sel[0..count): their segments appended to w's output;
 * rows numbered from *rows on */
static void rows_of(work *w, buffers *b, const int *sel, int count, int *rows) {
    const fields *c = w->c;
    int *order = b->order, *row = b->row, *tmp = b->tmp, *lines = b->lines;
    cluster *cl = b->cl;
    for (int j = 0; j < count; j++) order[j] = sel ? sel[j] : j;
    stable_sort(c, order, tmp, b->runs, count, BASE, X0);

    /* clusters by baseline: a character within 0.3 x its size (1.5 pt at least) of the
     * cluster's first character's baseline joins it */
    int nc = 0;
    for (int j = 0; j < count; j++) {
        int i = order[j];
        double tolerance = 0.3 * field(c, SIZE, i);
        if (tolerance < 1.5) tolerance = 1.5;
        if (nc > 0 && field(c, BASE, i) - cl[nc - 1].base <= tolerance) {
            cluster *k = &cl[nc - 1];
            k->len++; k->count++;
            if (field(c, X0, i) < k->min_x0) k->min_x0 = field(c, X0, i);
            if (field(c, X1, i) > k->max_x1) k->max_x1 = field(c, X1, i);
        } else {
            cluster k = {j, 1, -1, nc, 1, field(c, BASE, i), field(c, SIZE, i), field(c, X0, i), field(c, X1, i)};
            cl[nc++] = k;
        }
    }

    /* _merge_small: a cluster of at most 3 characters joins the line before or after it
     * (the one before first) when that line has more than 3, lies within 0.6 x its size
     * and spans the small cluster's first character.  The line before, when it has more
     * than 3, was kept: it is the last of lines[] */
    int nl = 0;
    for (int i = 0; i < nc; i++) {
        if (cl[i].count <= 3 && nc > 1) {
            double base = cl[i].base, x = field(c, X0, order[cl[i].start]);
            int target = -1;
            for (int j = i - 1; j <= i + 1 && target < 0; j += 2) {
                if (j < 0 || j >= nc || cl[j].count <= 3) continue;
                if (fabs(cl[j].base - base) < 0.6 * cl[j].size && cl[j].min_x0 <= x && x <= cl[j].max_x1 + 2)
                    target = j;
            }
            if (target >= 0) {
                extend(cl, target, i);
                continue;
            }
        }
        lines[nl++] = i;
    }

    /* each line: its characters in chain order sorted by x0 (stable), its size the median
     * size, split where the gap from the previous character's right edge is wider than
     * 1.2 x that size */
    for (int r = 0; r < nl; r++) {
        int n = 0, id = (*rows)++;
        for (int k = lines[r]; k >= 0; k = cl[k].next)
            for (int j = 0; j < cl[k].len; j++) row[n++] = order[cl[k].start + j];
        stable_sort(c, row, tmp, b->runs, n, X0, -1);
        for (int j = 0; j < n; j++) b->values[j] = field(c, SIZE, row[j]);
        double size = median(b->values, n), split = GAP_SPLIT * size, right = field(c, X1, row[0]);
        int start = 0;
        for (int j = 1; j < n; j++) {
            if (field(c, X0, row[j]) - right > split) {
                segment(w, row + start, j - start, id, size);
                start = j;
            }
            right = field(c, X1, row[j]);
        }
        segment(w, row + start, n - start, id, size);
    }
}

/* make_rows of each selection: the characters sel[ends[k - 1]..ends[k]) (from 0 for the
 * first; sel NULL: one selection of the characters 0..ends[0]), none of them empty.  Writes the segments (SEG doubles each, selection by
 * selection, row by row) to out and their texts, one after another, to out_text (2
 * code points a character at most); returns how many segments (out_text's length in
 * *text_len), or -1 when memory runs out. */
int vb_make_rows(const double *f, long stride, const uint32_t *text, const int *sel, const int *ends, int n_sel,
                 const uint32_t *digits, int n_digits, double *out, uint32_t *out_text, int *text_len) {
    fields c = {f, stride};
    int most = 0;
    for (int k = 0; k < n_sel; k++) {
        int count = ends[k] - (k ? ends[k - 1] : 0);
        if (count > most) most = count;
    }
    buffers b;
    if (!reserve(&b, most > 0 ? most : 1)) {
        release(&b);
        return -1;
    }
    work w = {&c, text, digits, n_digits, b.values, b.x1, b.kept, out, 0, 0, out_text, 0};
    int rows = 0;
    for (int k = 0; k < n_sel; k++) {
        int from = k ? ends[k - 1] : 0;
        w.selection = k;
        rows_of(&w, &b, sel ? sel + from : 0, ends[k] - from, &rows);
    }
    release(&b);
    *text_len = w.text_len;
    return w.segs;
}
