"""The text path's faster forms (issue 13) give what the plain forms gave, on real strings from
the corpus: the match text, the type-word pattern, the document-type look-ups, the Markdown
emphasis lines."""
from __future__ import annotations

import importlib
import re

import pytest

from vanban.lexicon import citations as C
from vanban.pipeline.md_tables import MD_EMPHASIS
from vanban.pipeline.read_markdown import MD_HEADING, _emphasis_lines

doc_types = importlib.import_module("vanban.lexicon.doc_types")   # the module, not its function

#: real strings holding look-alikes: a Cyrillic С (corpus 024), a fraction slash (corpus 081),
#: word-segmented text (corpus 078), an en dash and a non-breaking space
SENTENCES = [
    "Thông tư số 09/2023/TT-BTС ngày 20/02/2023 của Bộ trưởng Bộ Tài chính",
    "Luật Giáo dục số 43/2019/QH14 và Luật số 13⁄2012/QH13",
    "Căn_cứ Quyết_định số 899/QĐ-TTg ngày 31/7/2023 của Thủ_tướng Chính_phủ",
    "Độc lập – Tự do – Hạnh phúc\u00a0Số: 1074/QĐ-BXD\r\n",
    "các Quyết định: số 36/QĐ-TTg ngày 11/01/2024 về ...; số 1569/QĐ-TTg",
    "Thông báo kết luận số 196-TB/TW; Chương trình hành động số 39-CTr/TU; CÔNG VĂN 12/UBND-KT; "
    "Nghị quyết liên tịch số 01/2024/NQLT; quyết\nđịnh 06/2019/QĐ-UBND; Công điện số 5/CĐ-TTg",
]


@pytest.mark.parametrize("text", SENTENCES + ["".join(C.LOOKALIKES)])
def test_match_text_is_the_translation(text):
    assert C.match_text(text) == text.translate(C.MATCH_MAP)
    assert len(C.match_text(text)) == len(text)


def _plain_type_word_re() -> re.Pattern:
    """The type-word pattern as one flat alternation, longest first (the form before issue 13)."""
    words = set()
    for d in doc_types.doc_types():
        words.add(d.name)
        words.update(a for a in d.aliases if not a.isupper())
    words.add("Công văn")
    body = "|".join(r"\s+".join(map(re.escape, w.split())) for w in sorted(words, key=len, reverse=True))
    return re.compile(r"(?<![\w])(?P<tw>" + body + r")(?![\w])", re.IGNORECASE)


@pytest.mark.parametrize("text", SENTENCES)
def test_grouped_type_words_match_as_the_flat_alternation(text):
    text = C.match_text(text)
    found = [(m.span(), m.group("tw")) for m in C.type_word_re().finditer(text)]
    assert found == [(m.span(), m.group("tw")) for m in _plain_type_word_re().finditer(text)]
    assert found or "Số:" in text                  # every sentence but the header line names a type


#: the law-name pattern as it was written before issue 13 (look-behinds first)
_PLAIN_LAW_NAME = re.compile(r"(?<![\w])(?<!pháp\s)(?<!Pháp\s)(?<!PHÁP\s)(?P<type>Bộ luật|Luật|Hiến pháp)"
                             r"(?=\s+(?:[" + C.UP + r"]|sửa đổi|năm\s+\d))")


@pytest.mark.parametrize("text", SENTENCES + [
    "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015; Bộ luật Lao động; Hiến pháp năm 2013",
    "theo Hiến pháp Luật Đất đai, HIẾN PHÁP Luật Thủ đô; xLuật Thuế, Bộ luật\nDân sự",
])
def test_word_start_forms_match_as_the_plain_patterns(text):
    """Type words and laws' names written first-letter first (lexicon.patterns.word_start) match
    where the look-behind-first forms match; 'k' takes the Kelvin sign as re.IGNORECASE does."""
    from vanban.extractors.references.find import law_names
    from vanban.lexicon.patterns import letter_cases
    text = C.match_text(text)
    assert [m.span() for m in C.LAW_NAME_RE.finditer(text)] == [m.span() for m in _PLAIN_LAW_NAME.finditer(text)]
    assert [m.span() for m in law_names(text)] == [m.span() for m in _PLAIN_LAW_NAME.finditer(text)]   # a pattern a word
    kelvin = text.replace("K", "\u212a")
    assert [m.span() for m in C.type_word_re().finditer(kelvin)] == \
        [m.span() for m in _plain_type_word_re().finditer(kelvin)]
    assert letter_cases("k") == ("K", "k", "\u212a")


def test_identifiers_found_from_the_slashes_as_by_finditer():
    """references.find._identifiers starts each search IDENT_SLASH_REACH before the next "/": the
    matches of a plain finditer, over the corpus texts and at the reach's edge."""
    from pathlib import Path
    from vanban.extractors.references.find import _identifiers
    texts = [p.read_text(encoding="utf-8") for p in sorted(Path(__file__).parent.parent.glob("corpus/*.md"))]
    texts += ["12345a - QĐHĐND / TW", "12345.123a /QĐ-TTg", "x 45-NQ/TW ngày 1/2/2024, 5/2024/NĐ-CP"]
    # longer than the first window past a "/" (it grows), and "/" with no identifier for a long way
    texts += ["x 1/" + "-".join(["AB"] * k) + " y 2/QĐ" for k in (20, 40, 100, 300)]
    texts += ["1/1" * 500 + " 5/QĐ-TTg", "1/" * 1000, "a/b" * 400, "ngày 1/2/2024, " * 50 + "số 7/VPCP-V.I"]
    for text in texts:
        text = C.match_text(text)
        assert [m.span() for m in _identifiers(text)] == [m.span() for m in C.IDENT_RE.finditer(text)]


def _variants() -> set[str]:
    keys: set[str] = set()
    for d in doc_types.doc_types():
        for k in (d.code, d.name, *d.aliases):
            keys |= {k, k.upper(), k.lower(), k.title(), f" {k}  ", k.replace("Đ", "D")}
    return keys


def test_type_look_ups_find_what_a_scan_of_the_table_finds():
    table = doc_types.doc_types()
    for key in _variants():
        folded = key.casefold()
        by_code = next((d for d in table if d.code == key), None) or next(
            (d for d in table if d.code.casefold() == folded
             or any(a.casefold() == folded for a in d.aliases if a.isupper())), None)
        assert doc_types.type_by_code(key) is by_code, key
        name = " ".join(key.split()).casefold()
        assert doc_types.types_by_name(key) == [
            d for d in table if d.name.casefold() == name or any(a.casefold() == name for a in d.aliases)], key


def _plain_emphasis_lines(cell_lines: list[str]) -> list[tuple[str, bool]]:
    """_emphasis_lines with a regex on every line (the form before issue 13)."""
    out, buf, open_bold, open_italic = [], [], False, False
    for raw in cell_lines:
        line = MD_HEADING.sub("", raw.rstrip())
        buf.append(line)
        open_bold ^= line.count("**") % 2 == 1
        open_italic ^= line.replace("**", "").count("*") % 2 == 1
        if (open_bold or open_italic) and len(buf) < 8:
            continue
        joined = " ".join(b.strip() for b in buf)
        out.append((MD_EMPHASIS.sub("", joined).strip(), joined.strip().startswith("**")))
        buf, open_bold, open_italic = [], False, False
    if buf:
        joined = " ".join(b.strip() for b in buf)
        out.append((MD_EMPHASIS.sub("", joined).strip(), joined.strip().startswith("**")))
    return out


@pytest.mark.parametrize("cell", [
    ["**ỦY BAN NHÂN", "DÂN**"],
    ["## Điều 1. Phạm vi điều chỉnh", "*Đồng Tháp, ngày 01 tháng 12 năm 2025*"],
    ["", "  **KẾ HOẠCH**  ", "Triển khai thực hiện Nghị quyết số 57-NQ/TW", "*"],
    ["**a", "b", "c", "d", "e", "f", "g", "h", "i**"],
    ["  Sở Tài chính  "], ["# Điều 1"], ["*Hà Nội*"], [""], ["   "],
])
def test_emphasis_lines_as_before(cell):
    assert _emphasis_lines(cell) == _plain_emphasis_lines(cell)


def _plain_letters(text: str) -> list[str]:
    return [c for c in text if c.isalpha()]


#: real lines (corpus headers and bodies), and the edges of the nine-in-ten and 8% shares
LINES = [
    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "THỦ TƯỚNG CHÍNH PHỦ", "Căn cứ Luật Tổ chức Chính phủ ngày 18 tháng 02 năm 2025;",
    "... HẠ TẦNG 5G, IoT TRONG CÁC KHU CÔNG NGHỆ CAO", "KẾ HOẠCH", "I. MỤC ĐÍCH", "Điều 1. Phạm vi điều chỉnh", "",
    "12/2024", "A" * 9 + "b", "A" * 18 + "bb", "A" * 17 + "bbb", "A" * 92 + "b" * 8, "A" * 91 + "b" * 9, "ⓐBC", "AB中",
]


@pytest.mark.parametrize("text", LINES)
def test_upper_case_tests_as_before(text):
    from vanban.lexicon.text import is_mostly_upper, is_upper_line
    from vanban.pipeline.segment.header import is_upper
    letters = _plain_letters(text)
    assert is_upper(text) == (bool(letters) and sum(c.isupper() for c in letters) >= 0.9 * len(letters))
    assert is_upper_line(text) == (len(letters) >= 2 and all(c.isupper() for c in letters))
    assert is_mostly_upper(text) == (len(letters) >= 8 and sum(c.islower() for c in letters) <= len(letters) * 0.08)


#: one real sentence, several mentions (corpus/bacgiang-2024-kh-ubnd-nq45.txt, appendix row 4, and pool/md)
MENTIONS_SENTENCE = ("Sửa đổi, bổ sung Quyết định số 06/2021/QĐ-UBND ngày 16/3/2021 của UBND tỉnh ban hành; "
                     "Quyết định này có hiệu lực thi hành kể từ ngày ký và thay thế Quyết định số 3987/QĐ-TCHQ  "
                     "ngày 4/12/2013; 2. Nghị quyết này thay thế Nghị quyết số 61/2021/NQ-HĐND")


def test_relation_by_sorted_spans_as_by_a_scan():
    """with_relations hands every mention's span, this one's too, sorted once: the relation of each
    mention is the one read with the other spans alone."""
    from vanban.extractors.relations import _Spans, mention_relation
    spans = [(m.start(), m.end()) for m in re.finditer(r"(?:Quyết định|Nghị quyết) số [0-9][^\s,;]*", MENTIONS_SENTENCE)]
    assert len(spans) == 3
    relations = [mention_relation(MENTIONS_SENTENCE, s, e, _Spans(spans + [(s, e)])) for s, e in spans]
    assert relations == [mention_relation(MENTIONS_SENTENCE, s, e, [o for o in spans if o != (s, e)]) for s, e in spans]
    assert relations == ["amends", "replaces", "replaces"]


@pytest.mark.parametrize("text,name", [
    # corpus 130 (NQ 26/2026/NQ-CP Điều 4.3): the collective ends with the first level, " và địa phương" is taken in
    ("Các cơ quan trung ương và địa phương chủ động sử dụng dự toán", "Các cơ quan trung ương và địa phương"),
    # pool 653/TB-VPCP: the collective does not end with it, " trung ương và địa phương" is taken in
    ("Các cơ quan thông tấn, báo chí trung ương và địa phương tăng cường thông tin",
     "Các cơ quan thông tấn, báo chí trung ương và địa phương"),
])
def test_level_pair_patterns_compiled_once_read_as_before(text, name):
    """The level pair's pattern is compiled once per pair and form (bodies/find.py _level_pair_pattern): both forms
    still take the second level into the collective, and a second call uses the same compiled pattern."""
    from vanban.extractors.bodies.find import _level_pair_pattern, find_bodies
    assert find_bodies(text)[0].name == name
    assert _level_pair_pattern("trung ương", "địa phương", True) is _level_pair_pattern("trung ương", "địa phương", True)


#: time phrases in the cases the deadline patterns meet: upper case, words, digits, labels, a past instruction
TIME_PHRASES = [
    "Hoàn thành trước ngày 30/6/2025; báo cáo định kỳ 6 tháng một lần", "QUÝ IV/2024", "Quí II, III/2015",
    "Thời gian thực hiện: Thường xuyên. Sản phẩm: báo cáo", "THỜI HẠN: sáu tháng đầu năm 2026",
    "đã chỉ đạo các cơ quan hoàn thành trước ngày 30 tháng 10 năm 2025", "Năm 2026 - 2030, hằng năm",
    "trước ngày 20 hằng tháng", "Đến tháng mười hai năm 2025", "6 tháng cuối năm 2024", "mỗi quý, hàng tuần",
]


@pytest.mark.parametrize("name", ["point", "past_instruction", "label"])     # any_frequency: test_tasks_speed.py
def test_guarded_deadline_patterns_match_as_the_plain_ones(name):
    from vanban.lexicon.deadlines import deadline_grammar
    guarded = getattr(deadline_grammar(), name)
    plain = re.compile(guarded.pattern.split("])", 1)[1], guarded.flags)     # without the look-ahead
    for text in TIME_PHRASES + SENTENCES:
        assert [(m.span(), m.groupdict()) for m in guarded.finditer(text)] == \
            [(m.span(), m.groupdict()) for m in plain.finditer(text)]


def test_marks_stripped_one_character_at_a_time_as_from_the_whole_decomposition():
    import unicodedata

    from vanban.lexicon.text import strip_marks

    def whole(s: str) -> str:               # the form before issue 13
        s = unicodedata.normalize("NFD", s).replace("đ", "d").replace("Đ", "D")
        return "".join(c for c in s if not unicodedata.combining(c))

    letters = "".join(chr(c) for c in range(0x00C0, 0x0250)) + "".join(chr(c) for c in range(0x1E00, 0x1F00))
    decomposed = unicodedata.normalize("NFD", "Ủy ban nhân dân tỉnh Đắk Lắk") + "a\u0323\u0301\u0302 q\u0301"
    for text in SENTENCES + TIME_PHRASES + [letters, decomposed, "ĐỘC LẬP ﬁ ½ Å"]:
        assert strip_marks.__wrapped__(text) == whole(text)


def test_law_names_one_pattern_a_word_as_the_one_pattern_over_the_corpus():
    """references.find.law_names (C.LAW_NAME_RES, one pattern per word, merged) finds LAW_NAME_RE's matches."""
    from pathlib import Path
    from vanban.extractors.references.find import law_names
    texts = [p.read_text(encoding="utf-8") for p in sorted(Path(__file__).parent.parent.glob("corpus/*.md"))]
    found = 0
    for text in texts:
        text = C.match_text(text)
        expected = [(m.span(), m.group("type")) for m in C.LAW_NAME_RE.finditer(text)]
        assert [(m.span(), m.group("type")) for m in law_names(text)] == expected
        found += len(expected)
    assert found > 100
