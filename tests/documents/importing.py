"""Helpers for import tests: fill the downloaded template as a planner would, in memory."""
from datetime import date
from io import BytesIO

from django.core.files.uploadedfile import SimpleUploadedFile
from openpyxl import load_workbook

from jospar.documents.importers.plan_columns import INDEX
from jospar.documents.importers.plan_template import build_import_template, deadline_kind_labels
from jospar.documents.writers.cells import put_text


def kind_label(kind: str, lang: str = "ru") -> str:
    return dict(deadline_kind_labels(lang))[kind]


def good_rows(lang: str = "ru") -> list[dict]:
    return [
        {"anchor": "T1.1.1", "name_kk": "Жаңа іс-шара", "name_ru": "Новое мероприятие", "budget": "001 100",
         "executors": "su1, su2", "kind": kind_label("quarter", lang), "quarter": 3,
         "completion_kk": "Министрдің бұйрығы", "completion_ru": "Приказ министра"},
        {"anchor": "II.2", "name_kk": "Екінші іс-шара", "name_ru": "Второе мероприятие",
         "budget": "не требует финансирования", "executors": "su3", "wording": "ежегодно, до 20 декабря",
         "completion_kk": "Үкіметке ақпарат", "completion_ru": "Информация в Правительство"},
        {"anchor": "м2.1", "name_kk": "Үшінші іс-шара", "name_ru": "Третье мероприятие", "budget": 1,
         "executors": "SU0", "kind": kind_label("date", lang), "date": date(2026, 7, 1),
         "completion_ru": "Отчет"},
    ]


def workbook_bytes(template: bytes, rows: list[dict], mutate=None) -> bytes:
    wb = load_workbook(BytesIO(template))
    ws = wb.worksheets[0]
    for r, values in enumerate(rows, start=2):
        for key, value in values.items():
            cell = ws.cell(row=r, column=INDEX[key] + 1)
            if isinstance(value, str) and not value.startswith("="):
                put_text(cell, value)
            else:
                cell.value = value
    if mutate is not None:
        mutate(wb)
    out = BytesIO()
    wb.save(out)
    return out.getvalue()


def upload(data: bytes, name: str = "plan.xlsx") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, data, content_type="application/octet-stream")


def filled(version, rows, lang="ru", mutate=None, name="plan.xlsx") -> SimpleUploadedFile:
    return upload(workbook_bytes(build_import_template(version, lang), rows, mutate), name)
