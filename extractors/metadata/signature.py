"""The signature block (chữ ký) and the recipients (nơi nhận) at the end of the body.

    find_signers(doc, tree) -> (signers, recipients, warnings)
    issuer_from_signers(signers) -> the body a TM. (thay mặt) line names, for a header with no issuer
    read_signers(lines) -> (signers, recipients, names that read as titles)
    is_title_like(text), is_person(text)

    signer        # người ký
    capacity      # thẩm quyền ký: KT. (ký thay), TL. (thừa lệnh), TUQ. (thừa ủy quyền), Q. (quyền)
    on_behalf_of  # TM. (thay mặt) a collective
    recipients    # nơi nhận
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Optional

from vanban.lexicon import load
from vanban.lexicon.casing import proper_case
from vanban.lexicon.header import header_vocab
from vanban.lexicon.patterns import BULLET, FOOTNOTE_LINE, ITEM_EDGES, RECIPIENTS_HEAD
from vanban.lexicon.signature import block_head_pattern, is_signature_line, signer_ranks
from vanban.lexicon.text import clean, fold_upper, is_upper_line, upper_run
from vanban.pipeline.segment import Segmented
from vanban.pipeline.types import LaidOut, Node, Paragraph, Table
from vanban.schemas.models import Signer, Warning

from .title import starts_authority
from .zones import split_embedded_appendix, split_header, table_lines

PREFIXED_TAIL = re.compile(r"\s((?:TM|KT|TL|TUQ|Q)\.\s*[A-ZĐÀ-Ỹ ]+)$")     # "... KT. CHỦ TỊCH" at a line's end
BEFORE_PREFIX = re.compile(r"\s(?=(?:TM|KT|TL|TUQ|Q)\.\s)")

#: A capacity prefix inside a recipients line flattened with the signature: "- Lưu: VT, TXNK (30b) KT. TỔNG CỤC TRƯỞNG"
INNER_PREFIX = re.compile(r"\s(?:TM|KT|TL|TUQ|Q)\.\s+(?=[^\W\d_a-zđ]{2})")


#: Words that may stand before the signer's name and are not part of it: "(Đã ký)", "[daky]"
SIGNED_MARK = re.compile(r"^[\[(]?\s*(?:Đã ký|đã ký|daky|ký)\s*[\])]?$")


@lru_cache(maxsize=None)
def _folded_titles() -> dict:
    """folded title -> proper title ('PHO GIAM DOC' -> 'Phó Giám đốc'), and the words of titles."""
    return {fold_upper(t): t for t in header_vocab().titles.values()}


@lru_cache(maxsize=None)
def _title_words() -> frozenset:
    v = header_vocab()
    return frozenset(w for t in list(v.titles) + list(v.collectives) for w in fold_upper(t).split())


def is_title_like(text: str) -> bool:
    """A title or capacity misread as a name: 'PHO GIAM ĐỌC', 'Phó Giám Đốc' (every word a word of a title)."""
    words = fold_upper(text).split()
    return bool(words) and all(w in _title_words() for w in words)


def tail_lines(doc: Segmented | LaidOut, tree: list[Node]) -> list[str]:
    """The lines of the signature block and Nơi nhận: body blocks that no section holds,
    from the first recipients/signature line on, before any appendix."""
    _, body = split_header(doc)
    held = {id(b) for n in tree for x in n.walk() for b in x.blocks}
    appendix_start = min((n.start for n in tree if n.marker == "appendix"), default=None)
    first = tree[0].start if tree else 0
    # a signature flattened into the paragraph that opens an appendix (web crawls)
    head_of = {}
    for n in tree:
        if n.marker == "appendix" and n.blocks and isinstance(n.blocks[0], Paragraph):
            cut = split_embedded_appendix(clean(n.blocks[0].text))
            if cut and cut[0] > 0:
                head_of[id(n.blocks[0])] = clean(n.blocks[0].text)[:cut[0]]
    lines: list[str] = []
    started = False
    for b in body:
        if id(b) in head_of:
            texts = [head_of[id(b)]]
        elif id(b) in held or b.start < first or (appendix_start is not None and b.start >= appendix_start):
            continue
        else:
            texts = table_lines(b) if isinstance(b, Table) else b.text.split("\n") if isinstance(b, Paragraph) else []
        for t in texts:
            t = clean(t)
            if not t:
                continue
            if not started and (RECIPIENTS_HEAD.match(t) or is_signature_line(t)
                                or is_signature_line(_trailing_upper(t)[1])
                                or t.startswith(header_vocab().prefixes) and _explode_signature(t) != [t]):
                started = True
            if started:
                lines.append(t)
    return lines


def _trailing_upper(line: str) -> tuple[str, str]:
    """(head, the run of upper-case words at the end): "- Bộ Nông nghiệp (để báo cáo); PHÓ CHỦ TỊCH"."""
    words = line.split()
    k = len(words)
    while k > 0 and not any(c.islower() for c in words[k - 1]) and any(c.isalpha() for c in words[k - 1]):
        k -= 1
    if k > 0 and words[k - 1] in ("TM.", "KT.", "TL.", "TUQ.", "Q."):
        k -= 1
    return " ".join(words[:k]), " ".join(words[k:])


def is_person(text: str) -> bool:
    """'Mai Sơn', 'Nguyễn Thành Sinh', 'NGUYỄN VĂN A': 2 to 5 capitalised words."""
    words = text.split()
    return 2 <= len(words) <= 5 and all(w.isalpha() and w[0].isupper() and (w[1:].islower() or w.isupper())
                                        for w in words)


def _split_signature(line: str) -> tuple[str, Optional[str]]:
    """A tail line into (recipient part, signature part): "- Như trên; KT. CHỦ TỊCH"."""
    if is_signature_line(line):
        return "", line
    head, run = _trailing_upper(line)
    if run and is_signature_line(run):
        return head, run
    # a title at the head of a recipient line wrapped beside it: "TRƯỞNG ĐOÀN tiện Phục vụ Đoàn kiểm tra);"
    run, rest = upper_run(line.split())
    if run and rest and rest[0][:1].islower() and is_signature_line(run) and not line.startswith(("-", "+", "•")):
        return " ".join(rest), run
    # "Nơi nhận: KT. CHỦ TỊCH" or "- Như trên; TM. ỦY BAN NHÂN DÂN" with the prefix in the middle
    m = PREFIXED_TAIL.search(line)
    if m and is_upper_line(m.group(1)):
        return line[:m.start()].strip(), m.group(1)
    return line, None


def _rejoined(lines: list[str]) -> list[str]:
    """Signature lines wrapped by the layout made one: a block head printed over two lines ("XÁC THỰC VĂN
    BẢN" / "HỢP NHẤT"), and a capacity wrapped after a comma ("KT. TRƯỞNG BAN CHÍNH SÁCH," / "THUẾ QUỐC TẾ",
    corpus 107: the second line was read as the signer's name)."""
    out: list[str] = []
    for line in lines:
        if out and not block_head_pattern().fullmatch(out[-1]) \
                and block_head_pattern().fullmatch(joined := f"{out[-1]} {line}"):
            out[-1] = joined
        elif out and out[-1].endswith(",") and is_signature_line(out[-1]) and is_upper_line(line) \
                and not is_signature_line(line) and not line.startswith(header_vocab().prefixes):
            out[-1] = f"{out[-1]} {line}"
        else:
            out.append(line)
    return out


def _without_rank(text: str) -> str:
    """A signer's name without the rank printed before it: "Thượng tướng Võ Minh Lương" -> "Võ Minh Lương"."""
    rank = next((r for r in signer_ranks() if text.startswith(r + " ")), None)
    return text[len(rank) + 1:] if rank and is_person(text[len(rank) + 1:]) else text


def _name_run(words: list[str]) -> str:
    """A person's name at the head of `words`: capitalised words, 2 to 5 of them."""
    k = 0
    while k < len(words) and k < 5 and words[k][:1].isupper() and words[k][1:].islower() and words[k].isalpha():
        k += 1
    return " ".join(words[:k]) if k >= 2 else ""


def _explode_signature(line: str) -> list[str]:
    """A signature flattened onto one line, into its lines:
    "KT. THỦ TƯỚNG PHÓ THỦ TƯỚNG Trần Hồng Hà" -> ["KT. THỦ TƯỚNG", "PHÓ THỦ TƯỚNG", "Trần Hồng Hà"]."""
    v = header_vocab()
    inner = INNER_PREFIX.search(line)
    if inner and line.startswith(("-", "+", "•")):
        # "- Lưu: VT, TXNK (30b) KT. TỔNG CỤC TRƯỞNG PHÓ TỔNG CỤC TRƯỞNG Nguyễn Dương Thái"
        return [line[:inner.start()].strip()] + _explode_signature(line[inner.start():].strip())
    if line.startswith(("-", "+", "•")):
        words = line.split()
        name = " ".join(words[-3:]) if is_person(" ".join(words[-3:])) else " ".join(words[-2:])
        head = line[:len(line) - len(name)].rstrip()
        head, run = _trailing_upper(head)
        if is_person(name) and run and all(x.strip() in v.titles for x in run.split(",") if x.strip()):
            # "- Lưu: VT, ĐMDN (2b). Trung Anh BỘ TRƯỞNG, CHỦ NHIỆM Mai Tiến Dũng"
            return [head, run, name]
        return [line]
    if not line.startswith(v.prefixes):
        return [line]
    upper, rest_words = upper_run(line.split())
    name = _name_run(rest_words)
    if not upper or (not name and rest_words):
        return [line]
    out: list[str] = []
    parts = [p for p in BEFORE_PREFIX.split(upper) if p]
    for part in parts:
        prefix = next((p for p in v.prefixes if part.startswith(p)), "")
        rest = part[len(prefix):].strip()
        title = next((t for t in sorted(v.titles, key=len, reverse=True)
                      if rest.endswith(" " + t) and len(rest) > len(t)
                      and (rest[:-len(t)].strip() in v.titles or prefix in v.on_behalf_prefixes)), None)
        if title:
            out += [f"{prefix} {rest[:-len(title)].strip()}".strip(), title]
        else:
            out.append(part)
    if name:
        out.append(name)
    return out


def read_signers(lines: list[str]) -> tuple[list[Signer], list[str], list[str]]:
    """(signers, recipients, lines where a name was expected but a title-like text stood)."""
    v = header_vocab()
    notes: list[str] = []
    signers: list[Signer] = []
    recipients: list[str] = []
    cur: dict = {}
    in_recipients = False
    exploded: list[str] = []
    for line in lines:
        exploded.extend(_explode_signature(line))
    exploded = _rejoined(exploded)
    for line in exploded:
        if FOOTNOTE_LINE.match(line):
            break                        # the footnotes printed after the signature: no recipient goes on into them
        if block_head_pattern().fullmatch(line):
            in_recipients = False        # "XÁC THỰC VĂN BẢN HỢP NHẤT": a consolidated text's signature follows
            continue
        rec, sig = _split_signature(line)
        rec = _without_rank(rec)
        if rec:
            m = RECIPIENTS_HEAD.match(rec)
            if m:
                in_recipients = True
                rest = rec[m.end():].strip(" :")
                if rest:
                    recipients.append(ITEM_EDGES.sub("", rest))
            elif BULLET.match(rec) or rec.startswith(("-", "+", "•")) or (in_recipients and rec[0].islower()):
                item = ITEM_EDGES.sub("", rec)
                if item:
                    recipients.append(item)
            elif SIGNED_MARK.match(rec):
                pass
            elif is_title_like(rec) and (cur or not signers) and is_person(rec):
                # an OCR'd title where the name should be: "PHO GIAM ĐỌC"; the title when it folds to one
                if fold_upper(rec) in _folded_titles() and "title" not in cur:
                    cur["title"] = _folded_titles()[fold_upper(rec)]
                else:
                    notes.append(rec)
            elif is_person(rec) and is_upper_line(rec) and starts_authority(rec) and "title" in cur:
                cur["title"] += " " + proper_case(rec)     # "PHÓ GIÁM ĐỐC" / "SỞ CÔNG THƯƠNG LÀO CAI"
            elif is_person(rec) and (cur or not signers) and (not is_upper_line(rec) or cur):
                cur["name"] = _name_case(rec)
                signers.append(Signer(**cur))
                cur = {}
                in_recipients = False
            elif in_recipients and recipients and not sig:
                recipients[-1] = ITEM_EDGES.sub("", recipients[-1] + " " + rec)
        if sig:
            sig = clean(sig)
            prefix = next((p for p in v.prefixes if sig.startswith(p)), None)
            if prefix:
                rest = sig[len(prefix):].strip(" .")          # "T/M. ĐOÀN KIỂM TRA"
                label = prefix if prefix.endswith(".") else prefix.replace("/", "") + "."
                if prefix in v.on_behalf_prefixes:
                    if "on_behalf_of" in cur and ("title" in cur or "capacity" in cur):
                        signers.append(Signer(**cur))
                        cur = {}
                    cur["on_behalf_of"] = f"{label} {_collective_case(rest)}"
                else:
                    cur["capacity"] = f"{label} {_title_case(rest)}"
            else:
                cur["title"] = _title_case(sig)
    if cur and ("title" in cur or "capacity" in cur):
        signers.append(Signer(**cur))
    return signers, [r for r in recipients if r], notes


def _title_case(t: str) -> str:
    v = header_vocab()
    t = " ".join(t.split())
    if "," in t:
        return ", ".join(_title_case(x) for x in t.split(",") if x.strip())
    if t.upper() in v.titles:
        return v.titles[t.upper()]
    if t.upper() in v.collectives:
        return v.collectives[t.upper()]
    # "CHỦ TỊCH ỦY BAN NHÂN DÂN" and other titles followed by a body
    for up, proper in sorted(v.titles.items(), key=lambda kv: -len(kv[0])):
        if t.upper().startswith(up + " "):
            return proper + " " + proper_case(t[len(up):].strip())
    return proper_case(t) if is_upper_line(t) else t


def _collective_case(t: str) -> str:
    v = header_vocab()
    if t.upper() in v.collectives:
        return v.collectives[t.upper()]
    return proper_case(t)


def _name_case(name: str) -> str:
    if is_upper_line(name):
        return " ".join(w.capitalize() for w in name.split())
    return name


def find_signers(doc: Segmented | LaidOut, tree: list[Node]) -> tuple[list[Signer], list[str], list[Warning]]:
    """Signers and recipients of the tail, with a warning for each name that could not be read."""
    signers, recipients, notes = read_signers(tail_lines(doc, tree))
    warnings = [Warning(code="signer_name_unreadable",
                        message=f"'{text}' stands where the signer's name should be but reads as a title")
                for text in notes]
    if not signers:
        warnings.append(Warning(code="signer_missing", message="no signature block found"))
    for sg in signers:
        if not sg.name:
            warnings.append(Warning(code="signer_name_missing",
                                    message=f"no readable name under '{sg.title or sg.capacity or sg.on_behalf_of}'"))
    return signers, recipients, warnings


def issuer_from_signers(signers: list[Signer]) -> Optional[str]:
    """The collective a signer signs for (TM.), when it names a body by itself: "TM. Chính phủ" -> Chính phủ,
    "TM. Ủy ban nhân dân tỉnh Lào Cai"; a bare "TM. Ủy ban nhân dân" names no province: None."""
    v = header_vocab()
    central = set(load("issuers.yaml")["symbol_issuers"].values())
    for sg in signers:
        if sg.on_behalf_of:
            name = sg.on_behalf_of.split(".", 1)[-1].strip()
            if name in central or name.upper() not in v.collectives:
                return name
    return None
