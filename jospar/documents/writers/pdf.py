"""Form 1 and Form 2 as PDF: the same page as the print layout, typeset and drawn with ReportLab.

Text is wrapped here, word by word with the font's own metrics, rows are packed into A4
landscape pages (a row moves whole to the next page, the header rows are drawn again on every
page, a row taller than a page continues on the next one, the signature block keeps the last
row with it), and only then drawn: the page count is known before the first page is drawn,
so «page n / N» needs no second pass. One pass over the rows, so 2,000 events take about a
second (WeasyPrint, laying out each line in Python, took a minute: see the README).

Fonts are DejaVu Serif (Debian's fonts-dejavu-core and -extra), which covers every Kazakh
letter (ә ғ қ ң ө ұ ү һ і); the subset used is embedded. User text reaches the PDF only as
the operand of a text-showing operator, which ReportLab escapes: it is data, never markup.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from io import BytesIO
from pathlib import Path

from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas

from jospar.documents.writers.layout import OfficialDocument

FONT_DIR = Path("/usr/share/fonts/truetype/dejavu")
FONT_FILES = {"DejaVuSerif": "DejaVuSerif.ttf", "DejaVuSerif-Bold": "DejaVuSerif-Bold.ttf",
              "DejaVuSerif-Italic": "DejaVuSerif-Italic.ttf"}
REGULAR, BOLD, ITALIC = FONT_FILES
_AFTER_HYPHEN = re.compile(r"(?<=[-/‐])(?=\w)")

PAGE_W, PAGE_H = landscape(A4)
LEFT = RIGHT = TOP = 12 * mm
BOTTOM = 14 * mm
TABLE_W = PAGE_W - LEFT - RIGHT
SIZE, LEADING = 7.5, 9.0  # table text
NOTE_SIZE, NOTE_LEADING = 9.0, 11.0  # texts under the table
PAD_X, PAD_Y = 2.0, 1.6
GRID = 0.5
HEADER_FILL, SECTION_FILL, GROUP_FILL = (0.93, 0.93, 0.93), (0.894, 0.894, 0.894), (0.96, 0.96, 0.96)


def register_fonts() -> None:
    """DejaVu Serif, Bold and Italic; without fonts-dejavu-extra the «Events» rows print upright."""
    for name, file in FONT_FILES.items():
        if name in pdfmetrics.getRegisteredFontNames():
            continue
        path = FONT_DIR / file
        if name == ITALIC and not path.exists():
            path = FONT_DIR / FONT_FILES[REGULAR]
        if not path.exists():
            raise RuntimeError(f"font {path} is missing: install fonts-dejavu-core")
        pdfmetrics.registerFont(TTFont(name, str(path)))


class _Printable(dict[int, str]):
    """``str.translate`` table: characters the font has stay, line separators become line breaks, tabs
    spaces, and anything the font cannot draw (emoji, CJK…) a visible «�» rather than nothing."""

    def __missing__(self, code: int) -> str:
        if code in (0x0A, 0x2028, 0x2029, 0x85):
            value = "\n"
        elif code == 0x0D:
            value = ""  # Windows line ends: the \n that follows breaks the line
        elif code < 0x20:
            value = " "
        else:
            font = pdfmetrics.getFont(REGULAR)
            assert isinstance(font, TTFont)  # registered by register_fonts
            value = chr(code) if code in font.face.charToGlyph else "\ufffd"
        self[code] = value
        return value


PRINTABLE = _Printable()


def printable(text: str) -> str:
    return text.translate(PRINTABLE)


class Measure:
    """Greedy word wrapping in one font and size, with every word's width remembered."""

    def __init__(self, font: str, size: float):
        self.font, self.size = font, size
        self.widths: dict[str, float] = {}
        self.space = pdfmetrics.stringWidth(" ", font, size)

    def width(self, text: str) -> float:
        width = self.widths.get(text)
        if width is None:
            width = self.widths[text] = pdfmetrics.stringWidth(text, self.font, self.size)
        return width

    def wrap(self, text: str, limit: float) -> list[str]:
        lines: list[str] = []
        for paragraph in printable(text).strip().split("\n"):
            line, width = "", 0.0
            for word in paragraph.split():
                # «научно-исследовательский» may break after its hyphen, as browsers and Word do
                pieces = _AFTER_HYPHEN.split(word) if "-" in word or "/" in word else (word,)
                for k, piece in enumerate(pieces):
                    w = self.width(piece)
                    gap = self.space if line and k == 0 else 0.0
                    if line and width + gap + w > limit:
                        lines.append(line)
                        line, width, gap = "", 0.0, 0.0
                    if w > limit:  # a piece longer than the column is cut where it must be
                        *whole, piece = self.cut(piece, limit)
                        lines.extend(whole)
                        w = self.width(piece)
                    line = f"{line} {piece}" if gap else line + piece
                    width += gap + w
            lines.append(line)
        return lines if lines != [""] else []

    def cut(self, word: str, limit: float) -> list[str]:
        pieces, start = [], 0
        for end in range(1, len(word) + 1):
            if end - start > 1 and pdfmetrics.stringWidth(word[start:end], self.font, self.size) > limit:
                pieces.append(word[start:end - 1])
                start = end - 1
        pieces.append(word[start:])
        return pieces


@dataclass(slots=True)
class Cell:
    lines: list[str]
    font: str = REGULAR
    center: bool = False


@dataclass(slots=True)
class Row:
    cells: list[Cell]  # one cell spanning the table, or one per column
    fill: tuple[float, float, float] | None = None
    middle: bool = False  # header cells are centred vertically
    strike: bool = False
    keep_with_next: bool = False  # headings never end a page
    plain: bool = False  # text under the table (Form 2's recommendations): no grid, no header above it
    size: float = SIZE
    leading: float = LEADING

    @property
    def height(self) -> float:
        return max(len(cell.lines) for cell in self.cells) * self.leading + 2 * PAD_Y

    def split(self, room: float) -> tuple[Row, Row]:
        """The lines that fit in ``room`` and the rest, which continues on the next page."""
        keep = max(1, int((room - 2 * PAD_Y) // self.leading))
        head = [Cell(c.lines[:keep], c.font, c.center) for c in self.cells]
        tail = [Cell(c.lines[keep:], c.font, c.center) for c in self.cells]
        same = (self.fill, self.middle, self.strike, self.keep_with_next, self.plain, self.size, self.leading)
        return Row(head, *same), Row(tail, *same)


class Typesetter:
    def __init__(self, doc: OfficialDocument):
        self.doc = doc
        total = sum(doc.widths)
        self.columns = [TABLE_W * w / total for w in doc.widths]
        self.edges = [LEFT]
        for width in self.columns:
            self.edges.append(self.edges[-1] + width)
        self.fonts = {name: Measure(name, SIZE) for name in FONT_FILES}

    def cell(self, text: str, width: float, font: str = REGULAR, center: bool = False) -> Cell:
        return Cell(self.fonts[font].wrap(text, width - 2 * PAD_X), font, center)

    def header(self) -> list[Row]:
        names = [self.cell(name, w, BOLD, True) for name, w in zip(self.doc.columns, self.columns, strict=True)]
        numbers = [Cell([str(i)], REGULAR, True) for i in range(1, len(self.columns) + 1)]
        return [Row(names, HEADER_FILL, middle=True), Row(numbers, HEADER_FILL, middle=True)]

    def body(self) -> list[Row]:
        rows = []
        for line in self.doc.lines:
            if line.kind == "section":
                rows.append(Row([self.cell(line.text, TABLE_W, BOLD, True)], SECTION_FILL, keep_with_next=True))
            elif line.kind in ("events", "nothing"):
                rows.append(Row([self.cell(line.text, TABLE_W, ITALIC)], keep_with_next=True))
            elif line.is_group:
                rows.append(Row([self.cell(line.text, TABLE_W, BOLD)], GROUP_FILL, keep_with_next=True))
            else:
                cells = [self.cell(text, w) for text, w in zip(line.cells, self.columns, strict=True)]
                cells[0].center = True
                rows.append(Row(cells, strike=line.cancelled))
        return rows

    def notes(self) -> list[Row]:
        """Form 2's recommendations to the officials and proposals to amend the plan, under the table."""
        rows = []
        bold, regular = Measure(BOLD, NOTE_SIZE), Measure(REGULAR, NOTE_SIZE)
        for heading, text in self.doc.notes:
            rows.append(Row([Cell([""] + bold.wrap(heading, TABLE_W - 2 * PAD_X), BOLD)], keep_with_next=True,
                            plain=True, size=NOTE_SIZE, leading=NOTE_LEADING))
            rows.append(Row([Cell(regular.wrap(text or "—", TABLE_W - 2 * PAD_X))], plain=True, size=NOTE_SIZE,
                            leading=NOTE_LEADING))
        return rows


def paginate(header: list[Row], rows: list[Row], first_room: float, full_room: float) -> list[list[Row]]:
    """Rows per page: a row goes whole to the next page, with the headings just above it, unless
    it is alone on its page and still too tall: then it is split and continues on the next one."""
    header_h = sum(row.height for row in header)
    pages: list[list[Row]] = [[]]
    room = first_room - header_h
    for row in rows:
        if row.height > room and any(not r.keep_with_next for r in pages[-1]):
            carried = carry(pages[-1])
            pages.append(carried)
            room = full_room - header_h - sum(r.height for r in carried)
        while row.height > room:
            if room >= row.leading + 2 * PAD_Y or not pages[-1]:
                head, row = row.split(room)
                pages[-1].append(head)
            pages.append([])
            room = full_room - header_h
        pages[-1].append(row)
        room -= row.height
    return pages


def carry(page: list[Row], at_least: int = 0) -> list[Row]:
    """Take from the end of ``page`` the last ``at_least`` rows and the headings above them, as
    long as something stays behind."""
    start = len(page) - at_least
    while start > 0 and page[start - 1].keep_with_next:
        start -= 1
    if start == 0:
        return []
    carried = page[start:]
    del page[start:]
    return carried


def render_pdf(doc: OfficialDocument) -> bytes:
    register_fonts()
    setter = Typesetter(doc)
    title = Measure(BOLD, 11).wrap(doc.title, TABLE_W - 24 * mm)
    subtitle = Measure(REGULAR, 9.5).wrap(doc.subtitle, TABLE_W - 24 * mm)
    title_h = len(title) * 13.5 + len(subtitle) * 11.5 + 3 * mm
    full_room = PAGE_H - TOP - BOTTOM
    header = setter.header()
    pages = paginate(header, setter.body() + setter.notes(), full_room - title_h, full_room)
    signature = Signature(doc)
    footer = Measure(REGULAR, 7).wrap(doc.footer, TABLE_W - 30 * mm)
    used = sum(row.height for row in header + pages[-1]) + (title_h if len(pages) == 1 else 0)
    if used + signature.height > full_room:  # the block never stands alone: the last row comes with it
        carried = carry(pages[-1], at_least=1)
        if sum(row.height for row in header + carried) + signature.height > full_room:
            pages[-1].extend(carried)  # the tail of a row longer than a page: the block goes over alone
            carried = []
        pages.append(carried)

    out = BytesIO()
    # invariant=1: no creation date nor random document id, so the same document gives the same bytes — what
    # the signer signs before the act (signatures' prepare) is what the act stores.
    canvas = Canvas(out, pagesize=(PAGE_W, PAGE_H), lang=doc.lang, pageCompression=1, invariant=1,
                    initialFontName=REGULAR,  # type: ignore[arg-type]  # the stubs say float; it is a font name
                    initialFontSize=SIZE)
    canvas.setTitle(doc.title)
    canvas.setSubject(doc.subtitle)
    canvas.setCreator("Jospar")
    for number, rows in enumerate(pages, start=1):
        y = PAGE_H - TOP
        if number == 1:
            y = draw_title(canvas, title, subtitle, y)
        table = [row for row in rows if not row.plain]
        if table or number == 1:  # an empty plan still shows its table's header
            y = draw_rows(canvas, setter.edges, header + table, y)
        y = draw_notes(canvas, [row for row in rows if row.plain], y)
        if number == len(pages):
            signature.draw(canvas, y)
        draw_margins(canvas, doc, footer, f"{number} / {len(pages)}")
        canvas.showPage()
    canvas.save()
    return out.getvalue()


def draw_margins(canvas: Canvas, doc: OfficialDocument, footer: list[str], page: str) -> None:
    """What every page carries in its margins: the draft mark at the top right (a draft only), the line naming
    the version and its approval or submission at the bottom left, the page number at the bottom right."""
    if doc.mark:
        canvas.setFont(BOLD, 12)
        width = pdfmetrics.stringWidth(doc.mark, BOLD, 12)
        x, y = PAGE_W - RIGHT - width, PAGE_H - TOP + 3 * mm
        canvas.drawString(x, y, doc.mark)
        canvas.setLineWidth(0.8)
        canvas.rect(x - 1.5 * mm, y - 1.5 * mm, width + 3 * mm, 12 + 1.5 * mm, stroke=1, fill=0)
    canvas.setFont(REGULAR, 7)
    for i, line in enumerate(footer):
        canvas.drawString(LEFT, BOTTOM - 6 * mm + (len(footer) - 1 - i) * 8.0, line)
    canvas.drawRightString(PAGE_W - RIGHT, BOTTOM - 6 * mm, page)


def draw_title(canvas: Canvas, title: list[str], subtitle: list[str], y: float) -> float:
    canvas.setFont(BOLD, 11)
    for line in title:
        y -= 13.5
        canvas.drawCentredString(PAGE_W / 2, y + 2.5, line)
    canvas.setFont(REGULAR, 9.5)
    for line in subtitle:
        y -= 11.5
        canvas.drawCentredString(PAGE_W / 2, y + 2.5, line)
    return y - 3 * mm


def draw_rows(canvas: Canvas, edges: list[float], rows: list[Row], top: float) -> float:
    """Fills, then text, then the grid: three passes over one page's rows; returns the table's bottom."""
    left, right = edges[0], edges[-1]
    y = top
    for row in rows:
        if row.fill:
            canvas.setFillColorRGB(*row.fill)
            canvas.rect(left, y - row.height, right - left, row.height, stroke=0, fill=1)
        y -= row.height
    canvas.setFillColorRGB(0, 0, 0)
    grid, y = [], top
    for row in rows:
        height = row.height
        spans = [(left, right)] if len(row.cells) == 1 else list(zip(edges, edges[1:], strict=False))
        for cell, (x0, x1) in zip(row.cells, spans, strict=True):
            draw_cell(canvas, cell, row, x0, x1, y, height)
        grid.append((left, y, right, y))
        grid.extend((x, y, x, y - height) for x in ((left, right) if len(row.cells) == 1 else edges))
        y -= height
    grid.append((left, y, right, y))
    canvas.setLineWidth(GRID)
    canvas.lines(grid)
    return y


def draw_notes(canvas: Canvas, rows: list[Row], y: float) -> float:
    for row in rows:
        draw_cell(canvas, row.cells[0], row, LEFT, LEFT + TABLE_W, y, row.height)
        y -= row.height
    return y


def draw_cell(canvas: Canvas, cell: Cell, row: Row, x0: float, x1: float, top: float, height: float) -> None:
    if not cell.lines:
        return
    canvas.setFont(cell.font, row.size)
    text_h = len(cell.lines) * row.leading
    baseline = top - PAD_Y - row.size
    if row.middle:
        baseline -= (height - 2 * PAD_Y - text_h) / 2
    middle = (x0 + x1) / 2
    for line in cell.lines:
        if cell.center:
            canvas.drawCentredString(middle, baseline, line)
        else:
            canvas.drawString(x0 + PAD_X, baseline, line)
        if row.strike and line:
            width = pdfmetrics.stringWidth(line, cell.font, row.size)
            start = middle - width / 2 if cell.center else x0 + PAD_X
            canvas.setLineWidth(0.4)
            canvas.line(start, baseline + row.size * 0.3, start + width, baseline + row.size * 0.3)
        baseline -= row.leading


class Signature:
    """«Head of the responsible unit … / signature» under the table: label, name over a line, hint."""

    def __init__(self, doc: OfficialDocument):
        self.label = Measure(REGULAR, 9.5).wrap(doc.signature, TABLE_W * 0.45 - 4 * mm)
        self.signer = doc.signer
        self.hint = Measure(ITALIC, 7.5).wrap(doc.signature_hint, TABLE_W * 0.55 - 4 * mm)
        self.height = 8 * mm + max(len(self.label) * 11.5, 9 * mm) + 1 * mm + len(self.hint) * 9.0

    def draw(self, canvas: Canvas, y: float) -> None:
        line_y = y - 8 * mm - max(len(self.label) * 11.5, 9 * mm)
        x_label, x_line = LEFT + 2 * mm, LEFT + TABLE_W * 0.45 + 2 * mm
        canvas.setFont(REGULAR, 9.5)
        for i, line in enumerate(reversed(self.label)):
            canvas.drawString(x_label, line_y + 2 + i * 11.5, line)
        if self.signer:
            canvas.drawString(x_line, line_y + 2, self.signer)
        canvas.setLineWidth(0.7)
        canvas.line(x_line, line_y, PAGE_W - RIGHT - 2 * mm, line_y)
        canvas.setFont(ITALIC, 7.5)
        for i, line in enumerate(self.hint):
            canvas.drawString(x_line, line_y - 1 * mm - 7.5 - i * 9.0, line)
