"""Supporting files: what may be uploaded and how it is checked.

Only five document types, at most 10 MB each. The extension must agree with the content (magic bytes;
for DOCX/XLSX the package's own parts), macro-enabled Office packages are refused, and the file is
stored under a random name without extension. It is only ever served as an attachment download with
``application/octet-stream`` after a permission check, so the browser never renders or runs it.
"""
import os
import re
import unicodedata
import zipfile

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

MAX_SIZE = 10 * 1024 * 1024
MAX_FILES_PER_ENTRY = 10
ALLOWED = ("pdf", "docx", "xlsx", "png", "jpg")
ACCEPT = ".pdf,.docx,.xlsx,.png,.jpg,.jpeg"
_ALIASES = {"jpeg": "jpg"}


def _office_kind(upload) -> str | None:
    upload.seek(0)
    try:
        with zipfile.ZipFile(upload) as package:
            names = set(package.namelist())
    except (zipfile.BadZipFile, OSError, ValueError):
        return None
    finally:
        upload.seek(0)
    if "[Content_Types].xml" not in names or any(n.lower().endswith("vbaproject.bin") for n in names):
        return None
    if "word/document.xml" in names:
        return "docx"
    if "xl/workbook.xml" in names:
        return "xlsx"
    return None


def sniff(upload) -> str | None:
    """The type the content really has (one of ALLOWED), or None."""
    upload.seek(0)
    head = upload.read(16)
    upload.seek(0)
    if head.startswith(b"%PDF-"):
        return "pdf"
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return "png"
    if head.startswith(b"\xff\xd8\xff"):
        return "jpg"
    if head.startswith(b"PK\x03\x04"):
        return _office_kind(upload)
    return None


def clean_name(name: str) -> str:
    """The uploaded name as data: no directories, no control characters, at most 150 characters."""
    name = os.path.basename((name or "").replace("\\", "/"))
    name = "".join(ch for ch in unicodedata.normalize("NFC", name) if unicodedata.category(ch)[0] != "C")
    name = re.sub(r"[\"'<>:|?*;]", "_", name).strip(" .") or "file"
    stem, ext = os.path.splitext(name)
    return stem[: 150 - len(ext)] + ext


def check_upload(upload) -> str:
    """The file's type if it may be stored; ValidationError with a plain message otherwise."""
    if upload is None:
        raise ValidationError(_("Choose a file to upload."))
    ext = os.path.splitext(upload.name or "")[1].lower().lstrip(".")
    ext = _ALIASES.get(ext, ext)
    if ext not in ALLOWED:
        raise ValidationError(
            _("Only PDF, DOCX, XLSX, PNG and JPG files can be attached; «%(name)s» is not one of them.")
            % {"name": clean_name(upload.name)}
        )
    if upload.size > MAX_SIZE:
        raise ValidationError(
            _("«%(name)s» is larger than 10 MB.") % {"name": clean_name(upload.name)}
        )
    if upload.size == 0:
        raise ValidationError(_("«%(name)s» is empty.") % {"name": clean_name(upload.name)})
    if sniff(upload) != ext:
        raise ValidationError(
            _("The content of «%(name)s» is not a %(type)s file.") % {"name": clean_name(upload.name),
                                                                   "type": ext.upper()}
        )
    return ext
