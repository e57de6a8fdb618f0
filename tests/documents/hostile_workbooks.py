"""Hostile .xlsx files built in memory: a decompression bomb, one whose declared size lies, 100,000 rows …

Each is a real zip with the parts of an .xlsx, so only the guard's limits can refuse it.
"""
import struct
import zipfile
from functools import cache
from io import BytesIO

CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/'
    'content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
    'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/'
    'workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
    '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.'
    'spreadsheetml.worksheet+xml"/></Types>'
)
RELS = (
    '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/'
    'relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>'
)
WORKBOOK_RELS = (
    '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/'
    'relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>'
)
MAIN = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
REL = 'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'
SHEET_HEAD = f'<?xml version="1.0" encoding="UTF-8"?><worksheet {MAIN}><dimension ref="A1:B2"/><sheetData>'
SHEET_TAIL = "</sheetData></worksheet>"
MB = 1024 * 1024


def _workbook_xml(n_sheets: int = 1) -> str:
    sheets = "".join(f'<sheet name="S{i}" sheetId="{i}" r:id="rId{i}"/>' for i in range(1, n_sheets + 1))
    return f'<?xml version="1.0" encoding="UTF-8"?><workbook {MAIN} {REL}><sheets>{sheets}</sheets></workbook>'


def xlsx(sheet_chunks, n_sheets: int = 1, sheet_head: str = SHEET_HEAD) -> bytes:
    """An .xlsx whose first sheet's XML is SHEET_HEAD + the chunks + SHEET_TAIL, streamed into the zip."""
    out = BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", CONTENT_TYPES)
        archive.writestr("_rels/.rels", RELS)
        archive.writestr("xl/workbook.xml", _workbook_xml(n_sheets))
        archive.writestr("xl/_rels/workbook.xml.rels", WORKBOOK_RELS)
        with archive.open("xl/worksheets/sheet1.xml", "w") as sheet:
            sheet.write(sheet_head.encode())
            for chunk in sheet_chunks:
                sheet.write(chunk)
            sheet.write(SHEET_TAIL.encode())
    return out.getvalue()


def _repeated_rows(total_bytes: int):
    row = b'<row><c t="inlineStr"><is><t>' + b"A" * 30_000 + b"</t></is></c></row>"
    chunk = row * (MB // len(row))
    for _ in range(total_bytes // len(chunk)):
        yield chunk


@cache
def bomb(unpacked_mb: int = 300) -> bytes:
    """A sheet of ``unpacked_mb`` MB of repeated rows, deflated to a few hundred KB."""
    return xlsx(_repeated_rows(unpacked_mb * MB))


@cache
def lying_bomb(unpacked_mb: int = 300, declared: int = 20_000) -> bytes:
    """The same bomb with the sheet's sizes in the zip (local header and central directory) set to ``declared``."""
    data = bytearray(bomb(unpacked_mb))
    name = b"xl/worksheets/sheet1.xml"
    central = data.rfind(b"PK\x01\x02", 0, data.find(b"PK\x05\x06"))
    assert data[central + 46:central + 46 + len(name)] == name
    struct.pack_into("<I", data, central + 24, declared)
    local = struct.unpack_from("<I", data, central + 42)[0]
    assert data[local:local + 4] == b"PK\x03\x04"
    struct.pack_into("<I", data, local + 22, declared)
    return bytes(data)


def _numbered_rows(n: int, first: int = 1):
    batch = []
    for r in range(first, first + n):
        batch.append(f'<row r="{r}"><c r="A{r}" t="inlineStr"><is><t>Item {r}</t></is></c></row>'.encode())
        if len(batch) == 5000:
            yield b"".join(batch)
            batch = []
    yield b"".join(batch)


@cache
def many_rows(n: int = 100_000) -> bytes:
    """``n`` rows, while the sheet's <dimension> claims two."""
    return xlsx(_numbered_rows(n))


def far_row(row_number: int = 1_048_576) -> bytes:
    """One row, numbered far down: openpyxl would walk every empty row before it."""
    return xlsx(_numbered_rows(1, first=row_number))


def wide_row(column: str = "XFD") -> bytes:
    return xlsx([f'<row r="1"><c r="{column}1" t="inlineStr"><is><t>x</t></is></c></row>'.encode()])


def many_sheets(n: int = 500) -> bytes:
    return xlsx([], n_sheets=n)


def with_doctype() -> bytes:
    head = ('<?xml version="1.0"?><!DOCTYPE lol [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;">]>'
            f'<worksheet {MAIN}><sheetData>')
    return xlsx([b'<row r="1"><c r="A1" t="inlineStr"><is><t>&lol2;</t></is></c></row>'], sheet_head=head)


def macro_enabled() -> bytes:
    out = BytesIO(xlsx([]))
    with zipfile.ZipFile(out, "a") as archive:
        archive.writestr("xl/vbaProject.bin", b"\0" * 64)
    return out.getvalue()
