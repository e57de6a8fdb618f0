"""Writing user text into spreadsheet cells so that it stays text.

openpyxl turns any string starting with «=» into a formula; Excel and LibreOffice also read
«+», «-» and «@» as the start of a formula when such a cell is edited. A name typed by a user is
data: every text cell here is stored as a string (``data_type = "s"``) and, when it starts with
one of those characters, carries the quote prefix so the spreadsheet keeps it literal.
"""
from jospar.documents.writers.layout import clean

FORMULA_START = ("=", "+", "-", "@")


def put_text(cell, text) -> None:
    """Store ``text`` in ``cell`` as a literal string (never a formula)."""
    value = clean(text)
    cell.value = value
    cell.data_type = "s"
    if value.startswith(FORMULA_START):
        cell.quotePrefix = True


def put(cell, value) -> None:
    """Numbers stay numbers; anything else goes through `put_text`."""
    if isinstance(value, int | float) and not isinstance(value, bool):
        cell.value = value
    else:
        put_text(cell, value)
