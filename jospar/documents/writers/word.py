"""Form 1 and Form 2 as a Word document (A4 landscape), editable in Word and LibreOffice.

The table is written as WordprocessingML directly (one string parsed once): python-docx's
row-by-row API re-walks the table for every cell and would take minutes for 2,000 events. The parsed
table is moved into the document row by row (`_insert_before`): moved whole, it cost time quadratic in its
rows (1.5 s of the 10,000-event Form 1).
The header row and the row of column numbers are marked ``w:tblHeader`` so that Word repeats
them on every page; heading rows never split and keep with the row after them, while a long
event row may continue on the next page rather than leave half a page empty.
"""
from io import BytesIO
from xml.sax.saxutils import escape

from docx import Document
from docx.document import Document as DocxDocument
from docx.enum.section import WD_ORIENT
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.oxml.xmlchemy import BaseOxmlElement
from docx.shared import Mm, Pt
from docx.styles.style import ParagraphStyle

from jospar.documents.writers.layout import OfficialDocument

FONT = "Times New Roman"
PAGE_W, PAGE_H, MARGIN = Mm(297), Mm(210), Mm(15)
TEXT_WIDTH_TWIPS = int((297 - 30) / 25.4 * 1440)
TABLE_STYLE = "JosparTable"
_GROUP_FILL = {"section": "E4E4E4", "events": "FFFFFF"}
_BREAK = '</w:t><w:br/><w:t xml:space="preserve">'


def _set_font(style: ParagraphStyle, size: float) -> None:
    style.font.name = FONT
    style.font.size = Pt(size)
    rpr = style.element.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = parse_xml(f"<w:rFonts {nsdecls('w')}/>")
        rpr.append(fonts)
    for attr in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        fonts.set(qn(attr), FONT)


def _setup(document: DocxDocument, table_pt: float) -> None:
    section = document.sections[0]
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = PAGE_W, PAGE_H
    section.left_margin = section.right_margin = MARGIN
    section.top_margin = section.bottom_margin = MARGIN
    normal = document.styles["Normal"]
    _set_font(normal, 12)
    normal.paragraph_format.space_after = Pt(0)
    cell_style = document.styles.add_style("Jospar Table", WD_STYLE_TYPE.PARAGRAPH)
    cell_style.base_style = normal
    _set_font(cell_style, table_pt)
    cell_style.paragraph_format.space_before = Pt(0)
    cell_style.paragraph_format.space_after = Pt(0)


def _header_and_footer(document: DocxDocument, doc: OfficialDocument) -> None:
    """The section's header and footer, repeated on every page: the draft mark at the top right (a draft
    only), the line naming the version and its approval or submission, and the page number."""
    section = document.sections[0]
    if doc.mark:
        mark = section.header.paragraphs[0]
        mark.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        run = mark.add_run(doc.mark)
        run.bold = True
        run.font.size = Pt(14)
    page = section.footer.paragraphs[0]
    if doc.footer:
        line = page.insert_paragraph_before()
        line_run = line.add_run(doc.footer)
        line_run.font.size = Pt(8)
    page.alignment = WD_ALIGN_PARAGRAPH.CENTER
    page._p.append(parse_xml(f'<w:fldSimple {nsdecls("w")} w:instr="PAGE"><w:r><w:t>1</w:t></w:r></w:fldSimple>'))


def _run(text: str, bold: bool = False, strike: bool = False, italic: bool = False) -> str:
    props = ("<w:b/>" if bold else "") + ("<w:i/>" if italic else "") + ("<w:strike/>" if strike else "")
    rpr = f"<w:rPr>{props}</w:rPr>" if props else ""
    body = _BREAK.join(escape(text).split("\n"))
    return f'<w:r>{rpr}<w:t xml:space="preserve">{body}</w:t></w:r>'


def _para(text: str, *, align: str | None = None, bold: bool = False, strike: bool = False, italic: bool = False,
          keep: bool = False) -> str:
    jc = f'<w:jc w:val="{align}"/>' if align else ""
    keep_next = "<w:keepNext/>" if keep else ""
    run = _run(text, bold, strike, italic) if text else ""
    return f'<w:p><w:pPr><w:pStyle w:val="{TABLE_STYLE}"/>{keep_next}{jc}</w:pPr>{run}</w:p>'


def _cell(width: int, content: str, *, span: int = 1, fill: str | None = None, valign: str = "top") -> str:
    extra = f'<w:gridSpan w:val="{span}"/>' if span > 1 else ""
    shade = f'<w:shd w:val="clear" w:color="auto" w:fill="{fill}"/>' if fill else ""
    return (f'<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/>{extra}{shade}<w:vAlign w:val="{valign}"/></w:tcPr>'
            f"{content}</w:tc>")


def table_xml(doc: OfficialDocument) -> str:
    total = sum(doc.widths)
    widths = [int(TEXT_WIDTH_TWIPS * w / total) for w in doc.widths]
    full = sum(widths)
    border = 'w:val="single" w:sz="4" w:space="0" w:color="000000"'
    head_pr = "<w:trPr><w:tblHeader/><w:cantSplit/></w:trPr>"
    out = [
        f"<w:tbl {nsdecls('w')}><w:tblPr>"
        f'<w:tblW w:w="{full}" w:type="dxa"/><w:tblLayout w:type="fixed"/><w:tblBorders>'
        + "".join(f"<w:{side} {border}/>" for side in ("top", "left", "bottom", "right", "insideH", "insideV"))
        + '</w:tblBorders><w:tblCellMar><w:left w:w="57" w:type="dxa"/><w:right w:w="57" w:type="dxa"/>'
        "</w:tblCellMar></w:tblPr><w:tblGrid>"
        + "".join(f'<w:gridCol w:w="{w}"/>' for w in widths)
        + "</w:tblGrid>",
        f"<w:tr>{head_pr}"
        + "".join(_cell(w, _para(c, align="center", bold=True), fill="EDEDED", valign="center")
                  for w, c in zip(widths, doc.columns, strict=True))
        + "</w:tr>",
        f"<w:tr>{head_pr}"
        + "".join(_cell(w, _para(str(i), align="center"), fill="EDEDED") for i, w in enumerate(widths, start=1))
        + "</w:tr>",
    ]
    append = out.append
    row_pr = "<w:trPr><w:cantSplit/></w:trPr>"
    for line in doc.lines:
        if line.is_group:
            align = "center" if line.kind == "section" else None
            heading = line.kind in ("events", "nothing")
            para = _para(line.text, align=align, bold=not heading, italic=heading, keep=True)
            cell = _cell(full, para, span=len(widths), fill=_GROUP_FILL.get(line.kind, "F5F5F5"))
            append(f"<w:tr>{row_pr}{cell}</w:tr>")  # a heading row stays with the row after it
        else:
            cells = [_cell(widths[0], _para(line.cells[0], align="center"))]
            cells += [_cell(w, _para(t, strike=line.cancelled))
                      for w, t in zip(widths[1:], line.cells[1:], strict=True)]
            append(f"<w:tr>{''.join(cells)}</w:tr>")  # a long event may continue on the next page
    append("</w:tbl>")
    return "".join(out)


def _insert_before(anchor: BaseOxmlElement, table: BaseOxmlElement) -> None:
    """Put `table` (parsed on its own) before `anchor`, its children one at a time. lxml, moving a subtree into
    another document, looks up every ``xml:space`` attribute's namespace in a list that grows by one with each
    of them: in one move of the whole table that is quadratic in its rows, in one move per row it is linear.
    The document's XML is the same."""
    shell = parse_xml(f"<w:tbl {nsdecls('w')}/>")
    anchor.addprevious(shell)
    shell.extend(list(table))


def render_docx(doc: OfficialDocument) -> bytes:
    document = Document()
    _setup(document, 10 if doc.column_count <= 6 else 9)
    _header_and_footer(document, doc)
    title = document.add_paragraph()
    title.alignment = WD_ALIGN_PARAGRAPH.CENTER
    title.paragraph_format.space_after = Pt(6)
    run = title.add_run(doc.title)
    run.bold = True
    run.font.size = Pt(14)
    subtitle = document.add_paragraph(doc.subtitle)
    subtitle.alignment = WD_ALIGN_PARAGRAPH.CENTER
    subtitle.paragraph_format.space_after = Pt(10)

    _insert_before(document.element.body.find(qn("w:sectPr")), parse_xml(table_xml(doc)))

    for heading, text in doc.notes:
        head = document.add_paragraph()
        head.paragraph_format.space_before = Pt(10)
        head.paragraph_format.keep_with_next = True
        head.add_run(heading).bold = True
        for part in (text or "—").split("\n"):
            document.add_paragraph(part)
    document.add_paragraph().paragraph_format.space_after = Pt(12)
    sign = document.add_paragraph(doc.signature)
    sign.paragraph_format.space_after = Pt(18)
    line = document.add_paragraph(f"{'_' * 40}  {doc.signer}".rstrip())
    line.paragraph_format.keep_with_next = True
    hint = document.add_paragraph()
    hint_run = hint.add_run(doc.signature_hint)
    hint_run.italic = True
    hint_run.font.size = Pt(9)
    sign.paragraph_format.keep_with_next = True
    document.core_properties.title = doc.title[:250]
    document.core_properties.language = doc.lang
    out = BytesIO()
    document.save(out)
    return out.getvalue()
