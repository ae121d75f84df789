"""Items that state a rate, a share or a quota, not work.

    is_rate(text)     "Mức 400.000 đồng/người/buổi ...", "<label>: ngân sách trung ương hỗ trợ 70% ...",
                      "<label>: Chỉ tiêu xét tối đa 3 tập thể và 6 cá nhân"
"""
from __future__ import annotations

import re

from .columns import clean
from .cues import has_duty, has_duty_verb, phrases

# A rate: an opening word and an amount ("Mức 400.000 đồng/người/buổi", "Mức 1.500.000 đồng")
RATE = re.compile(r"^(?P<word>\w+)\s+\d[\d.,]*\s*(?:đồng|%|triệu|nghìn)", re.I)
# A share: "70%", "12,5 %"; the end of a clause: "; ", ". "
SHARE = re.compile(r"\d+(?:[.,]\d+)?\s*%")
CLAUSE_STOP = re.compile(r"[;.]\s")


def is_rate(text: str) -> bool:
    """Does an item state a rate, not work ("Mức 400.000 đồng/người/buổi áp dụng đối với Trưởng ban"), or a share
    or a quota after a label's colon, no work in the label or the clause (not "Trung tâm dữ liệu quốc gia thực hiện mở
    rộng : (1) Cung cấp dịch vụ ... cho 100% hệ thống ...", outputs 091 Điều 1.VII.3.đ; "... từ 20% trở xuống: ngân sách trung ương hỗ trợ 70%
    mức ...", "...; ban ngành thành phố: Chỉ tiêu xét tối đa 3 tập thể và 6 cá nhân": `quota_words`)?"""
    m = RATE.match(clean(text))
    if m is not None and m.group("word").casefold() in phrases().rate_openers:
        return True
    label, colon, rest = clean(text).partition(":")
    first = CLAUSE_STOP.split(rest, maxsplit=1)[0]
    low = first.casefold()
    quota = SHARE.search(first) is not None or low.lstrip().startswith(phrases().quota_words)
    return bool(colon) and quota and not any(has_duty(x) or has_duty_verb(x) for x in (label, first))
