"""Form 1 and Form 2 as PDF: a print template rendered with WeasyPrint.

Fonts are DejaVu (Debian's fonts-dejavu-core), which cover every Kazakh letter (ә ғ қ ң ө ұ ү
һ і); WeasyPrint embeds the subset it uses, so the file reads the same on any machine. The
table body is built here with `html.escape` (user text is data, never markup) rather than
through the template engine, which would cost more than the layout for 2,000 rows.
"""
from html import escape

from django.template.loader import render_to_string
from django.utils.safestring import mark_safe

from jospar.documents.layout import OfficialDocument


def tbody_html(doc: OfficialDocument) -> str:
    n = doc.column_count
    out = []
    append = out.append
    for line in doc.lines:
        if line.is_group:
            css = "s" if line.kind == "section" else "g"
            append(f'<tr class="{line.kind}"><td class="{css}" colspan="{n}">{escape(line.text)}</td></tr>')
        else:
            cells = line.cells
            rest = "".join(f"<td>{escape(text)}</td>" for text in cells[1:])
            css = ' class="x"' if line.cancelled else ""
            append(f'<tr{css}><td class="n">{escape(cells[0])}</td>{rest}</tr>')
    return "\n".join(out)


def print_html(doc: OfficialDocument) -> str:
    """The print template filled in: what WeasyPrint lays out (also handy to debug in a browser)."""
    total = sum(doc.widths)
    context = {
        "doc": doc,
        "widths": [round(100 * w / total, 3) for w in doc.widths],
        "tbody": mark_safe(tbody_html(doc)),  # noqa: S308 - every text in it is escaped above
    }
    return render_to_string("documents/print.html", context)


def render_pdf(doc: OfficialDocument) -> bytes:
    from weasyprint import HTML  # imported here: loading Pango costs ~1 s, only PDF downloads need it

    return HTML(string=print_html(doc)).write_pdf()
