"""Deadline grammar: real phrases from the corpus' task tables and prose -> kind/start/end/frequency.

Every row quotes a phrase as printed in a corpus document (file prefix in the comment)
or in the contract's table (shared/spec/output-contract.md).
"""
from __future__ import annotations

import pytest

from vanban.extractors.deadlines import find_deadline, parse_deadline
from vanban.lexicon import load

P, B, R, C, F, U = "period", "by_date", "recurring", "continuous", "from", "unparsed"

CASES = [
    # (printed, kind, start, end, frequency)
    # contract table
    ("Quý IV/2024", P, "2024-10-01", "2024-12-31", None),                       # bacgiang
    ("2024", P, "2024-01-01", "2024-12-31", None),                              # bacgiang
    ("Năm 2024 - 2025", P, "2024-01-01", "2025-12-31", None),
    ("Tháng 6/2025", P, "2025-06-01", "2025-06-30", None),
    ("6 tháng đầu năm 2025", P, "2025-01-01", "2025-06-30", None),
    ("Trước ngày 30/6/2025", B, None, "2025-06-30", None),
    ("Hằng năm", R, None, None, "yearly"),                                      # 030
    ("Định kỳ hằng năm", R, None, None, "yearly"),                              # 061
    ("Thường xuyên", C, None, None, None),                                      # 030, 032
    ("Từ năm 2024", F, "2024-01-01", None, None),
    ("Từ tháng 11/2025 đến khi kết thúc Tổng kiểm kê", F, "2025-11-01", None, None),  # pool 4e39af96, an event ends it
    ("Tháng 11/2025 đến khi kết thúc Tổng kiểm kê", U, None, None, None),   # no "từ": which of the two is the deadline
    ("Thường xuyên, hằng năm", R, None, None, "yearly"),                        # 030
    ("Trước ngày 31/01 năm liền kề", R, None, None, "yearly"),                  # 060/061
    ("Trước ngày 05 của tháng liền kề", R, None, None, "monthly"),              # 060/061
    ("trước ngày 20 hằng tháng", R, None, None, "monthly"),
    ("Thường xuyên trong năm", C, None, None, None),                            # 061
    ("Thực hiện thường xuyên khi có yêu cầu của bộ, ngành Trung ương.", C, None, None, None),  # 061
    ("Quí IV-2025", P, "2025-10-01", "2025-12-31", None),                       # 030
    ("Xong trong Quý II/2026", P, "2026-04-01", "2026-06-30", None),            # 001
    ("Triển khai thực hiện sáng kiến, mô hình, giải pháp và báo cáo kết quả thực hiện chậm nhất trong tháng 9/2026",
     B, None, "2026-09-30", None),                                              # 061
    ("Ban hành kế hoạch trong tháng 01/2026 và tổ chức thực hiện", P, "2026-01-01", "2026-01-31", None),  # 061: first milestone
    ("Theo hướng dẫn của Trung ương", U, None, None, None),                     # 060/061
    # real table cells
    ("Hàng năm", R, None, None, "yearly"),                                      # 001, 032 (old spelling)
    ("Hằng năm.", R, None, None, "yearly"),                                     # 036
    ("Định kỳ hằng tháng", R, None, None, "monthly"),                           # 061
    ("Tháng 12 hằng năm", R, None, None, "yearly"),                             # 033
    ("chậm nhất trong tháng 9 hằng năm", R, None, None, "yearly"),              # 060
    ("Thường xuyên hằng năm", R, None, None, "yearly"),                         # 027
    ("Thường xuyên, định kỳ hằng quý báo cáo về Sở Tài chính", R, None, None, "quarterly"),  # 036
    ("Quý IV/2025- Quý II/2026", P, "2025-10-01", "2026-06-30", None),          # 032 (range of quarters)
    ("Quý III Năm 2026", P, "2026-07-01", "2026-09-30", None),                  # 032
    ("Quý IV năm 2023", P, "2023-10-01", "2023-12-31", None),                   # 090
    ("Trong quý I năm 2026", P, "2026-01-01", "2026-03-31", None),              # 060
    ("Quý II, III/2015", P, "2015-04-01", "2015-09-30", None),                  # 097
    ("Quý II và III/2015", P, "2015-04-01", "2015-09-30", None),                # 097
    ("Quý I/2015", P, "2015-01-01", "2015-03-31", None),                        # 097
    ("Cả năm 2015", P, "2015-01-01", "2015-12-31", None),                       # 097
    ("Trong năm 2023, 2024", P, "2023-01-01", "2024-12-31", None),              # 090
    ("Năm 2025 - 2026", P, "2025-01-01", "2026-12-31", None),                   # 036
    ("Năm 2025-2030", P, "2025-01-01", "2030-12-31", None),                     # 036
    ("2026 - 2030", P, "2026-01-01", "2030-12-31", None),                       # 034
    ("2026-2030", P, "2026-01-01", "2030-12-31", None),                         # 034
    ("Trong năm 2026", P, "2026-01-01", "2026-12-31", None),                    # 061
    ("Tháng 02/2026", P, "2026-02-01", "2026-02-28", None),                     # 055
    ("Tháng 12/2025", P, "2025-12-01", "2025-12-31", None),                     # 055
    ("Xong trong tháng 5/2026", P, "2026-05-01", "2026-05-31", None),           # 001
    ("Ngày 09/11/2015", B, None, "2015-11-09", None),                           # 097: a bare date (contract 1.1)
    ("18/10/2025", B, None, "2025-10-18", None),                                # contract 1.1 row
    ("Trước ngày 30/11/2025", B, None, "2025-11-30", None),                     # 033
    ("Hoàn thành đầu tư, lắp đặt và vận hành xong trước ngày 01/01/2030", B, None, "2030-01-01", None),  # 001
    ("hoàn thành chậm nhất đến ngày 01 tháng 7 năm 2028", B, None, "2028-07-01", None),              # 009
    ("Đến năm 2030", B, None, "2030-12-31", None),                              # 085: "by the end of 2030"
    ("Bắt đầu triển khai từ năm 2026", F, "2026-01-01", None, None),            # 055
    ("Nhiệm vụ thường xuyên", C, None, None, None),                             # 085
    ("Thường xuyên trong tháng", C, None, None, None),                          # 061
    ("Thực hiện thường xuyên", C, None, None, None),                            # 027
    # written this way in real plans (the brief's list)
    ("Năm 2024 và các năm tiếp theo", F, "2024-01-01", None, None),
    ("Giai đoạn 2024-2030", P, "2024-01-01", "2030-12-31", None),
    ("Định kỳ 6 tháng", R, None, None, "half_yearly"),
    ("Hằng quý", R, None, None, "quarterly"),
    ("Tháng 10/2024", P, "2024-10-01", "2024-10-31", None),
    ("Quý I hằng năm", R, None, None, "yearly"),
    ("Trước ngày 15/12 hằng năm", R, None, None, "yearly"),
    ("Trong năm 2025", P, "2025-01-01", "2025-12-31", None),
    ("ngày 31 tháng mười hai năm 2025", B, None, "2025-12-31", None),           # month in words, a bare date
    # several milestones, references elsewhere, relative times: never guessed
    ("Ban hành kế hoạch chậm nhất là ngày 15/01/2026 và tổ chức thực hiện", B, None, "2026-01-15", None),  # 061
    ("Ban hành kế hoạch trong tháng 01/2026, tổ chức kiểm tra chậm nhất trong tháng 6/2026 và báo cáo "
     "kết quả khắc phục các tồn tại, hạn chế phát hiện qua kiểm tra chậm nhất trong tháng 8/2026", U, None, None, None),  # 061
    ("Báo cáo định kỳ theo thời gian quy định; thực hiện thường xuyên trong năm", U, None, None, None),  # 061
    ("Theo các mốc thời gian tại Quyết định số 1737/QĐ-UBND ngày 17/10/2025 của Chủ tịch UBND tỉnh", U, None, None, None),
    ("Sau 03 tháng kể từ khi có văn bản của Trung ương hoặc Quyết định liên quan của cơ quan có thẩm quyền",
     U, None, None, None),                                                      # 061
    ("Thực hiện định kỳ hằng năm; Riêng năm 2020 hoàn thành trong quý II/2020", U, None, None, None),  # 027
    ("Theo lộ trình triển khai Đề án", U, None, None, None),                    # 090
    ("Sau khi có Quy chế của TW", U, None, None, None),                         # 033
    ("Theo kế hoạch", U, None, None, None),                                     # 033
    ("02 lần/năm", U, None, None, None),                                        # 038 (sampling rate, not a deadline)
    ("Quý I, III/2015", U, None, None, None),                                   # two separate quarters
    ("Cuối năm 2025", U, None, None, None),                                     # 042 "cuối năm 2025": a part of a year
]


@pytest.mark.parametrize("printed,kind,start,end,frequency", CASES, ids=[c[0][:40] for c in CASES])
def test_parse_deadline(printed, kind, start, end, frequency):
    d, warnings = parse_deadline(printed, doc_year=2025)
    assert (d.kind, d.start, d.end, d.frequency) == (kind, start, end, frequency)
    assert d.text == " ".join(printed.split())
    assert any(w.code == "deadline_unparsed" for w in warnings) == (kind == U)


def test_no_year_takes_document_year_with_warning():
    # 001: "trước ngày 10/12" in a 2026 plan
    d, warnings = parse_deadline("trước ngày 10/12", doc_year=2026)
    assert (d.kind, d.end) == ("by_date", "2026-12-10")
    assert [w.code for w in warnings] == ["deadline_year_assumed"]


def test_no_year_and_no_document_year_is_unparsed():
    d, warnings = parse_deadline("trước ngày 10/12", doc_year=None)
    assert d.kind == "unparsed" and warnings[0].code == "deadline_unparsed"


@pytest.mark.parametrize("text", ["", "   ", "Ngày 31/02/2026", "Quý V/2026", "Tháng 13/2025"])
def test_impossible_or_empty_is_unparsed(text):
    assert parse_deadline(text, 2025)[0].kind == "unparsed"


FIND = [
    # (sentence from the corpus, expected phrase or None, kind, end)
    ("Sở Xây dựng chủ trì, phối hợp với các đơn vị liên quan hoàn thành chậm nhất đến ngày 01 tháng 7 năm 2028.",
     "chậm nhất đến ngày 01 tháng 7 năm 2028", "by_date", "2028-07-01"),                    # 009
    ("báo cáo kết quả về Sở Nội vụ trước ngày 06 tháng 12 năm 2025 để tổng hợp",
     "trước ngày 06 tháng 12 năm 2025", "by_date", "2025-12-06"),                           # 052
    ("- Thời gian thực hiện: Cả năm 2015.", "Cả năm 2015", "period", "2015-12-31"),         # 097
    ("nghiêm túc triển khai thực hiện; định kỳ trước ngày 30 tháng 11 hàng năm báo cáo kết quả thực hiện về UBND "
     "Thành phố", "trước ngày 30 tháng 11 hàng năm", "recurring", None),                    # 032
    ("đưa vào khai thác hiệu quả theo quy định của pháp luật và của Chính phủ, hoàn thành trước ngày 15 tháng 12 "
     "năm 2025.", "hoàn thành trước ngày 15 tháng 12 năm 2025", "by_date", "2025-12-15"),    # 056
    ("b) Định kỳ hằng năm (trước ngày 15 tháng 12) báo cáo kết quả về Ủy ban nhân dân thành phố",
     "Định kỳ hằng năm (trước ngày 15 tháng 12", "recurring", None),                         # 039
    ("đơn vị có nhu cầu chuyển hệ thống công nghệ thông tin có sẵn về Trung tâm dữ liệu quốc gia (hoàn thành "
     "trong Quý IV năm 2025); (2) C", "hoàn thành trong Quý IV năm 2025", "period", "2025-12-31"),  # 091
    ("- Thời gian thực hiện: Thực hiện thường xuyên hằng năm.",
     "Thực hiện thường xuyên hằng năm", "recurring", None),                                 # 027
    ("- Thời gian thực hiện: Thực hiện thường xuyên; hoàn thành trong quý II/2020.",
     "Thực hiện thường xuyên; hoàn thành trong quý II/2020", "unparsed", None),            # 027 (labelled: kept, unparsed)
]


# Paragraphs with several cued deadlines: a sentence reporting an earlier instruction
# ("đã chỉ đạo ...") is skipped; a completion cue ("xong", "hoàn thành") governs a report date.
SEVERAL = [
    ("Trong đó, Chủ tịch Ủy ban nhân dân Thành phố đã chỉ đạo các cơ quan, đơn vị khẩn trương hoàn thành việc "
     "cập nhật cơ sở dữ liệu cán bộ, công chức, viên chức trước ngày 30 tháng 10 năm 2025. Tuy nhiên, việc cập nhật "
     "và đồng bộ cơ sở dữ liệu của các cơ quan, đơn vị hiện nay chưa đảm bảo về tiến độ và chất lượng the o yêu cầu "
     "đề ra; Tiếp tục triển khai việc cập nhật cơ sở dữ liệu của toàn bộ cán bộ, công chức, viên chức trên hệ thống "
     "quản lý cơ sở dữ liệu của Thành phố (https://csdlcbccvc.tphcm.gov.vn) và hoàn thành 100% việc cập nhật lý lịch "
     "cán bộ, công chức, viên chức và đảm bảo đồng bộ dữ liệu vào Cơ sở dữ liệu quốc gia trước ngày 06 tháng 12 năm 2025.",
     "trước ngày 06 tháng 12 năm 2025", B, "2025-12-06"),                                              # 052
    ("Các cơ quan, đơn vị, địa phương xây dựng Kế hoạch triển khai thực hiện phù hợp với chức năng, nhiệm vụ, điều "
     "kiện thực tế của từng cơ quan, đơn vị, địa phương xong trong tháng 12/2025. Định kỳ báo cáo UBND tỉnh (qua Sở "
     "Tư pháp) kết quả thực hiện Kế hoạch hằng năm (trước ngày 15 tháng 11) hoặc theo đề nghị để tổng hợp, báo cáo "
     "theo quy định.", "xong trong tháng 12/2025", P, "2025-12-31"),                                   # 043
]


@pytest.mark.parametrize("paragraph,phrase,kind,end", SEVERAL, ids=[f[1][:30] for f in SEVERAL])
def test_find_deadline_picks_the_governing_cue(paragraph, phrase, kind, end):
    d = find_deadline(paragraph, doc_year=2025)
    assert d is not None
    assert (d.text, d.kind, d.end) == (phrase, kind, end)


def test_find_deadline_skips_an_earlier_instruction():
    """052: the cited công văn's past deadline is no deadline of this one."""
    assert find_deadline("Trong đó, Chủ tịch Ủy ban nhân dân Thành phố đã chỉ đạo các cơ quan, đơn vị khẩn trương "
                         "hoàn thành việc cập nhật cơ sở dữ liệu cán bộ, công chức, viên chức trước ngày 30 tháng 10 "
                         "năm 2025.", doc_year=2025) is None


@pytest.mark.parametrize("sentence,phrase,kind,end", FIND, ids=[f[1][:30] for f in FIND])
def test_find_deadline(sentence, phrase, kind, end):
    d = find_deadline(sentence, doc_year=2025)
    assert d is not None
    assert (d.text, d.kind, d.end) == (phrase, kind, end)


NOT_DEADLINES = [
    # a plan horizon or a document title is not a task deadline
    "Chiến lược hạ tầng số đến năm 2025 và định hướng đến năm 2030",                                # 032
    "Thủ đô Hà Nội thời kỳ 2021-2030, tầm nhìn đến năm 2050",                                       # 032
    "bổ sung quy hoạch hạ tầng viễn thông trong các khu công nghệ cao và khu công nghiệp đến năm 2030.",  # 032
    "trong hoạt động xúc tiến thương mại giai đoạn 2021-2030\" trên địa bàn tỉnh",                # 034
    "Trong năm 2025, tỉnh đã đạt nhiều kết quả quan trọng",
    "Kinh phí thực hiện các nhiệm vụ được bố trí từ nguồn kinh phí chi thường xuyên của Thành phố",  # 032
]


@pytest.mark.parametrize("sentence", NOT_DEADLINES, ids=[s[:30] for s in NOT_DEADLINES])
def test_find_deadline_ignores_prose(sentence):
    assert find_deadline(sentence, doc_year=2025) is None


def test_words_file_is_consistent():
    w = load("deadline_words.yaml")
    freq_words = [x for words in w["frequency"].values() for x in words]
    assert len(freq_words) == len(set(freq_words)), "a frequency word under two frequencies"
    assert set(w["frequency"]) <= {"yearly", "half_yearly", "quarterly", "monthly", "weekly"}
    for key in ("before", "within", "from", "refer", "continuous", "labels"):
        assert len(w[key]) == len(set(w[key])), key


# Compound deadlines of a national plan's appendix (pool md/646f0a00d4174382.md, cells wrapped over two
# lines): the first milestone gives kind/start/end, the whole phrase stays in `text` (contract 1.1).
@pytest.mark.parametrize("printed,kind,start,end", [
    ("Triển khai từ năm 2026 và thực hiện thường xuyên,\nliên tục", "from", "2026-01-01", None),
    ("Thí điểm trong giai đoạn 2026 - 2027 và thực hiện\nmở rộng sau năm 2028", "period", "2026-01-01", "2027-12-31"),
    ("Hoàn thành trong năm 2026 và có rà soát, sửa đổi,\nbổ sung, cập nhật các tiêu chí mới trong các năm tiếp theo (nếu có)",
     "period", "2026-01-01", "2026-12-31"),
    # milestones parted by a sentence end, a comma after the date, cells run together (same document)
    ("Ban hành trong quý I năm 2026. Thực hiện rà soát, điều chỉnh (nếu có) Giai đoạn 2026 - 2027.",
     "period", "2026-01-01", "2026-03-31"),
    ("Thí điểm trong giai đoạn 2026 - 2028, nghiên cứu xem xét mở rộng sau thí điểm.", "period", "2026-01-01", "2028-12-31"),
    ("Giai đoạn 2026 - 2030 Giai đoạn 2026 - 2030 Giai đoạn 2026 - 2030", "period", "2026-01-01", "2030-12-31"),
    ("Thực hiện thường xuyên, liên tục Giai đoạn 2026 - 2030", "period", "2026-01-01", "2030-12-31"),
])
def test_compound_deadline_reads_first_milestone(printed, kind, start, end):
    d, warnings = parse_deadline(printed, doc_year=2025)
    assert (d.kind, d.start, d.end) == (kind, start, end)
    assert d.text == " ".join(printed.split())
    assert [w.code for w in warnings] == ["deadline_compound"]


def test_compound_without_dated_first_part_stays_unparsed():
    d, warnings = parse_deadline("Theo hướng dẫn của Trung ương và thực hiện thường xuyên", 2025)
    assert d.kind == "unparsed" and warnings[0].code == "deadline_unparsed"


def test_hints_hold_wherever_a_point_or_frequency_is():
    """The readers skip a text where `point_hint` / `any_frequency` find nothing (issue 13, speed): every
    time point and frequency of the recorded outputs' task texts and deadlines must hold one."""
    import json
    from pathlib import Path

    from vanban.lexicon.deadlines import deadline_grammar
    g = deadline_grammar()
    texts = [s for f in sorted((Path(__file__).parent.parent / "outputs").glob("*.json"))
             for t in json.loads(f.read_text(encoding="utf-8")).get("tasks", [])
             for s in (t["description"], (t.get("deadline") or {}).get("text") or "")]
    points = [m.group() for t in texts for m in g.point.finditer(t)]
    frequencies = [m.group() for t in texts for _, p in g.frequency for m in p.finditer(t)]
    assert len(points) > 100 and len(frequencies) > 10     # "ngày 31/12/2025", "Quý IV/2024", "hằng năm"
    assert all(g.point_hint.search(p) for p in points)
    assert all(g.any_frequency.search(f) for f in frequencies)
