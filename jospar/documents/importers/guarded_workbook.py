"""The one way in for an uploaded workbook: checked as a zip before openpyxl parses a byte of it.

Every importer (development plan, events into a draft, a unit's work list) opens uploads with
`open_guarded`, and nothing else calls openpyxl's ``load_workbook`` on an upload. Before parsing,
in this order and each refusal with a plain message in the user's language:

1. the file's size, and that it is not empty or an old .xls;
2. that it is a zip with ``xl/workbook.xml`` and no macros (an .xlsx);
3. from the zip's central directory: the number of members, each member's unpacked size and
   compression ratio, and the total unpacked size (a decompression bomb stops here, unread);
4. every XML member is then decompressed as a bounded stream — never more than the limits,
   whatever the directory declared (Python's zipfile stops at the declared size and checks the
   CRC, so a member whose declared size lies is refused as damaged) — and scanned without an XML
   parser: no DOCTYPE (entity expansion), at most ``max_sheets`` sheets, and in each sheet at most
   ``max_rows`` rows (counted, and the highest row number, since a stated ``<dimension>`` can lie),
   ``max_columns`` columns and ``max_cells`` cells.

The limits are below (`DEFAULTS`); ``settings.WORKBOOK_LIMITS`` (a dict) overrides any of them.
Each importer still applies its own narrower rules (e.g. 5,000 events) as cell-level problems.
"""
import io
import re
import zipfile

from django.conf import settings
from django.utils.translation import gettext as _
from openpyxl import load_workbook

MB = 1024 * 1024
DEFAULTS = {
    "max_bytes": 10 * MB,  # the uploaded file
    "max_members": 200,  # files inside the zip
    "max_member_bytes": 60 * MB,  # one member unpacked
    "max_unpacked_bytes": 150 * MB,  # all members unpacked
    "max_ratio": 100,  # unpacked / packed, for members above ratio_floor_bytes
    "ratio_floor_bytes": 1 * MB,
    "max_sheets": 30,
    "max_rows": 10_000,  # per sheet: more than any import accepts (5,000 items) plus headers
    "max_columns": 200,
    "max_cells": 300_000,  # per sheet: 5,000 rows of the widest template, twice over
}
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
CHUNK = 1 * MB
MAX_TAG_TAIL = 2 * MB  # a single unfinished tag or text longer than this is not a spreadsheet
_ROW = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?row(?=[\s/>])([^>]*)>")
_ROW_NUMBER = re.compile(rb'\sr="(\d+)"')
_CELL_COLUMN = re.compile(rb'\sr="([A-Z]{1,7})\d+"')
_CELL = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?c(?=[\s/>])")
_SHEET = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?sheet(?=[\s/>])")
_DOCTYPE = re.compile(rb"<!(?:DOCTYPE|ENTITY)", re.IGNORECASE)
_DIMENSION = re.compile(rb'<(?:[A-Za-z_][\w.-]*:)?dimension\s[^>]*ref="[A-Z]*\d*:?([A-Z]+)(\d+)"')


class WorkbookRefused(Exception):  # noqa: N818 - a refusal of the user's file, not a programming error
    """The upload is not opened; ``message`` says why in the user's language."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


def limits() -> dict:
    return {**DEFAULTS, **getattr(settings, "WORKBOOK_LIMITS", {})}


def read_upload(upload) -> bytes:
    """The uploaded file's bytes; a file over the size limit is refused without reading it whole."""
    cap = limits()["max_bytes"]
    size = getattr(upload, "size", None)
    if size is not None and size > cap:
        raise WorkbookRefused(_too_big(cap))
    if hasattr(upload, "seek"):
        upload.seek(0)
    data = upload.read(cap + 1)
    if len(data) > cap:
        raise WorkbookRefused(_too_big(cap))
    return data


def open_guarded(data: bytes):
    """The workbook read-only (formulas kept as formulas) after `check`; WorkbookRefused otherwise."""
    check(data)
    try:
        return load_workbook(io.BytesIO(data), read_only=True, data_only=False, keep_links=False)
    except Exception:  # openpyxl raises many kinds for a damaged or foreign file; all mean the same here
        raise WorkbookRefused(_damaged()) from None


def check(data: bytes) -> None:
    """Refuse, with WorkbookRefused, anything that is not a workbook within the limits. Parses nothing."""
    lim = limits()
    if len(data) > lim["max_bytes"]:
        raise WorkbookRefused(_too_big(lim["max_bytes"]))
    if not data:
        raise WorkbookRefused(_("The file is empty."))
    if data.startswith(OLE_MAGIC):
        raise WorkbookRefused(_("This is an old Excel 97–2003 (.xls) file. Open it in Excel and save it as an "
                                "Excel workbook (.xlsx), then upload it again."))
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError):
        raise WorkbookRefused(_not_xlsx()) from None
    with archive:
        members = archive.infolist()
        _check_directory(members, lim)
        try:
            _scan_members(archive, members, lim)
        except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError, NotImplementedError,
                RuntimeError):  # a broken member, a lying size (CRC), an encrypted member
            raise WorkbookRefused(_damaged()) from None


def _check_directory(members, lim) -> None:
    names = {m.filename for m in members}
    if "xl/workbook.xml" not in names or "[Content_Types].xml" not in names:
        raise WorkbookRefused(_not_xlsx())
    if any(m.filename.lower().endswith("vbaproject.bin") for m in members):
        raise WorkbookRefused(_("The workbook contains macros. Save it as an Excel workbook without macros "
                                "(.xlsx) and upload it again."))
    if len(members) > lim["max_members"]:
        raise WorkbookRefused(_unpacked())
    total = 0
    for m in members:
        if m.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
            raise WorkbookRefused(_damaged())
        total += m.file_size
        ratio_too_high = (m.file_size > lim["ratio_floor_bytes"]
                          and m.file_size > lim["max_ratio"] * max(m.compress_size, 1))
        if m.file_size > lim["max_member_bytes"] or ratio_too_high or total > lim["max_unpacked_bytes"]:
            raise WorkbookRefused(_unpacked())


def _scan_members(archive, members, lim) -> None:
    """Decompress each XML member as a bounded stream and count what openpyxl would have to build."""
    budget = lim["max_unpacked_bytes"]
    sheets = 0
    for m in members:
        if not m.filename.lower().endswith((".xml", ".rels", ".vml")) or m.is_dir():
            continue
        scan = _Scan()
        with archive.open(m) as stream:
            read = 0
            while chunk := stream.read(CHUNK):
                read += len(chunk)
                budget -= len(chunk)
                if read > min(m.file_size, lim["max_member_bytes"]) or budget < 0:
                    raise WorkbookRefused(_unpacked())
                scan.feed(chunk, lim)
        scan.feed(b"", lim, final=True)
        sheets += scan.sheets
        if sheets > lim["max_sheets"]:
            raise WorkbookRefused(_("The workbook has more than %(n)s sheets. Upload the workbook made from the "
                                    "template.") % {"n": lim["max_sheets"]})


class _Scan:
    """Counts rows, the highest row and column numbers, and sheet entries in an XML stream, tag by tag."""

    def __init__(self):
        self.tail = b""
        self.rows = self.cells = self.last_row = self.last_col = self.sheets = 0

    def feed(self, chunk: bytes, lim, final: bool = False) -> None:
        buffer = self.tail + chunk
        cut = len(buffer) if final else buffer.rfind(b"<")
        if cut < 0:
            cut = 0
        text, self.tail = buffer[:cut], buffer[cut:]
        if len(self.tail) > MAX_TAG_TAIL:
            raise WorkbookRefused(_damaged())
        if _DOCTYPE.search(text):
            raise WorkbookRefused(_damaged())
        self.sheets += len(_SHEET.findall(text))
        for match in _DIMENSION.finditer(text):  # what the sheet says of itself, checked against the count too
            self._columns(match.group(1), lim)
            self._row_number(int(match.group(2)), lim)
        for match in _ROW.finditer(text):
            self.rows += 1
            number = _ROW_NUMBER.search(match.group(1))
            self._row_number(int(number.group(1)) if number else self.last_row + 1, lim)
        if self.rows > lim["max_rows"]:
            raise WorkbookRefused(_too_many_rows(lim["max_rows"]))
        self.cells += len(_CELL.findall(text))
        if self.cells > lim["max_cells"]:
            raise WorkbookRefused(_("A sheet of the workbook has more than %(n)s filled cells. Remove what is not "
                                    "part of the template or split the workbook.") % {
                "n": f"{lim['max_cells']:,}".replace(",", " ")})
        for letters in set(_CELL_COLUMN.findall(text)):
            self._columns(letters, lim)

    def _row_number(self, number: int, lim) -> None:
        self.last_row = max(self.last_row, number)
        if number > lim["max_rows"]:
            raise WorkbookRefused(_too_many_rows(lim["max_rows"]))

    def _columns(self, letters: bytes, lim) -> None:
        number = 0
        for ch in letters:
            number = number * 26 + ch - 64
        self.last_col = max(self.last_col, number)
        if number > lim["max_columns"]:
            raise WorkbookRefused(_("A sheet of the workbook has more than %(n)s columns. Upload the workbook made "
                                    "from the template.") % {"n": lim["max_columns"]})


def _too_big(cap: int) -> str:
    return _("The file is larger than %(n)s MB. Check that you chose the right file.") % {"n": cap // MB}


def _too_many_rows(n: int) -> str:
    return _("A sheet of the workbook has more than %(n)s rows. Remove the extra rows or split the workbook.") % {
        "n": f"{n:,}".replace(",", " ")}


def _unpacked() -> str:
    return _("The workbook is far larger when unpacked than a workbook of this system can be (it may be a "
             "«zip bomb»). Upload the workbook made from the template.")


def _not_xlsx() -> str:
    return _("This is not an Excel workbook (.xlsx). Save the file as .xlsx and upload it again.")


def _damaged() -> str:
    return _("The workbook could not be read: it may be damaged. Open it in Excel, save it again as .xlsx and "
             "upload it.")
