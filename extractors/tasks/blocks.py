"""Per-task blocks: a numbered item followed by labelled bullets
(`- Đơn vị chủ trì: ...`, `- Thời gian thực hiện: ...`), read as one body task.

    is_block_label(text) -> bool
    block_fields(lines) -> {role: value}
    block_task(node, fields, year, warnings) -> Task | None
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Optional

from vanban.pipeline.types import Node
from vanban.schemas.models import Task, Warning

from ..deadlines import parse_deadline
from .assignment import analyse, node_text
from .cues import has_duty
from .name_lists import split_names
from .columns import clean, column_role, fold, folded

# --------------------------------------------------------------------------- per-task blocks

@lru_cache(maxsize=65536)
def is_block_label(text: str) -> bool:
    """Does a bullet open with a per-task block label ("Cơ quan thực hiện: ...", "Thời gian thực hiện: ...")?
    Memoised per text (the walk asks about every node's text twice, issue 13)."""
    if ":" not in text:
        return False
    m = BLOCK_LABEL.match(clean(text))
    return bool(m) and fold(m.group("label")) in folded("block_labels")




def block_fields(lines: list[str]) -> dict[str, str]:
    """Labelled bullets of a per-task block -> {role: value}:
    "- Đơn vị chủ trì: Vụ Pháp luật hình sự - hành chính." -> {"lead": "Vụ Pháp luật ..."}.
    "- Cơ quan thực hiện: Sở X chủ trì, phối hợp với Y" -> {"lead": ..., "coordinators": ...}.
    Extra labels ("Sản phẩm") are kept under "extra:<label>"."""
    out: dict[str, str] = {}
    labels = folded("block_labels")
    for x in lines:
        m = BLOCK_LABEL.match(clean(x))
        if not m or fold(m.group("label")) not in labels:
            continue
        label, value = m.group("label"), m.group("value").strip().rstrip(".;")
        role = column_role(label)
        if role in ("lead", "coordinators", "deadline"):
            if role in out:
                out["repeated"] = label                # two blocks under one item: the tree missed an item
            out[role] = value
        elif role == "extra":
            out["extra:" + label] = value
    return out


# A labelled bullet: "- Đơn vị chủ trì: Cục Trợ giúp pháp lý.", "+ Thời gian thực hiện: Quý I/2015."
BLOCK_LABEL = re.compile(r"^[-+•]?\s*(?P<label>[^:\d]{3,60}?)\s*:\s*(?P<value>\S.*)$")


def block_task(node: Node, fields: dict[str, str], year, warnings: list[Warning]) -> Optional[Task]:
    desc = node_text(node)
    if not desc:
        return None
    tid = f"body:{node.path}"
    lead_text = fields.get("lead", "")
    coord = split_names(fields.get("coordinators", ""))
    # a sentence ("Sở X chủ trì, phối hợp với ...", "Sở X tiến hành rà soát ...; các sở ... rà soát ..."), or a list
    a = analyse(lead_text) if has_duty(lead_text) or len(lead_text.split()) > 20 else None
    if a is not None and a.lead:                    # "Sở LĐTBXH chủ trì, phối hợp với Liên đoàn Lao động tỉnh"
        lead = a.lead
        coord = coord + [c for c in a.coordinators if c not in coord]
    else:
        lead = split_names(lead_text)
    deadline = None
    if fields.get("deadline"):
        deadline, w = parse_deadline(fields["deadline"], year)
        warnings += [x.model_copy(update={"location": x.location or tid}) for x in w]
    extra = {k[6:]: v for k, v in fields.items() if k.startswith("extra:")}
    return Task(id=tid, origin="body", section=node.path, description=desc, lead=lead, coordinators=coord,
                deadline=deadline, extra=extra, page=node.page, start=node.start, end=node.end)

