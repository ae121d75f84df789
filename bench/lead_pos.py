#!/usr/bin/env python3
"""Does underthesea's part-of-speech tagging (a V after a name) help find where a lead's name ends?
(issue 10, class 1: a lead is a body, never a clause or a fragment.)

    python bench/lead_pos.py BASE_DIR [NEW_DIR]

BASE_DIR is a `vanban check --json -o DIR` output made before the lead fixes (main's baseline), NEW_DIR
one made after. The flagged leads of BASE_DIR (check_lead_not_body) and every lead of NEW_DIR are read
again, each with:
  rules          extractors/tasks/lead_trim.name_part (word lists, find_bodies), as shipped;
  rules + POS    the same, then the name cut before the first token underthesea tags V that follows a
                 known body (find_bodies) or stands three words or more into a name opened by a head.
It prints, for both: flagged leads kept as a name, fixed (no longer flagged) or dropped, and on all the
leads of NEW_DIR how many good names (not flagged) the extra cut changes, and the time per name.

Measured (pool, 630 inputs; BASE = main before the lead fixes, NEW = branch h-leads), underthesea 9.5:

    flagged leads (277)   fixed   dropped   still flagged   ms/name
    rules                    42         3             232       1.1
    rules + POS             117         3             157      20.9
    good leads of NEW (3423) changed by the POS cut: 166 (3.0 ms/name)

The POS cut "fixes" 75 more, but read by hand almost all are whole names cut short, not clauses cut off:
"Trung tâm Chuyển đổi số và|Truyền thông", "Cục trưởng Cục Đăng ký|giao dịch bảo đảm", "Người đứng đầu đơn
vị sự nghiệp|thuộc Bộ nhóm 1", "Bộ Chỉ huy quân sự cấp tỉnh, thành phố|trực thuộc trung ương" (trực thuộc,
tổ chức, liên quan, cấp, quản lý are tagged V inside names); about 5 of the distinct changes were right. On the
good leads it breaks 166 ("Thủ trưởng cơ quan|thuộc Chính phủ", "Tỉnh ủy|, thành ủy trực thuộc trung ương",
"Cục Quản lý|, giám sát tổ chức tín dụng"). So it is not used: word lists after a gazetteer body do better,
and the tagger costs 20x the time. Its useful finds ("Hội đồng Quản lý gồm có", "Ban Kiểm soát có các nhiệm
vụ") became word-list rules (composition_words, clause_openers).
"""
from __future__ import annotations

import json
import sys
import time
from pathlib import Path

from vanban.extractors.bodies import find_bodies
from vanban.extractors.tasks.cues import opens_with_head
from vanban.extractors.tasks.lead_trim import name_part, trim_tail
from vanban.pipeline.checks.names import name_fault


def flagged(base: Path) -> list[str]:
    out = []
    for f in sorted(base.glob("*/*.json")):
        for w in json.loads(f.read_text()).get("warnings", []):
            if w["code"] == "check_lead_not_body":
                out.append(w["message"].split(": ", 1)[1][1:-1])
    return out


def all_leads(new: Path) -> list[str]:
    return [n for f in sorted(new.glob("*/*.json")) for t in json.loads(f.read_text()).get("tasks", [])
            for n in t["lead"]]


def pos_cut(name: str) -> str:
    """The name before the first V token after a known body, or three words into a head-opened name."""
    from underthesea import pos_tag
    spans = find_bodies(name)
    at = 0
    for word, tag in pos_tag(name):
        at = name.find(word, at)
        if at < 0:
            break
        inside = any(b.start <= at < b.end for b in spans)
        after_body = any(b.end <= at for b in spans if b.start == 0)
        if tag == "V" and not inside and (after_body or (opens_with_head(name) and len(name[:at].split()) >= 3)):
            return trim_tail(name[:at])
        at += len(word)
    return name


def table(names: list[str], with_pos: bool) -> dict[str, int]:
    kept = fixed = dropped = 0
    for n in names:
        got = name_part(n)
        if got and with_pos:
            got = pos_cut(got)
        if not got:
            dropped += 1
        elif name_fault(got) is None:
            fixed += 1
        else:
            kept += 1
    return {"flagged": len(names), "fixed": fixed, "dropped (no body)": dropped, "still flagged": kept}


def main() -> None:
    base = Path(sys.argv[1])
    names = flagged(base)
    print("flagged leads of", base, ":", len(names))
    for with_pos in (False, True):
        t = time.perf_counter()
        row = table(names, with_pos)
        print("rules + POS" if with_pos else "rules      ", row, f"{(time.perf_counter() - t) / len(names) * 1000:.1f} ms/name")
    if len(sys.argv) > 2:
        leads = [n for n in all_leads(Path(sys.argv[2])) if name_fault(n) is None]
        t = time.perf_counter()
        changed = [(n, pos_cut(n)) for n in leads]
        changed = [(a, b) for a, b in changed if a != b]
        print(f"good leads of {sys.argv[2]}: {len(leads)}, changed by the POS cut: {len(changed)} "
              f"({(time.perf_counter() - t) / max(len(leads), 1) * 1000:.1f} ms/name)")
        for a, b in changed[:25]:
            print(f"   {a!r} -> {b!r}")


if __name__ == "__main__":
    main()
