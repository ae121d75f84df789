"""Rich Text Format (.rtf) -> the legacy event stream (legacy_stream.py).

    rtf_events(data) -> Stream

A small interpreter of RTF's control words: fonts and charsets (\\fcharset), bold, paragraph,
cell and row ends; destinations that are not document text are skipped.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Optional

from .legacy_stream import ParEnd, Run, Stream

#: one RTF token: a control word '\fs24', a hex byte "\'b5", a control symbol '\~', a brace, or text
RTF_TOKEN = re.compile(rb"\\([a-zA-Z]+)(-?\d+)? ?|\\'([0-9a-fA-F]{2})|\\([^a-zA-Z])|([{}])|([^\\{}\r\n]+)|[\r\n]+")

#: destinations whose text is not document text
RTF_SKIP = {
    b"fonttbl", b"colortbl", b"stylesheet", b"info", b"pict", b"themedata", b"colorschememapping",
    b"datastore", b"latentstyles", b"fldinst", b"object", b"xmlnstbl", b"listtable",
    b"listoverridetable", b"rsidtbl", b"generator", b"header", b"headerl", b"headerr", b"headerf",
    b"footer", b"footerl", b"footerr", b"footerf", b"filetbl", b"revtbl", b"pgdsctbl",
    b"bkmkstart", b"bkmkend", b"nonshppict", b"shpinst", b"mmathPr", b"pntxta", b"pntxtb", b"footnote", b"annotation", b"atnid", b"atnauthor", b"private",
}
#: charset number (\fcharsetN) -> Python codec for \'xx bytes
RTF_CHARSETS = {0: "cp1252", 1: "cp1252", 2: "latin-1", 77: "mac_roman", 161: "cp1253", 162: "cp1254",
                163: "cp1258", 177: "cp1255", 178: "cp1256", 186: "cp1257", 204: "cp1251", 222: "cp874",
                238: "cp1250"}
RTF_SYMBOLS = {b"~": "\xa0", b"-": "", b"_": "-", b"{": "{", b"}": "}", b"\\": "\\"}
RTF_WORDS = {b"emdash": "—", b"endash": "–", b"lquote": "‘", b"rquote": "’", b"ldblquote": "“",
             b"rdblquote": "”", b"bullet": "•", b"tab": " ", b"line": "\n", b"enspace": " ",
             b"emspace": " ", b"qmspace": " "}


@dataclass
class _RtfState:
    font: Optional[int] = None
    bold: bool = False
    skip: bool = False
    uc: int = 1
    in_fonttbl: bool = False


def rtf_events(data: bytes) -> Stream:
    fonts: dict[int, tuple[str, int]] = {}
    state = _RtfState()
    stack: list[_RtfState] = []
    events: list = []
    pending: bytearray = bytearray()      # \'xx bytes waiting to be decoded in the current font
    text: list[str] = []
    skip_chars = 0
    centered = in_table = False
    deff: Optional[int] = None
    font_entry: dict = {}
    new_group = False

    def font_name() -> Optional[str]:
        f = state.font if state.font is not None else deff
        return fonts.get(f, ("", 0))[0] or None if f is not None else None

    def codec() -> str:
        f = state.font if state.font is not None else deff
        return RTF_CHARSETS.get(fonts.get(f, ("", 0))[1], "cp1252") if f is not None else "cp1252"

    def flush_bytes():
        if pending:
            text.append(bytes(pending).decode(codec(), "replace"))
            pending.clear()

    def flush_run():
        flush_bytes()
        if text:
            events.append(Run("".join(text), font_name(), state.bold))
            text.clear()

    for m in RTF_TOKEN.finditer(data):
        word, arg, hexb, sym, brace, plain = m.groups()
        if brace == b"{":
            flush_run()
            stack.append(_RtfState(**vars(state)))
            new_group = True
            continue
        if brace == b"}":
            flush_run()
            state = stack.pop() if stack else _RtfState()
            new_group = False
            continue
        first = new_group
        new_group = False
        if state.in_fonttbl:
            if word == b"f" and arg is not None:
                font_entry = {"n": int(arg), "charset": 0, "name": ""}
            elif word == b"fcharset" and arg is not None:
                font_entry["charset"] = int(arg)
            elif word == b"*" or sym == b"*" or word in (b"panose", b"falt"):
                state.skip = True
            elif plain and not state.skip and font_entry.get("n") is not None:
                font_entry["name"] += plain.decode("cp1252", "replace")
                if ";" in font_entry["name"]:
                    fonts[font_entry["n"]] = (font_entry["name"].split(";")[0].strip(), font_entry["charset"])
            continue
        if sym == b"*":
            state.skip = True
            continue
        if word is not None:
            if word == b"fonttbl":
                state.in_fonttbl = True
                continue
            if word in RTF_SKIP and (first or word in (b"pict", b"fldinst", b"themedata")):
                state.skip = True
                continue
            if state.skip:
                continue
            if skip_chars and word not in (b"par", b"cell", b"row"):
                skip_chars -= 1
                continue
            n = int(arg) if arg is not None else None
            if word == b"deff":
                deff = n
            elif word == b"f":
                flush_run()
                state.font = n
            elif word == b"plain":
                flush_run()
                state.font, state.bold = None, False
            elif word == b"b":
                flush_run()
                state.bold = n != 0
            elif word == b"uc":
                state.uc = n or 0
            elif word == b"u" and n is not None:
                flush_bytes()
                text.append(chr(n + 65536 if n < 0 else n))
                skip_chars = state.uc
            elif word == b"par" or word == b"sect" or word == b"page":
                flush_run()
                events.append(ParEnd(centered=centered, in_table=in_table))
            elif word == b"cell" or word == b"nestcell":
                flush_run()
                events.append(ParEnd(centered=centered, in_table=True, cell_end=True))
            elif word == b"row" or word == b"nestrow":
                flush_run()
                events.append(ParEnd(in_table=True, row_end=True))
            elif word == b"pard":
                centered = in_table = False
            elif word == b"intbl":
                in_table = True
            elif word == b"qc":
                centered = True
            elif word in (b"ql", b"qr", b"qj"):
                centered = False
            elif word in RTF_WORDS:
                flush_bytes()
                text.append(RTF_WORDS[word])
            continue
        if state.skip:
            continue
        if hexb is not None:
            if skip_chars:
                skip_chars -= 1
                continue
            pending.append(int(hexb, 16))
            continue
        if sym is not None:
            if sym in RTF_SYMBOLS:
                flush_bytes()
                text.append(RTF_SYMBOLS[sym])
            continue
        if plain:
            s = plain
            if skip_chars:
                drop = min(skip_chars, len(s))
                s, skip_chars = s[drop:], skip_chars - drop
            if s:
                flush_bytes()
                text.append(s.decode(codec(), "replace"))
    flush_run()
    return Stream(events=events)
