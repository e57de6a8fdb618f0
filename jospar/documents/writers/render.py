"""One entry point from a document and a format to the file's bytes and content type."""
from jospar.documents.writers.layout import OfficialDocument

CONTENT_TYPES = {
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "pdf": "application/pdf",
}


def render(doc: OfficialDocument, fmt: str) -> bytes:
    if fmt == "docx":
        from jospar.documents.writers.word import render_docx

        return render_docx(doc)
    if fmt == "xlsx":
        from jospar.documents.writers.excel import render_xlsx

        return render_xlsx(doc)
    if fmt == "pdf":
        from jospar.documents.writers.pdf import render_pdf

        return render_pdf(doc)
    raise ValueError(f"unknown format {fmt!r}")
