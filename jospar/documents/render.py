"""One entry point from a document and a format to the file's bytes and content type."""
from jospar.documents.layout import OfficialDocument

CONTENT_TYPES = {
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "pdf": "application/pdf",
}


def render(doc: OfficialDocument, fmt: str) -> bytes:
    if fmt == "docx":
        from jospar.documents.docx_writer import render_docx

        return render_docx(doc)
    if fmt == "xlsx":
        from jospar.documents.xlsx_writer import render_xlsx

        return render_xlsx(doc)
    if fmt == "pdf":
        from jospar.documents.pdf_writer import render_pdf

        return render_pdf(doc)
    raise ValueError(f"unknown format {fmt!r}")
