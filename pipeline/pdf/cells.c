/* The characters of each ruled-table cell (pipeline/pdf/cells.py, python_members, is
 * the reference: the same steps on the same IEEE doubles; tests/test_pdf_rows_native.py
 * compares them on the corpus tables).  A character belongs to a cell when its centre
 * lies inside the cell grown by 1 pt; a cell's characters come in the order of their
 * centres' y (a stable sort of the selection), which the cell's rows read them in.
 *
 * The characters are those of pipeline/pdf/loops.c's vb_read_chars: field k of
 * character i at f[k * stride + i]; the call reads sel[0..count). */
#include <stdint.h>
#include <stdlib.h>

enum { X0, TOP, X1, BOTTOM };                 /* loops.c's first fields */

/* The counts written to counts[]: characters cut by a cell's edge, characters in
 * cells, characters beside the table (in its rows, outside its columns) */
enum { CUT, TOTAL, BESIDE };

typedef struct { double y; int at; } centre;

/* Python's sorted(key=y): a stable merge sort by y */
static void sort_by_y(centre *v, centre *tmp, int n) {
    for (int width = 1; width < n; width *= 2) {
        for (int lo = 0; lo < n; lo += 2 * width) {
            int mid = lo + width < n ? lo + width : n, hi = lo + 2 * width < n ? lo + 2 * width : n;
            int a = lo, b = mid, o = lo;
            while (a < mid && b < hi) tmp[o++] = v[b].y < v[a].y ? v[b++] : v[a++];
            while (a < mid) tmp[o++] = v[a++];
            while (b < hi) tmp[o++] = v[b++];
        }
        for (int j = 0; j < n; j++) v[j] = tmp[j];
    }
}

/* bisect.bisect_left / bisect_right over the sorted centres */
static int bisect(const centre *v, int n, double y, int right) {
    int lo = 0, hi = n;
    while (lo < hi) {
        int mid = (lo + hi) / 2;
        if (right) { if (y < v[mid].y) hi = mid; else lo = mid + 1; }      /* bisect_right */
        else if (v[mid].y < y) lo = mid + 1; else hi = mid;               /* bisect_left */
    }
    return lo;
}

/* cells: n_cells boxes (x0, top, x1, bottom); box: the table's.  Writes each cell's
 * characters (indices into the page) one cell after another to out (ends[k]: the end
 * of cell k's), at most cap of them; returns how many there are (more than cap: call
 * again with that many), or -1 when memory runs out. */
int64_t vb_cell_members(const double *f, long stride, const int *sel, int count, const double *cells, int n_cells,
                        const double *box, int *out, int64_t cap, int64_t *ends, int64_t *counts) {
    centre *v = malloc(sizeof(centre) * (count ? count : 1)), *tmp = malloc(sizeof(centre) * (count ? count : 1));
    double *middle = malloc(sizeof(double) * (count ? count : 1));
    if (!v || !tmp || !middle) { free(v); free(tmp); free(middle); return -1; }
    for (int j = 0; j < count; j++) {
        int i = sel[j];
        v[j].y = (f[TOP * stride + i] + f[BOTTOM * stride + i]) / 2;
        v[j].at = i;
    }
    sort_by_y(v, tmp, count);
    for (int j = 0; j < count; j++) {
        int i = v[j].at;
        middle[j] = (f[X0 * stride + i] + f[X1 * stride + i]) / 2;
    }
    int64_t n = 0, cut = 0;
    for (int k = 0; k < n_cells; k++) {
        const double *cell = cells + 4 * k;
        int lo = bisect(v, count, cell[1] - 1, 0), hi = bisect(v, count, cell[3] + 1, 1);
        double left = cell[0] - 1, right = cell[2] + 1;
        for (int j = lo; j < hi; j++) {
            if (!(left <= middle[j] && middle[j] <= right)) continue;
            int i = v[j].at;
            if (n < cap) out[n] = i;
            n++;
            cut += f[X0 * stride + i] < cell[0] - 1.5 || f[X1 * stride + i] > cell[2] + 1.5;
        }
        ends[k] = n;
    }
    int64_t beside = 0;
    int lo = bisect(v, count, box[1] + 1, 1), hi = bisect(v, count, box[3] - 1, 0);
    for (int j = lo; j < hi; j++) beside += !(box[0] - 1 <= middle[j] && middle[j] <= box[2] + 1);
    counts[CUT] = cut; counts[TOTAL] = n; counts[BESIDE] = beside;
    free(v); free(tmp); free(middle);
    return n;
}
