"""The Word table as the writer builds it: the rows, their cells and texts, the merged group rows, the header
rows' formatting, and user text kept as typed; the table in the saved document is exactly the XML
`word.table_xml` writes (the writer moves it into the document row by row, for speed)."""
from io import BytesIO

from docx import Document
from docx.oxml import parse_xml
from docx.oxml.ns import qn
from lxml import etree

from jospar.documents.writers.layout import Line, OfficialDocument
from jospar.documents.writers.render import render
from jospar.documents.writers.word import table_xml
from tests.documents.readback import docx_rows

COLUMNS = ("№", "Наименование", "Код", "Исполнитель", "Срок", "Форма")
TYPED = "  =SUM(A1) <b>x</b> & «кавычки»\nвторая строка  "


def _doc(events: int = 3) -> OfficialDocument:
    lines = [Line("section", "I. Раздел"), Line("direction", "Направление 1. Вода"),
             Line("macroindicator", "Макроиндикатор 1. Доля"), Line("events", "Мероприятия")]
    lines += [Line("event", cells=(str(i), f"Мероприятие {i}", "001", "Отдел 1", "IV квартал", "Отчет"),
                   cancelled=(i == 2)) for i in range(1, events + 1)]
    lines += [Line("section", "II. Раздел"), Line("task", "1. Задача"), Line("nothing", "Нет мероприятий"),
              Line("event", cells=("9", TYPED, "", "", "", ""))]
    return OfficialDocument(1, "ru", "Операционный план", "Мероприятия", COLUMNS, (5, 37, 11, 17, 15, 15), lines,
                            "Руководитель", "(подпись)")


def _table(data: bytes):
    return Document(BytesIO(data)).tables[0]._tbl


def test_rows_cells_and_merged_group_rows():
    doc = _doc()
    _document, rows = docx_rows(render(doc, "docx"))
    assert len(rows) == 2 + len(doc.lines)
    assert rows[0] == (list(COLUMNS), True, 1)
    assert rows[1] == ([str(i) for i in range(1, 7)], True, 1)
    for line, (texts, header, span) in zip(doc.lines, rows[2:], strict=True):
        assert not header
        if line.is_group:
            assert (texts, span) == ([line.text], len(COLUMNS))
        else:
            assert (texts, span) == (list(line.cells[:1]) + [t.replace("\n", "") for t in line.cells[1:]], 1)


def test_header_rows_repeat_and_are_shaded_bold_and_centred():
    table = _table(render(_doc(), "docx"))
    for tr in table.tr_lst[:2]:
        assert tr.trPr.find(qn("w:tblHeader")) is not None and tr.trPr.find(qn("w:cantSplit")) is not None
        for tc in tr.tc_lst:
            assert tc.tcPr.find(qn("w:shd")).get(qn("w:fill")) == "EDEDED"
            assert tc.find(qn("w:p")).find(qn("w:pPr")).find(qn("w:jc")).get(qn("w:val")) == "center"
    assert all(r.find(qn("w:rPr")).find(qn("w:b")) is not None for r in table.tr_lst[0].iter(qn("w:r")))
    assert not any(r.find(qn("w:rPr")) is not None for r in table.tr_lst[1].iter(qn("w:r")))
    assert all(tr.trPr is None or tr.trPr.find(qn("w:tblHeader")) is None for tr in table.tr_lst[2:])


def test_group_fills_cancelled_strike_and_typed_text_kept_as_data():
    doc = _doc()
    table = _table(render(doc, "docx"))
    fills = [tr.tc_lst[0].tcPr.find(qn("w:shd")) for tr in table.tr_lst[2:]]
    kinds = [line.kind for line in doc.lines]
    assert [f.get(qn("w:fill")) if f is not None else None for f in fills] == [
        {"section": "E4E4E4", "events": "FFFFFF", "event": None}.get(k, "F5F5F5") for k in kinds]
    cancelled = table.tr_lst[2 + kinds.index("event") + 1]
    assert all(r.find(qn("w:rPr")).find(qn("w:strike")) is not None for r in cancelled.tc_lst[1].iter(qn("w:r")))
    typed = table.tr_lst[-1].tc_lst[1]
    pieces = [t.text for t in typed.iter(qn("w:t"))]
    assert pieces == TYPED.split("\n") and len(list(typed.iter(qn("w:br")))) == 1
    assert all(t.get("{http://www.w3.org/XML/1998/namespace}space") == "preserve" for t in typed.iter(qn("w:t")))
    xml = etree.tostring(table, encoding="unicode")
    assert "fldSimple" not in xml and "instrText" not in xml  # «=» in a name is text, never a field


def test_the_saved_table_is_the_xml_table_xml_writes():
    doc = _doc(events=300)
    saved = _table(render(doc, "docx"))
    written = parse_xml(table_xml(doc))
    assert len(saved) == len(written) == 2 + 2 + len(doc.lines)  # tblPr, tblGrid, the rows
    def canonical(table):  # each child with only the namespaces it uses
        return [etree.tostring(c, method="c14n", exclusive=True) for c in table]

    assert canonical(saved) == canonical(written)
