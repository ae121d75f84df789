/* Two loops of the PDF reader in C: the per-character loop of pipeline/pdf/chars.py
 * (read_chars) and the walk over a page's path objects of pipeline/pdf/rulings.py.  pdfium's
 * per-character calls cost 200-500 ns each through ctypes, three or more a character,
 * and here a few nanoseconds.  No link to pdfium: the caller passes the addresses of
 * pdfium's functions (those of the library pypdfium2 loaded).  The arithmetic is the
 * Python loop's, in the same IEEE doubles, so the characters come out the same
 * (tests/test_pdf_native.py compares each with its Python loop on the corpus pages).
 *
 * Built on first use by pipeline/pdf/native.py; without a C compiler chars.py keeps
 * its Python loop. */
#include <math.h>
#include <stdint.h>
#include <stdlib.h>

typedef struct { float left, top, right, bottom; } rectf;   /* FS_RECTF */
typedef void *(*text_object_fn)(void *, int);
typedef int (*char_box_fn)(void *, int, double *, double *, double *, double *);
typedef int (*loose_box_fn)(void *, int, rectf *);
typedef int (*char_origin_fn)(void *, int, double *, double *);
typedef double (*font_size_fn)(void *, int);
typedef int (*font_weight_fn)(void *, int);
typedef float (*char_angle_fn)(void *, int);

/* str.isspace() of Python: these code points and no other (the test checks) */
int vb_isspace(uint32_t u) {
    if (u <= 0x20) return u == 0x20 || (u >= 0x09 && u <= 0x0d) || (u >= 0x1c && u <= 0x1f);
    if (u < 0x85) return 0;
    return u == 0x85 || u == 0xa0 || u == 0x1680 || (u >= 0x2000 && u <= 0x200a) || u == 0x2028
           || u == 0x2029 || u == 0x202f || u == 0x205f || u == 0x3000;
}

/* Fields of the visible characters, each an array of n doubles in `out`, in this order */
enum { X0, TOP, X1, BOTTOM, BASE, SIZE, SPACE, BOLD, DIR, FIELDS };

/* Direction codes: 0 "+x", 1 "-y", 2 "-x", 3 "+y" (quarter turns, clockwise) */
static int direction(double angle) {
    if (angle < 0.0) angle = 0.0;                          /* max(angle, 0.0) */
    if (angle == 0.0) return 0;
    double q = rint(angle / (M_PI / 2));                   /* Python's round(): half to even */
    return (int)fmod(q, 4.0);
}

/* Returns how many visible characters were written to out[k * n + j]. */
int vb_read_chars(void *tp, int n, const uint32_t *text, double width, double height, void **fns,
                  double *out) {
    text_object_fn text_object = (text_object_fn)fns[0];
    char_box_fn char_box = (char_box_fn)fns[1];
    loose_box_fn loose_box = (loose_box_fn)fns[2];
    char_origin_fn char_origin = (char_origin_fn)fns[3];
    font_size_fn font_size = (font_size_fn)fns[4];
    font_weight_fn font_weight = (font_weight_fn)fns[5];
    char_angle_fn char_angle = (char_angle_fn)fns[6];
    double l = 0.0, r = 0.0, b_ = 0.0, t_ = 0.0, ox = 0.0, oy = 0.0;
    rectf loose = {0.0f, 0.0f, 0.0f, 0.0f};
    int space = 0, first = 1, bold = 0, level = 0, small = 0, dir = 0, m = 0;
    void *run = 0;
    double run_size = 0.0, run_base = 0.0;
    for (int i = 0; i < n; i++) {
        uint32_t c = text[i];
        if (vb_isspace(c)) {
            if (c != '\r' && c != '\n') space = 1;
            continue;
        }
        void *obj = text_object(tp, i);
        if (first || obj != run || obj == 0) {
            first = 0;
            run = obj;
            run_size = font_size(tp, i);
            small = run_size < 3;
            bold = font_weight(tp, i) >= 600;
            double angle = (double)char_angle(tp, i);
            level = angle == 0.0;
            if (level) {
                char_origin(tp, i, &ox, &oy);
                run_base = height - oy;
                dir = 0;
            } else {
                dir = direction(angle);
            }
        }
        char_box(tp, i, &l, &r, &b_, &t_);
        loose_box(tp, i, &loose);
        double left = (double)loose.left, right = (double)loose.right;
        double x0, x1, t, b, base, size = run_size;
        if (level) {
            t = height - t_;
            b = height - b_;
            x0 = left; x1 = right; base = run_base;
            if (small) size = b - t > 1.0 ? b - t : 1.0;
        } else {                                           /* _upright_char */
            char_origin(tp, i, &ox, &oy);
            if (dir == 0) { x0 = left; x1 = right; t = height - t_; b = height - b_; base = height - oy; }
            else if (dir == 3) { x0 = b_; x1 = t_; t = left; b = right; base = ox; }
            else if (dir == 1) { x0 = height - t_; x1 = height - b_; t = width - right; b = width - left; base = width - ox; }
            else { x0 = width - right; x1 = width - left; t = b_; b = t_; base = oy; }
            if (size < 3) size = 1.0 > b - t ? 1.0 : b - t;     /* max(b - t, 1.0) */
        }
        out[X0 * n + m] = x0; out[TOP * n + m] = t; out[X1 * n + m] = x1; out[BOTTOM * n + m] = b;
        out[BASE * n + m] = base; out[SIZE * n + m] = size; out[SPACE * n + m] = space;
        out[BOLD * n + m] = bold; out[DIR * n + m] = dir;
        space = 0;
        m++;
    }
    return m;
}

/* A page's rulings (pipeline/pdf/rulings.py, ruling(); its Python loop is the
 * reference and the tests compare the two): its top-level path objects read with
 * pdfium's per-object and per-segment calls, painted in ink, split into straight
 * subpaths, each straight edge kept when horizontal or vertical.  Writes EDGE doubles
 * an edge: 0 horizontal or 1 vertical, then x0, top, x1, bottom, length; returns how
 * many edges, or -1 when `cap` edges are too few. */
typedef void *(*get_object_fn)(void *, int);
typedef int (*count_fn)(void *);
typedef int (*get_type_fn)(void *);
typedef void *(*get_segment_fn)(void *, int);
typedef int (*get_matrix_fn)(void *, float *);
typedef int (*get_point_fn)(void *, float *, float *);
typedef int (*segment_int_fn)(void *);
typedef int (*draw_mode_fn)(void *, int *, int *);
typedef int (*colour_fn)(void *, unsigned *, unsigned *, unsigned *, unsigned *);

enum { EDGE = 6, MOVETO = 2, LINETO = 0 };   /* FPDF_SEGMENT_MOVETO, FPDF_SEGMENT_LINETO */

typedef struct {
    double height, *out;
    long n, cap;
} edges;

/* rulings.py's _add_edge */
static void add_edge(edges *e, double x0, double y0, double x1, double y1) {
    double *o;
    if (fabs(y1 - y0) < 1.0 && fabs(x1 - x0) > 5) {
        if (e->n >= e->cap) { e->n = e->cap + 1; return; }
        double lo = x0 <= x1 ? x0 : x1, hi = x0 <= x1 ? x1 : x0, top = e->height - y0;
        o = e->out + EDGE * e->n++;
        o[0] = 0; o[1] = lo; o[2] = top; o[3] = hi; o[4] = top; o[5] = hi - lo;
    } else if (fabs(x1 - x0) < 1.0 && fabs(y1 - y0) > 5) {
        if (e->n >= e->cap) { e->n = e->cap + 1; return; }
        double a = e->height - y0, b = e->height - y1;
        double lo = b < a ? b : a, hi = b < a ? a : b;      /* sorted((a, b)) */
        o = e->out + EDGE * e->n++;
        o[0] = 1; o[1] = x0; o[2] = lo; o[3] = x0; o[4] = hi; o[5] = hi - lo;
    }
}

/* One straight subpath (points xy[0..k-1]) of a path: ruling()'s loop body */
static void subpath(edges *e, const double *xy, int k, int closed, int stroked, double thin) {
    if (!stroked) {
        double x_lo = xy[0], x_hi = xy[0], y_lo = xy[1], y_hi = xy[1];
        for (int j = 1; j < k; j++) {
            double x = xy[2 * j], y = xy[2 * j + 1];
            if (x < x_lo) x_lo = x;
            if (x > x_hi) x_hi = x;
            if (y < y_lo) y_lo = y;
            if (y > y_hi) y_hi = y;
        }
        double w = x_hi - x_lo, h = y_hi - y_lo;
        if ((h < w ? h : w) > thin) return;                 /* a filled area: background */
    }
    for (int j = 0; j + 1 < k; j++) add_edge(e, xy[2 * j], xy[2 * j + 1], xy[2 * j + 2], xy[2 * j + 3]);
    if (closed || !stroked) add_edge(e, xy[2 * (k - 1)], xy[2 * (k - 1) + 1], xy[0], xy[1]);
}

/* _Paint._ink */
static int ink(colour_fn colour, void *obj, int painted, unsigned white) {
    unsigned r, g, b, alpha;
    if (!painted) return 0;
    if (!colour(obj, &r, &g, &b, &alpha)) return 1;
    unsigned lo = r < g ? r : g;
    if (b < lo) lo = b;
    return alpha > 0 && lo < white;
}

long vb_page_rulings(void *page, void **fns, int path_type, double height, unsigned white, double thin,
                     double *out, long cap) {
    count_fn count_objects = (count_fn)fns[0];
    get_object_fn get_object = (get_object_fn)fns[1];
    get_type_fn get_type = (get_type_fn)fns[2];
    get_matrix_fn get_matrix = (get_matrix_fn)fns[3];
    count_fn count_segments = (count_fn)fns[4];
    get_segment_fn get_segment = (get_segment_fn)fns[5];
    get_point_fn get_point = (get_point_fn)fns[6];
    segment_int_fn segment_type = (segment_int_fn)fns[7];
    segment_int_fn segment_close = (segment_int_fn)fns[8];
    draw_mode_fn draw_mode = (draw_mode_fn)fns[9];
    colour_fn fill_colour = (colour_fn)fns[10];
    colour_fn stroke_colour = (colour_fn)fns[11];
    edges e = {height, out, 0, cap};
    double *xy = 0;
    long xy_cap = 0;
    int n = count_objects(page);
    for (int i = 0; i < n; i++) {
        void *obj = get_object(page, i);
        if (!obj || get_type(obj) != path_type) continue;
        int fill = 0, stroke = 0, stroked, filled;
        if (!draw_mode(obj, &fill, &stroke)) {
            stroked = 1; filled = 0;                         /* unknown: read it as a stroke */
        } else {
            stroked = ink(stroke_colour, obj, stroke, white);
            filled = ink(fill_colour, obj, fill, white);
        }
        if (!(stroked || filled)) continue;
        int k = count_segments(obj);
        if (k <= 0) continue;
        if (2L * k > xy_cap) {
            free(xy);
            xy_cap = 2L * k;
            xy = malloc(sizeof(double) * xy_cap);
            if (!xy) return -2;
        }
        float m[6] = {0, 0, 0, 0, 0, 0};                     /* FS_MATRIX: a b c d e f */
        get_matrix(obj, m);
        double a = m[0], b = m[1], c = m[2], d = m[3], ee = m[4], f = m[5];
        float fx = 0.0f, fy = 0.0f;
        int start = 0, len = 0, closed = 0;                  /* the current subpath: xy[start..] */
        for (int s = 0; s < k; s++) {
            void *seg = get_segment(obj, s);
            get_point(seg, &fx, &fy);
            double x = fx, y = fy;
            double px = a * x + c * y + ee, py = b * x + d * y + f;
            int kind = segment_type(seg);
            if (kind == MOVETO) {
                if (len > 1) subpath(&e, xy + 2 * start, len, closed, stroked, thin);
                start = s; len = 1; closed = 0;
            } else if (kind == LINETO && len > 0) {
                len++;
            } else {                                         /* a curve: no ruling runs through it */
                if (len > 1) subpath(&e, xy + 2 * start, len, closed, stroked, thin);
                start = s; len = 1;
            }
            xy[2 * s] = px; xy[2 * s + 1] = py;
            if (kind != MOVETO && segment_close(seg)) closed = 1;
        }
        if (len > 1) subpath(&e, xy + 2 * start, len, closed, stroked, thin);
    }
    free(xy);
    return e.n > cap ? -1 : e.n;
}
