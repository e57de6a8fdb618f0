"""The PDF typesetter: wrapping, page packing, long rows, page numbers, the signature block."""
import re
from io import BytesIO

import pytest
from pypdf import PdfReader

from jospar.documents.writers.layout import Line, OfficialDocument
from jospar.documents.writers.pdf import (
    BOTTOM,
    LEADING,
    PAD_Y,
    REGULAR,
    SIZE,
    Cell,
    Measure,
    Row,
    paginate,
    register_fonts,
)
from jospar.documents.writers.render import render
from tests.documents.readback import pdf_pages

COLUMNS = ("№", "Наименование", "Исполнитель")


@pytest.fixture(scope="module")
def measure():
    register_fonts()
    return Measure(REGULAR, SIZE)


def document(lines, lang="ru"):
    return OfficialDocument(2, lang, "Заголовок отчета", "подзаголовок", COLUMNS, (5, 60, 35), lines,
                            "Руководитель", "(фамилия, имя, отчество, подпись)", signer="Иванов И. И.")


def event(i, text="Мероприятие"):
    return Line("event", cells=(str(i), f"{text} {i}", "Департамент"))


def test_wrap_keeps_every_word_in_order_and_every_line_within_the_column(measure):
    text = "Проведение мониторинга хода реализации проектов реконструкции ирригационных систем " * 5
    lines = measure.wrap(text, 120)
    assert len(lines) > 5
    assert " ".join(lines).split() == text.split()
    assert all(measure.width(line) <= 120 for line in lines)


def test_wrap_cuts_a_word_longer_than_the_column_and_keeps_line_breaks_typed(measure):
    word = "ә" * 200
    lines = measure.wrap(f"a {word}\nb", 50)
    assert lines[0] == "a" and lines[-1] == "b"
    assert "".join(lines[1:-1]) == word
    assert all(measure.width(line) <= 50 for line in lines)
    assert measure.wrap("   ", 50) == [] and measure.wrap("x\n\ny", 50) == ["x", "", "y"]


def rows_of(heights):
    return [Row([Cell(["x"] * h)]) for h in heights]


def test_paginate_moves_a_row_whole_to_the_next_page():
    header = rows_of([1])
    row_h = 10 * LEADING + 2 * PAD_Y
    pages = paginate(header, rows_of([10, 10, 10]), first_room=header[0].height + 2.5 * row_h,
                     full_room=header[0].height + 2.5 * row_h)
    assert [len(page) for page in pages] == [2, 1]


def test_paginate_splits_a_row_taller_than_a_page_without_losing_lines():
    header = rows_of([1])
    room = header[0].height + 20 * LEADING + 2 * PAD_Y
    tall = Row([Cell([f"l{i}" for i in range(75)]), Cell(["short"])])
    pages = paginate(header, [tall, *rows_of([2])], first_room=room, full_room=room)
    parts = [row for page in pages for row in page if len(row.cells) == 2]
    assert [len(p.cells[0].lines) for p in parts] == [20, 20, 20, 15]
    assert [line for p in parts for line in p.cells[0].lines] == [f"l{i}" for i in range(75)]
    assert parts[0].cells[1].lines == ["short"] and all(not p.cells[1].lines for p in parts[1:])
    assert all(sum(r.height for r in page) <= room - header[0].height + 0.01 for page in pages)


def test_numbers_every_page_and_repeats_the_header():
    data = render(document([event(i) for i in range(1, 400)]), "pdf")
    pages = pdf_pages(data)
    assert len(pages) > 3
    for number, page in enumerate(pages, start=1):
        assert f"{number} / {len(pages)}" in page
        assert "Наименование" in page and "Исполнитель" in page
    reader = PdfReader(BytesIO(data))
    assert reader.metadata.title == "Заголовок отчета"
    assert str(reader.trailer["/Root"]["/Lang"]) == "ru"


def lowest_text_y(page) -> float:
    """The baseline of the lowest text above the page number."""
    ys = []

    def visit(text, cm, tm, *_):
        if text.strip() and not re.fullmatch(r"\d+ / \d+", text.strip()):
            ys.append(tm[5] * cm[3] + cm[5])

    page.extract_text(visitor_text=visit)
    return min(ys)


def test_the_signature_block_stays_on_the_page_with_the_last_row():
    moved = 0
    for n in range(25, 50):
        data = render(document([event(i) for i in range(1, n + 1)]), "pdf")
        pages = PdfReader(BytesIO(data)).pages
        last = pages[-1].extract_text()
        assert "Иванов И. И." in last and "Руководитель" in last
        assert f"Мероприятие {n}" in last  # never a page with the signature alone
        assert all("Руководитель" not in page.extract_text() for page in pages[:-1])
        assert lowest_text_y(pages[-1]) >= BOTTOM  # nothing in the bottom margin
        moved += f"Мероприятие {n - 1}" not in last and len(pages) > 1
    assert moved  # some of these lengths do push the last row over to the signature's page


def test_an_event_longer_than_a_page_continues_on_the_next_one():
    words = [f"слово{i}" for i in range(3000)]
    data = render(document([event(1), Line("event", cells=("2", " ".join(words), "Отдел")), event(3)]), "pdf")
    pages = pdf_pages(data)
    assert len(pages) >= 3
    assert " ".join(" ".join(pages).split()).count("слово") == 3000
    assert "Мероприятие 3" in pages[-1]


def test_headings_go_to_the_next_page_with_the_row_under_them():
    header = rows_of([1])
    room = header[0].height + 30 * LEADING + 6 * 2 * PAD_Y
    heading = Row([Cell(["Целевой индикатор 1"])], keep_with_next=True)
    events_heading = Row([Cell(["Мероприятия"])], keep_with_next=True)
    rows = [*rows_of([10, 10]), heading, events_heading, *rows_of([10])]
    pages = paginate(header, rows, first_room=room, full_room=room)
    assert [len(page) for page in pages] == [2, 3]
    assert pages[1][:2] == [heading, events_heading]


def test_headings_stay_when_nothing_else_is_on_their_page():
    header = rows_of([1])
    room = header[0].height + 20 * LEADING + 4 * 2 * PAD_Y
    heading = Row([Cell(["Раздел I"])], keep_with_next=True)
    pages = paginate(header, [heading, *rows_of([40])], first_room=room, full_room=room)
    assert pages[0][0] is heading and len(pages[0]) == 2  # the tall row starts under its heading
    assert sum(len(row.cells[0].lines) for page in pages for row in page[1 if page is pages[0] else 0:]) == 40


def test_wrap_breaks_a_compound_word_after_its_hyphen(measure):
    text = "ТОО «Казахский научно-исследовательский институт водного хозяйства»"
    limit = measure.width("научно-исследовательски")
    lines = measure.wrap(text, limit)
    assert lines[0].endswith(" научно-") and lines[1] == "исследовательский"
    assert "".join(lines).replace(" ", "") == text.replace(" ", "")


def test_without_the_italic_font_the_events_rows_print_upright(tmp_path, monkeypatch):
    from reportlab.pdfbase import pdfmetrics

    from jospar.documents.writers import pdf as pdf_writer

    for file in ("DejaVuSerif.ttf", "DejaVuSerif-Bold.ttf"):
        (tmp_path / file).symlink_to(pdf_writer.FONT_DIR / file)
    monkeypatch.setattr(pdf_writer, "FONT_DIR", tmp_path)
    monkeypatch.setattr(pdfmetrics, "_fonts", {k: v for k, v in pdfmetrics._fonts.items() if "DejaVu" not in k})
    pdf_writer.register_fonts()
    assert pdfmetrics.getFont(pdf_writer.ITALIC).face.filename.endswith("DejaVuSerif.ttf")
    doc = document([Line("events", "Мероприятия"), event(1)])
    assert "Мероприятия" in pdf_pages(render(doc, "pdf"))[0]


def test_an_empty_document_still_has_the_table_header_and_the_signature():
    page = pdf_pages(render(document([]), "pdf"))
    assert len(page) == 1 and "Наименование" in page[0] and "Иванов И. И." in page[0]


def test_after_a_row_almost_as_long_as_a_page_the_signature_stays_on_the_paper():
    for n in range(40, 56):  # one of these leaves no room for the block even on a page of its own
        doc = document([event(1), Line("event", cells=("2", "\n".join(["строка"] * n), "Отдел"))])
        pages = PdfReader(BytesIO(render(doc, "pdf"))).pages
        assert "Иванов И. И." in pages[-1].extract_text()
        assert lowest_text_y(pages[-1]) >= BOTTOM


def test_reportlab_runs_its_c_accelerator():
    """reportlab[accel] (rl_accel): number formatting, escaping and text widths in C, not ReportLab's Python
    fallbacks, which took a quarter (Form 2) to two fifths (Form 1) of the PDF writer's time; the file is the
    same byte for byte."""
    from reportlab.lib import rl_accel

    assert rl_accel.fp_str.__module__ == "_rl_accel"
