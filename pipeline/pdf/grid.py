"""Ruled-table cells from a page's ruling strokes: the cells pdfplumber's table finder
finds from explicit edges (snap, join, intersect, smallest cell at each crossing, cells
grouped by shared corners: pdfplumber 0.11's TableFinder with its default tolerances),
computed on plain tuples with crossings looked up by position instead of compared pair
by pair.  The same floating-point steps in the same order, so the same cells: a test
compares them with pdfplumber's on the corpus pages that have rulings
(tests/test_pdf_grid.py)."""
from __future__ import annotations

from itertools import groupby
from operator import itemgetter

_SNAP = 3.0          # pdfplumber's snap_tolerance
_JOIN = 3.0          # join_tolerance
_MIN_LENGTH = 3.0    # edge_min_length
_CROSS = 3.0         # intersection_tolerance

#: an edge: (x0, top, x1, bottom, length), top measured from the page top; its bbox is the first four
Edge = tuple


def table_cells(horizontal: list[Edge], vertical: list[Edge]) -> list[list[tuple]]:
    """The ruled tables of a page, each as its cells (x0, top, x1, bottom), top to bottom,
    from its rulings (pipeline/pdf/rulings.py): what `[t.cells for t in TableFinder(None,
    explicit settings).tables]` gives for the same edges as pdfplumber edge dicts."""
    h = _merged(horizontal, horizontal=True)
    v = _merged(vertical, horizontal=False)
    return _tables(_cells(_crossings(h, v)))


def _snapped(edges: list[Edge], horizontal: bool) -> list[Edge]:
    """pdfplumber's snap_objects: edges within the tolerance of one another (chained)
    moved to their cluster's mean position, cluster by cluster."""
    at = 1 if horizontal else 0
    values = sorted(set(e[at] for e in edges))
    cluster_of: dict[float, int] = {}
    k = -1
    last = None
    for x in values:
        if last is None or x > last + _SNAP:
            k += 1
        cluster_of[x] = k
        last = x
    clusters: list[list[Edge]] = [[] for _ in range(k + 1)]
    for e in edges:
        clusters[cluster_of[e[at]]].append(e)
    out: list[Edge] = []
    for cluster in clusters:
        avg = sum(e[at] for e in cluster) / len(cluster)
        for x0, top, x1, bottom, length in cluster:
            if horizontal:
                d = avg - top
                out.append((x0, top + d, x1, bottom + d, length))
            else:
                d = avg - x0
                out.append((x0 + d, top, x1 + d, bottom, length))
    return out


def _merged(edges: list[Edge], horizontal: bool) -> list[Edge]:
    """Snapped, then joined along each line (pdfplumber's merge_edges), then the short ones
    dropped (filter_edges)."""
    if not edges:
        return []
    at, lo, hi = (1, 0, 2) if horizontal else (0, 1, 3)
    out: list[Edge] = []
    for _, group in groupby(sorted(_snapped(edges, horizontal), key=itemgetter(at)), key=itemgetter(at)):
        line = sorted(group, key=itemgetter(lo))
        joined = [line[0]]
        for e in line[1:]:
            last = joined[-1]
            if e[lo] <= last[hi] + _JOIN:
                if e[hi] > last[hi]:        # pdfplumber's resize_object: length grows by the difference
                    grown = list(last)
                    grown[hi] = e[hi]
                    grown[4] = e[hi] - last[lo] if horizontal else last[4] + (e[hi] - last[hi])
                    joined[-1] = tuple(grown)
            else:
                joined.append(e)
        out += joined
    return [e for e in out if e[4] >= _MIN_LENGTH]


def _crossings(h: list[Edge], v: list[Edge]) -> dict[tuple, tuple[set, set]]:
    """Where a vertical and a horizontal edge meet (within the tolerance): the point
    (the vertical's x, the horizontal's y) with the bboxes of the edges through it."""
    points: dict[tuple, tuple[set, set]] = {}
    hs = sorted(h, key=itemgetter(1, 0))
    for ve in sorted(v, key=itemgetter(0, 1)):
        x, top, _, bottom, _ = ve
        for he in hs:
            y = he[1]
            if y - _CROSS > bottom:
                break                        # hs ascend by y: none further down meets it
            if top <= y + _CROSS and he[0] - _CROSS <= x <= he[2] + _CROSS:
                pair = points.get((x, y))
                if pair is None:
                    pair = points[(x, y)] = (set(), set())
                pair[0].add(ve[:4])
                pair[1].add(he[:4])
    return points


def _cells(points: dict[tuple, tuple[set, set]]) -> list[tuple]:
    """pdfplumber's intersections_to_cells: from each crossing, the smallest cell whose four
    corners are crossings joined by edges (the nearest corner below first, then right)."""
    order = sorted(points)
    below_of: dict[float, list[tuple]] = {}
    right_of: dict[float, list[tuple]] = {}
    for p in order:                          # ascending: below by y, right by x
        below_of.setdefault(p[0], []).append(p)
        right_of.setdefault(p[1], []).append(p)
    cells = []
    for pt in order:
        verticals, horizontals = points[pt]
        column, row = below_of[pt[0]], right_of[pt[1]]
        below = column[column.index(pt) + 1:]
        right = row[row.index(pt) + 1:]
        cell = _smallest(pt, below, right, verticals, horizontals, points)
        if cell is not None:
            cells.append(cell)
    return cells


def _smallest(pt, below, right, verticals, horizontals, points):
    for b in below:
        b_vertical, b_horizontal = points[b]
        if verticals.isdisjoint(b_vertical):
            continue
        for r in right:
            r_vertical, _ = points[r]
            if horizontals.isdisjoint(points[r][1]):
                continue
            corner = points.get((r[0], b[1]))
            if corner is not None and not corner[0].isdisjoint(r_vertical) \
                    and not corner[1].isdisjoint(b_horizontal):
                return (pt[0], pt[1], r[0], b[1])
    return None


def _corners(cell: tuple) -> tuple:
    x0, top, x1, bottom = cell
    return ((x0, top), (x0, bottom), (x1, top), (x1, bottom))


def _tables(cells: list[tuple]) -> list[list[tuple]]:
    """pdfplumber's cells_to_tables: cells grouped while they share a corner with the
    group, in its pass order; groups of one cell dropped; top to bottom, then left."""
    remaining = list(cells)
    corners: set = set()
    current: list[tuple] = []
    tables = []
    while remaining:
        before = len(current)
        kept = []
        for cell in remaining:
            cc = _corners(cell)
            if not current or any(c in corners for c in cc):
                corners.update(cc)
                current.append(cell)
            else:
                kept.append(cell)
        remaining = kept
        if len(current) == before:
            tables.append(current)
            corners, current = set(), []
    if current:
        tables.append(current)
    tables.sort(key=lambda t: min((c[1], c[0]) for c in t))
    return [t for t in tables if len(t) > 1]
