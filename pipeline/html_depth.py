"""Make hostile HTML parseable: nesting libxml2 refuses, attributes it cannot hold.

    flatten(text, max_depth=MAX_DEPTH) -> (text, changed)

libxml2 stops at 256 nested elements ("Excessive depth in document") and drops the
rest of the page; 100,000 nested <div>s around a real document would lose it. One
pass over the tags keeps a stack of the open elements: from CHAIN_DEPTH on, an element
opened right inside one of its name is left out with its closing tag (wrappers
collapse, their text stays); past max_depth any opening tag is; and an attribute list
longer than MAX_ATTRIBUTES characters is left out (a 50 MB `data-x` attribute).
Linear: each tag is pushed and popped once; a closing tag with no open element of
its name is kept for the parser and never searched for.
"""
from __future__ import annotations

import re

#: deepest nesting kept (libxml2's limit is 256; the reader recurses once per level)
MAX_DEPTH = 200
#: from this depth on, an element opened right inside another of its name (`<div><div>`) is
#: left out: wrappers collapse while the document's own structure below them stays whole
CHAIN_DEPTH = 32
#: longest attribute list kept, in characters
MAX_ATTRIBUTES = 65536
#: a tag: `<div class="x">`, `</div>`, `<br/>`
TAG = re.compile(r"<(/?)([a-zA-Z][\w:.-]*)([^<>]*)>")
#: elements that never hold others
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
        "track", "wbr"}
#: elements a sibling of the same name closes: `<p>a<p>b`, `<li>a<li>b`
SELF_CLOSING_SIBLINGS = {"p", "li", "dt", "dd", "tr", "td", "th", "option"}


def flatten(text: str, max_depth: int = MAX_DEPTH) -> tuple[str, bool]:
    out: list[str] = []
    stack: list[tuple[str, bool]] = []        # (name, kept)
    open_count: dict[str, int] = {}
    depth = 0                                 # kept elements open
    last = 0
    changed = False
    opened_at, opened = -1, ""                # end and name of the last opening tag
    for m in TAG.finditer(text):
        closing, name, attrs = m.group(1), m.group(2).lower(), m.group(3)
        keep = True
        if closing:
            if open_count.get(name):
                while stack:
                    top, kept = stack.pop()
                    open_count[top] -= 1
                    depth -= kept
                    if top == name:
                        keep = kept
                        break
        elif name not in VOID and not attrs.rstrip().endswith("/"):
            if name in SELF_CLOSING_SIBLINGS and stack and stack[-1][0] == name:
                _, kept = stack.pop()
                open_count[name] -= 1
                depth -= kept
            chained = name == opened and not text[opened_at:m.start()].strip()
            keep = depth < max_depth and not (chained and depth >= CHAIN_DEPTH)
            opened_at, opened = m.end(), name
            stack.append((name, keep))
            open_count[name] = open_count.get(name, 0) + 1
            depth += keep
        if keep and len(attrs) > MAX_ATTRIBUTES:
            out.append(text[last:m.start()])
            out.append(f"<{closing}{m.group(2)}>")
            last = m.end()
            changed = True
        elif not keep:
            out.append(text[last:m.start()])
            last = m.end()
            changed = True
    out.append(text[last:])
    return "".join(out), changed
