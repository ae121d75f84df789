"""Tasks extractor: who must do what by when, from body paragraphs and appendix tables.

    extract_tasks(doc: LaidOut, tree: list[Node], metadata: Metadata) -> tuple[list[Task], list[Warning]]
    read_assignment(text) -> (lead, coordinators) | None      one task sentence

Vocabulary: lead  # chủ trì;  coordinators  # phối hợp;  deadline  # thời hạn.

1. Task tables (table.py, flat.py; columns.py holds the one column vocabulary): every real Table and FlatTable whose
   header names a description and a lead column; when layout marked no table,
   a flattened table is looked for in the paragraphs (a `TT | Nội dung ...` header).
2. Per-task blocks (blocks.py): a numbered item followed by labelled bullets
   (`- Đơn vị chủ trì: ...`, `- Thời gian thực hiện: ...`): body tasks at the item's path
   (they are written in the text, not in a table).
3. Body tasks (assignment.py): a section node whose heading or first words name the body
   responsible (`1.1. Sở Thông tin và Truyền thông: Chủ trì, phối hợp với ...`,
   `Giao Sở Tài chính chủ trì ...`, `UBND các huyện ... cụ thể hóa ...`); its
   bullets and lettered items inherit the body unless they name their own. A heading that names the holder
   between a head and a tail (holder_headings.py: `Điều 5. Nội dung Sở Dân tộc và Tôn giáo có trách nhiệm chủ trì`,
   `Điều 14. Trách nhiệm của Sở Dân tộc và Tôn giáo`) hands it to its numbered items too.
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Optional

from vanban.lexicon import fold_key, load

from vanban.pipeline.types import FlatTable, LaidOut, Node, Paragraph, Table
from vanban.schemas.models import Metadata, Task, Warning

from ..bodies import find_bodies
from ..deadlines import find_deadline
from .assignment import LETTER_MARKER, LEAD_COLON, Assign, analyse, assignment, node_text, read_assignment
from .openers import strip_opener
from .rates import is_rate
from .coordinators import coordinators_in
from .cues import phrases, starts_of
from .lead_names import all_bodies, names_only
from .lead_trim import name_fits, of_issuer
from .holder_headings import is_repealed, lists_cases
from .later import later_holders, with_later_sentences
from .letters import front_requests
from .members import members_heading
from .columns import clean
from .blocks import block_fields, block_task, is_block_label
from .flat import find_flat_regions, tasks_from_flat
from .table import tasks_from_table

__all__ = ["extract_tasks", "read_assignment"]

# Bullet markers of the tree
BULLETS = {"-", "–", "—", "+", "•", "∙", "·"}


def extract_tasks(doc: LaidOut, tree: list[Node], metadata: Metadata,
                  front: Optional[Node] = None) -> tuple[list[Task], list[Warning]]:
    """`front`: the text before the first heading (the "preamble" or "body" node), read for a letter's requests."""
    year = _doc_year(metadata)
    tasks: list[Task] = []
    warnings: list[Warning] = []
    used: set[int] = set()                          # ids of blocks read as task tables

    # 1. task tables
    for res, blocks in _table_results(doc, year, _appendix_of_blocks(tree)):
        if res.tasks:
            used.update(id(b) for b in blocks)
            tasks += res.tasks
            warnings += res.warnings
    # 2-3. blocks and body paragraphs, walking the tree; a letter's requests (letters.py)
    whole, asked = front_requests(front, tree)
    tasks += [_body_task(front, whole, year)] if whole is not None else []
    for root in tree:
        tasks += [_body_task(root, asked[id(root)], year)] if id(root) in asked else []
        _walk(root, None, year, used, tasks, warnings)
    _unique_ids(tasks)
    for t in tasks:                                 # "Chánh Văn phòng" alone: the issuer's office
        t.lead, t.coordinators = of_issuer(t.lead, metadata.issuer.name), of_issuer(t.coordinators, metadata.issuer.name)
    return tasks, warnings + _unparsed_deadline_warnings(tasks, warnings)


def _doc_year(metadata: Metadata) -> Optional[int]:
    if metadata.date and metadata.date[:4].isdigit():
        return int(metadata.date[:4])
    return None


# --------------------------------------------------------------------------- tables

def _appendix_of_blocks(tree: list[Node]) -> dict[int, str]:
    """{id(block): path of the appendix holding it} for blocks of the second and later appendices."""
    return {id(b): top.path for top in tree if top.path.startswith("appendix-") for n in top.walk() for b in n.blocks}


def _table_results(doc: LaidOut, year: Optional[int], appendix_of: dict[int, str]):
    found = False
    previous = None
    keys: set[str] = set()                          # row ids of the task tables read so far
    for b in doc.blocks:
        if isinstance(b, Table):
            res = tasks_from_table(b, year, previous=previous)
            if id(b) in appendix_of and keys & {t.id for t in res.tasks}:
                # rows numbered again from 1 in a later appendix: its rows are kept apart ("appendix-2.1")
                res = tasks_from_table(b, year, previous=previous, group_prefix=appendix_of[id(b)] + ".")
            keys |= {t.id for t in res.tasks}
            found |= bool(res.tasks)
            previous = res if res.roles else None
            yield res, [b]
        elif isinstance(b, FlatTable):
            previous = None
            offs, pos = [], b.start
            for x in b.lines:
                offs.append(pos)
                pos += len(x.text) + 1
            res = tasks_from_flat([x.text for x in b.lines], year, page=b.page, offsets=offs)
            for t in res.tasks:                     # the page of the row's first line
                t.page = next((x.page for x, o in zip(b.lines, offs) if t.start is not None and o >= t.start
                               and x.page is not None), t.page)
            found |= bool(res.tasks)
            yield res, [b]
        elif isinstance(b, Paragraph) and previous is not None and len(b.text) > 200:
            previous = None                             # text between two tables: not one table
    if found:
        return
    # no table marked by layout: look for a flattened task table among the paragraphs
    for first, end in find_flat_regions(doc.blocks):
        region = [p for p in doc.blocks[first:end] if isinstance(p, Paragraph)]
        res = tasks_from_flat([p.text for p in region], year, page=region[0].page,
                              offsets=[p.start for p in region])
        for t in res.tasks:
            t.page = _page_of(region, t) or t.page
        yield res, region


def _page_of(region: list[Paragraph], task: Task) -> Optional[int]:
    if task.start is None:
        return None
    return next((p.page for p in region if p.start <= task.start <= p.end), None)




def _walk(node: Node, inherited: Optional[Assign], year, used: set[int], tasks: list[Task],
          warnings: list[Warning]) -> None:
    if node.blocks and all(id(b) in used for b in node.blocks) and not node.children:
        return
    if node.blocks and sum(id(b) in used for b in node.blocks) > len(node.blocks) // 2:
        return                                        # the node is a task table
    if fold_key(node.title) in _scope_sections():
        return                                        # "Đối tượng áp dụng": who a rule applies to, no work
    # per-task block: "a) <task>" + "- Đơn vị chủ trì: ..." children
    fields = block_fields([": ".join(x for x in (c.title, c.text) if x) for c in node.children
                           if c.marker in BULLETS])
    if "repeated" in fields:
        warnings.append(Warning(code="task_block_repeated", location=node.path,
                                message=f"several '{fields['repeated']}' bullets under one item: blocks not read"))
    elif "lead" in fields:
        t = block_task(node, fields, year, warnings)
        if t is not None:
            tasks.append(t)
        return
    own = assignment(node) if not is_block_label(node_text(node)) else None
    members = members_heading(node_text(node)) if own is None and node.children else None
    if members:                     # "1.3. Các cơ quan ... (gồm các Sở: Xây dựng, ...)" + its duties
        own = Assign(lead=members, coordinators=[], description="")
    if own is None and node.title and node.text and not _item_marks(clean(node.text)):
        own = _directive_text(clean(node.text))     # "2. Đẩy mạnh ... chính sách:" + "Các bộ khẩn trương trình ..."
    bullet = node.marker in BULLETS or LETTER_MARKER.fullmatch(node.marker or "") is not None
    if own is not None and inherited is not None and node.marker in BULLETS and not _names_itself(node) \
            and not (inherited.heading and _opens_with(node, own)):
        own = None                     # "- Các đơn vị nghiệp vụ ... tăng cường ..." under "8. Công an tỉnh:"; not "- Sở
        # Công Thương, Ban Quản lý Khu kinh tế tỉnh Lào Cai có trách nhiệm ..." under "2. Trách nhiệm của các Sở, ngành,
        # địa phương" (corpus 018): a holder heading's bullet that opens with its own holder keeps it
    if own is not None and own.lead:   # (after the test above, which later holders do not change: its first holder stays)
        own = with_later_sentences(node, own)       # "... tổng hợp số liệu. Bộ Tài chính, ... chịu trách nhiệm ..."
    current = own
    if own is None and inherited is not None and (bullet or node.marker.endswith(")")
                                                  or _item_of_lead_in(node, inherited.lead)
                                                  or (inherited.heading and _numbered(node))):
        text = node_text(node)
        if text:
            lead = _one_of(text, inherited.lead) or list(inherited.lead)
            if is_repealed(text):
                lead = []                           # "1. [17] (được bãi bỏ)": no duty left
            current = Assign(lead=lead + later_holders(text, lead), coordinators=coordinators_in(text), description=text)
    if is_block_label(node_text(node)):
        current = None                              # "- Cơ quan thực hiện: ..." belongs to its item's block
    items = _inline_items(node) if own is None or not _opens_with(node, own) else []
    if current is None and own is None or len(items) >= 2:
        # "(1) Thanh tra Chính phủ ban hành ...; (2) Bộ Công an chủ trì ..."; "b) ... đề nghị: (i) Ủy ban nhân dân
        # Thành phố Hồ Chí Minh chỉ đạo ... (ii) Bộ Công Thương chỉ đạo ..." (653/TB-VPCP): the items own their tasks
        if len(items) >= 2:
            own = current = None
        for mark, a in items:
            tasks.append(_body_task(node, a, year, path=f"{node.path}.{mark}"))
    if current is not None and current.lead:
        task_children = [c for c in node.children if c.marker in BULLETS or c.marker.endswith(")")
                         or _item_of_lead_in(c, current.lead) or (current.heading and _numbered(c))]
        if lists_cases(node.text.rstrip()):
            task_children = []                      # "... đối với các trường hợp sau đây:" + "a) Khi ...": cases
        # a holder heading's own text is no task when it only leads in to its items ("Bộ Nội vụ ... có nhiệm vụ, quyền
        # hạn sau:"), when there is none (a chapter "TRÁCH NHIỆM VÀ QUYỀN HẠN CỦA CÁC BỘ, NGÀNH" over its articles) or
        # when it only lists the holders ("Trách nhiệm của các Sở:" + "Xây dựng, Tài chính, Nội vụ.")
        lead_in = current.heading and (not current.description
                                       or bool(task_children) and node.text.rstrip().endswith(":"))
        if not lead_in and (not task_children or (current.description and own is not None and node.text.strip())) \
                and not names_only(current.description or node_text(node)) and not is_rate(node_text(node)):
            worked = _with_work(current, node)
            if worked is not None:
                tasks.append(_body_task(node, worked, year))
    cases = current is not None and lists_cases(node.text.rstrip())
    for c in node.children:
        _walk(c, current if current and current.lead and not cases else None, year, used, tasks, warnings)


@lru_cache(maxsize=None)
def _scope_sections() -> frozenset[str]:
    """Headings whose items are not tasks (lexicon/data/checks.yaml `not_task_sections`, shared with the
    self-check): "Đối tượng áp dụng", "Phạm vi điều chỉnh", "Cơ cấu tổ chức"."""
    return frozenset(fold_key(x) for x in load("checks.yaml")["not_task_sections"])


def _directive_text(text: str) -> Optional[Assign]:
    """The assignment a titled paragraph's text opens with, when it reads as a directive: an opener
    ("Giao Sở Nội vụ chủ trì ...") or a body followed by a directive word (assignment_words.yaml
    `directive_words`: "Các bộ khẩn trương trình Chính phủ ...", pool md/74e2ddc7b11340da.md III.2).
    A report's past actions under a heading ("Ủy ban nhân dân tỉnh ban hành Kế hoạch số ...") are no task."""
    low = text.casefold()
    address = next((w for w in phrases().address_words if low.startswith(w + " ")), "")
    text = text[len(address):].lstrip() if address else text   # "Các đồng chí Bộ trưởng, ... phải phát huy ..."
    a = analyse(text)
    if a is None or not a.lead:
        return None
    if strip_opener(text) != text or address:
        return a
    if _holder_lead_in(text, a):
        return Assign(lead=a.lead, coordinators=a.coordinators, description="")
    rest = text[len(a.lead[0]):].lstrip(" ,").casefold() if text.startswith(a.lead[0]) and len(a.lead) == 1 else ""
    return a if rest.startswith(phrases().directive) else None


def _holder_lead_in(text: str, a: Assign) -> bool:
    """Is a titled paragraph's text a lead-in naming the holder of the items below it: the holders and a colon
    ("1.2. Hỗ trợ khẩn cấp về nhà ở" + "Ủy ban nhân dân các tỉnh, thành phố:" + "a) Huy động ..."), or the holder
    directing another body (assignment_words.yaml `directing_words`: "Bộ Tài chính chỉ đạo Bảo hiểm xã hội Việt
    Nam:", pool md/a69069ae524315d9.md II.1.2, II.1.4)?  Its items are that holder's duties, as under a heading
    that names the holder."""
    if not text.endswith(":") or not text.startswith(a.lead[0]) or "." in text:
        return False
    head = text[:-1].rstrip()
    if all_bodies(head) and fold_key(head) == fold_key(", ".join(a.lead)):
        return True
    rest = head[len(a.lead[0]):].lstrip(" ,")
    word = next((w for w in _directing_words() if rest.casefold().startswith(w + " ")), None)
    return len(a.lead) == 1 and word is not None and all_bodies(rest[len(word):].strip())


@lru_cache(maxsize=None)
def _directing_words() -> tuple[str, ...]:
    return tuple(load("assignment_words.yaml")["directing_words"])


def _inline_items(node: Node) -> list[tuple[str, Assign]]:
    """Items numbered inside one paragraph, each naming its own body (pool md/74e2ddc7b11340da.md, III.3:
    "Khẩn trương xây dựng ...: (1) Thanh tra Chính phủ ban hành trước ngày 25 tháng 11 năm 2025; (2) Bộ
    Công an chủ trì, phối hợp ..."): one task per item that names a body and gives it work, at the item's
    path ("III.3.1", "1.b.iv")."""
    text = clean(node.text)                        # items sit in the text ("4. Đẩy mạnh ... hành chính:" + "(1) Các bộ ...")
    marks = _item_marks(text)
    if len(marks) < 2:
        return []
    out = []
    for m, end in zip(marks, [x.start() for x in marks[1:]] + [len(text)]):
        piece = text[m.end():end].strip(" ;,.")
        a = analyse(piece[:1].upper() + piece[1:]) if piece else None
        if a is not None and a.lead:
            a = _with_work(Assign(lead=a.lead, coordinators=a.coordinators, description=piece), node)
            out += [(m.group("n"), a)] if a is not None else []
    return out


def _opens_with(node: Node, a: Assign) -> bool:
    """Does the node's text open with its lead ("a) Bộ Khoa học và Công nghệ: (1) trình ...")? Then its
    numbered items are that body's duties, not tasks of their own."""
    return bool(a.lead) and _key_start(node_text(node), 12).startswith(fold_key(a.lead[0])[:12])


def _key_start(text: str, n: int) -> str:
    """fold_key(text), or a start of it at least `n` characters long: the fold_key of a long text's first characters
    (a text's characters are folded one by one and its words found left to right, so the fold of its start is a start
    of its fold), not of a whole paragraph."""
    cut = 4 * n + 32
    if len(text) > cut:
        head = fold_key(text[:cut])
        if len(head) >= n:
            return head
    return fold_key(text)


def _item_marks(text: str) -> list[re.Match]:
    """The item numbers of a paragraph; roman items inside a numbered item are its parts ("(3) các bộ,
    ngành, địa phương tập trung: (i) Sửa đổi ...; (ii) Rà soát ...", 624/TB-VPCP III.4), not items.
    A text without a bracket has none: no regex pass over it (most paragraphs, issue 13)."""
    marks = list(INLINE_ITEM.finditer(text)) if "(" in text and ITEM_NUMBER.search(text) else []
    if any(m.group("n").isdigit() for m in marks):
        marks = [m for m in marks if m.group("n").isdigit()]
    return marks


#: an item number inside a paragraph: "(1) ", "(ii) " after a colon, a semicolon or the start
INLINE_ITEM = re.compile(r"(?:^|(?<=[:;.,]\s)|(?<=[:;.,]))\s*\((?P<n>\d{1,2}|[ivx]{1,4})\)\s+")
#: the number in brackets that every INLINE_ITEM holds, found by a literal search first (INLINE_ITEM's look-behinds
#: are tried at every character)
ITEM_NUMBER = re.compile(r"\((?:\d{1,2}|[ivx]{1,4})\)\s")


def _item_of_lead_in(node: Node, lead: list[str]) -> bool:
    """Is the node a numbered item under a paragraph that names the holder `lead` and leads in to the item
    with a colon: "3. Bộ trưởng Bộ Tài chính - Phó Trưởng ban Thường trực Ban Chỉ đạo 389 quốc gia tập trung
    lãnh đạo, chỉ đạo các đơn vị liên quan khẩn trương thực hiện một số nhiệm vụ sau:" + "3.1. Hoàn thiện Kế
    hoạch cao điểm ..." (pool md/8018a6f353d60a9e.md)? Then the item is that holder's duty, as a lettered item
    or a bullet is. A lead-in that names no holder ("Việc tuyển dụng công chức ... đối với từng nhóm đối
    tượng sau đây:") introduces a list, not duties."""
    parent = node.parent
    if parent is None or not node.marker[:1].isdigit() or not lead or not all(name_fits(n) for n in lead):
        return False                # (a name run past its end is not handed down: "Ủy ban nhân dân ... (tên)..…")
    own = [clean(b.text).rstrip() for b in parent.blocks if isinstance(b, Paragraph) and b.text.strip()]
    return bool(own) and own[-1].endswith(":") and fold_key(lead[0]) in fold_key(own[-1])


def _numbered(node: Node) -> bool:
    """Is the node a numbered item ("1.", "2.1."), which a holder heading above it hands its holder to?"""
    return node.marker[:1].isdigit()


def _one_of(text: str, leads: list[str]) -> list[str]:
    """The one holder, of several handed down, that an item opens with, as the item writes it up to its first duty
    verb: "c) Kế toán Quỹ chịu trách nhiệm theo dõi, quản lý công tác tài chính của Quỹ." under "2. Giám đốc, Phó Giám
    đốc và Kế toán:" is the accountant's ("Kế toán Quỹ"), not the three's (pool 1f9faa032326f975 appendix Điều 8.2.c);
    [] when it opens with none."""
    if len(leads) < 2:
        return []
    low = text.casefold()
    verb = next(starts_of(text, "verbs"), -1)
    for n in sorted(leads, key=len, reverse=True):
        if low.startswith(n.casefold() + " ") and verb > len(n) and len(text[len(n):verb].split()) <= 3:
            return [text[:verb].strip(" ,")]
    return []


def _names_itself(node: Node) -> bool:
    """Does a bullet name its own body the way an assignment does: "- Các sở, ban, ngành: ...",
    "- Giao Văn phòng Ủy ban nhân dân tỉnh ..."?"""
    text = node_text(node)
    if strip_opener(text) != text and not text.casefold().startswith(("yêu cầu", "chỉ đạo")):
        return True
    if node.title and all_bodies(node.title):
        return True
    m = LEAD_COLON.match(text)
    if m and all_bodies(m.group("who")):
        return True
    # "+ Sở Tài chính phối hợp Ban Quản lý Khu kinh tế Dung Quất ...: hướng dẫn ..." (pool md/4e39af96b6891368.md)
    parts = COORDINATE_IN_WHO.split(m.group("who"), maxsplit=1) if m else []
    return len(parts) == 2 and all(all_bodies(x) for x in parts)


#: a lead and the bodies it works with, before an item's colon: "Sở Tài chính phối hợp (với) Ban Quản lý ..."
COORDINATE_IN_WHO = re.compile(r"\s+phối hợp(?:\s+với)?\s+")



def _with_work(a: Assign, node: Node) -> Optional[Assign]:
    """The assignment, or None when its lead swallowed the whole description so no work is left:
    a list of units ("3. Vụ Công tố và Kiểm sát điều tra án an ninh;", pool md/c0d7ba6795eecf17.md), a
    category ("Đơn vị hành chính được phân loại I khi ..."). A paragraph that opens with "Giao" keeps its
    task, the lead cut to the body that begins it ("2. Giao Trung tâm Chuyển đổi số Thành phố cấu hình thủ
    tục hành chính ...", pool md/4bda44e45e4f1633.md)."""
    keys = {fold_key(n) for n in a.lead} | {fold_key(" ".join(a.lead))}
    longest = max(map(len, keys))
    if len(_key_start(a.description or node_text(node), longest + 1)) > longest:
        return a                                    # the description folds longer than every lead: work is left
    if fold_key(a.description or node_text(node)) not in keys:
        return a
    text = node_text(node)
    rest = strip_opener(text)
    spans = find_bodies(rest) if rest != text else []
    if rest == text or not spans or spans[0].start > 0 or len(rest[spans[0].end:].split()) < 2:
        return None
    return Assign(lead=[rest[:spans[0].end]], coordinators=a.coordinators, description=a.description)


def _body_task(node: Node, a: Assign, year, path: Optional[str] = None) -> Task:
    desc = a.description or node_text(node)
    own = [b for b in node.blocks if b.end > b.start]
    start = min((b.start for b in own), default=node.start)
    end = max((b.end for b in own), default=node.end)
    path = path or node.path
    return Task(id=f"body:{path}", origin="body", section=path, description=desc,
                lead=a.lead, coordinators=[c for c in a.coordinators if c not in a.lead],
                deadline=find_deadline(desc, year), page=node.page, start=start, end=end)



def _unparsed_deadline_warnings(tasks: list[Task], warnings: list[Warning]) -> list[Warning]:
    """A `deadline_unparsed` warning, located at the task, for every unparsed deadline that has none
    yet (deadlines read inside body text, ids made unique after the table warnings were written)."""
    warned = {w.location for w in warnings if w.code == "deadline_unparsed"}
    return [Warning(code="deadline_unparsed", location=t.id,
                    message=f"deadline not understood: {t.deadline.text[:100]!r}")
            for t in tasks if t.deadline is not None and t.deadline.kind == "unparsed" and t.id not in warned]


def _unique_ids(tasks: list[Task]) -> None:
    seen: dict[str, int] = {}
    for t in tasks:
        n = seen.get(t.id, 0)
        seen[t.id] = n + 1
        if n:
            t.id = f"{t.id}-{n + 1}"
