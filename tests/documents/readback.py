"""Open generated files with the libraries that wrote them (pypdf for PDFs) and pull out their content."""
import shutil
import subprocess
import tempfile
from io import BytesIO
from pathlib import Path

from docx import Document
from docx.oxml.ns import qn
from openpyxl import load_workbook
from pypdf import PdfReader

KAZAKH_LETTERS = "әғқңөұүһі"


def docx_rows(data: bytes):
    """(document, rows) where each row is (texts of its cells, is_header_row, grid span of its first cell)."""
    document = Document(BytesIO(data))
    table = document.tables[0]
    rows = []
    for tr in table._tbl.tr_lst:
        cells = tr.tc_lst
        texts = ["".join(t.text or "" for t in tc.iter(qn("w:t"))) for tc in cells]
        trpr = tr.trPr
        header = trpr is not None and trpr.find(qn("w:tblHeader")) is not None
        span = cells[0].tcPr.find(qn("w:gridSpan")) if cells[0].tcPr is not None else None
        rows.append((texts, header, int(span.get(qn("w:val"))) if span is not None else 1))
    return document, rows


def docx_paragraphs(document) -> list[str]:
    return [p.text for p in document.paragraphs if p.text.strip()]


def xlsx_sheet(data: bytes):
    return load_workbook(BytesIO(data)).worksheets[0]


def pdf_pages(data: bytes) -> list[str]:
    return [page.extract_text() or "" for page in PdfReader(BytesIO(data)).pages]


def pdf_fonts(data: bytes) -> list[tuple[str, bool]]:
    """(font name, embedded?) for every font the pages use."""
    out = {}
    for page in PdfReader(BytesIO(data)).pages:
        fonts = page.get("/Resources", {}).get_object().get("/Font", {})
        for ref in fonts.values():
            font = ref.get_object()
            descriptor = font.get("/FontDescriptor")
            if descriptor is None and "/DescendantFonts" in font:
                descriptor = font["/DescendantFonts"][0].get_object().get("/FontDescriptor")
            descriptor = descriptor.get_object() if descriptor is not None else {}
            embedded = any(k in descriptor for k in ("/FontFile", "/FontFile2", "/FontFile3"))
            out[str(font.get("/BaseFont"))] = embedded
    return sorted(out.items())


def pdf_first_page_png(data: bytes, target: Path | None = None, dpi: int = 50) -> Path | None:
    """Render page 1 with pdftoppm (poppler-utils); None when pdftoppm is missing."""
    if shutil.which("pdftoppm") is None:
        return None
    workdir = Path(tempfile.mkdtemp(prefix="jospar-pdf-"))
    source = workdir / "doc.pdf"
    source.write_bytes(data)
    subprocess.run(["pdftoppm", "-png", "-r", str(dpi), "-f", "1", "-l", "1", "-singlefile", str(source),
                    str(workdir / "page")], check=True, timeout=60)
    png = workdir / "page.png"
    if target is not None:
        shutil.copy(png, target)
        return target
    return png


def stamps(data: bytes, fmt: str) -> tuple[list[str], list[str]]:
    """(the text at the top of every page, the text at the bottom of every page) of a Form 1 or Form 2 file:
    DOCX the section's header and footer (Word repeats them on every page), XLSX the print header and footer
    and the sheet's own mark row and last row, PDF each page's whole text."""
    if fmt == "docx":
        section = Document(BytesIO(data)).sections[0]
        top = "\n".join(p.text for p in section.header.paragraphs)
        return [top], ["\n".join(p.text for p in section.footer.paragraphs)]
    if fmt == "xlsx":
        ws = xlsx_sheet(data)
        visible_top, visible_bottom = ws.cell(row=3, column=1).value or "", ws.cell(row=ws.max_row, column=1).value
        return [ws.oddHeader.right.text or "", visible_top], [ws.oddFooter.left.text or "", visible_bottom or ""]
    pages = pdf_pages(data)
    return pages, pages
