"""Journey: from the demo's plan page, Form 1 downloads in one click in every format and language and reads back."""
import re
from datetime import date
from pathlib import Path

import pytest

from jospar.demo.loader import PASSWORD, DemoLoader
from tests.documents.readback import KAZAKH_LETTERS, docx_rows, pdf_pages, xlsx_sheet

pytestmark = pytest.mark.django_db(transaction=True)

TODAY = date(2026, 11, 25)
FORM1_TITLE = {
    "kk": "Қазақстан Республикасы Су ресурстары және ирригация министрлігінің 2026 жылға арналған операциялық жоспары",
    "ru": "Операционный план Министерства водных ресурсов и ирригации Республики Казахстан на 2026 год",
}


@pytest.fixture
def demo(transactional_db):
    DemoLoader(TODAY, log=lambda msg: None).load()


def log_in(page, live_url, username):
    page.goto(live_url("/accounts/login/"))
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", PASSWORD)
    page.locator("form.stack button[type=submit]").click()
    page.wait_for_url(live_url("/"))


def click_download(page, selector, tmp_path: Path) -> tuple[str, bytes]:
    with page.expect_download(timeout=90_000) as info:  # a PDF of 20+ pages takes seconds on a busy machine
        page.locator(selector).click()
    download = info.value
    target = tmp_path / download.suggested_filename
    download.save_as(target)
    return download.suggested_filename, target.read_bytes()


def check(kind: str, lang: str, fmt: str, data: bytes, title: str, header: str) -> None:
    if fmt == "docx":
        document, rows = docx_rows(data)
        assert document.paragraphs[0].text.startswith(title[:40])
        assert header in rows[0][0]
        assert len([r for r in rows if r[2] == 1 and r[0][0].isdigit()]) > 10  # numbered events
    elif fmt == "xlsx":
        ws = xlsx_sheet(data)
        assert ws["A1"].value.startswith(title[:40])
        assert header in [c.value for c in ws[4]]
        assert sum(1 for row in ws.iter_rows(min_row=6, max_col=1, values_only=True) if isinstance(row[0], int)) > 10
    else:
        text = " ".join(" ".join(pdf_pages(data)).split())
        assert title[:40] in text and header.split()[0] in text
        if lang == "kk":
            assert sum(letter in text for letter in KAZAKH_LETTERS) >= 7


def test_form1_downloads_from_the_plan_page(page, live_url, demo, tmp_path, screenshot):
    log_in(page, live_url, "planner")
    page.goto(live_url("/plans/2026/"))
    version = re.search(r"/v(\d+)/", page.locator("a[data-doc=form1-kk-pdf]").get_attribute("href")).group(1)
    links = page.locator("nav.downloads a[data-doc^=form1]")
    assert links.count() == 6
    screenshot("documents-plan-downloads", full_page=False)
    for lang in ("kk", "ru"):
        for fmt in ("docx", "xlsx", "pdf"):
            name, data = click_download(page, f"a[data-doc=form1-{lang}-{fmt}]", tmp_path)
            assert re.fullmatch(rf"operational-plan-2026-v{version}-{lang}\.{fmt}", name), name
            header = "Жауапты орындаушы" if lang == "kk" else "Ответственный исполнитель"
            check("form1", lang, fmt, data, FORM1_TITLE[lang], header)


MARK = {"kk": "ЖОБА", "ru": "ПРОЕКТ"}
APPROVED = {"kk": "-нұсқасы. ", "ru": "операционного плана. Утверждена "}
DRAFT = {"kk": "1-нұсқасы: жоба, бекітілмеген.", "ru": "Версия 1 операционного плана: проект, не утверждена."}


def test_the_approved_plan_downloads_as_stored_and_next_years_draft_says_it_is_one(page, live_url, demo, tmp_path):
    """Issue 13.4–13.5: the approved version's files are the bytes stored at its approval, with the version line
    and no mark; next year's draft carries «ЖОБА» / «ПРОЕКТ» and «not approved» on every page."""
    from jospar.documents.models import StoredDocument

    log_in(page, live_url, "planner")
    page.goto(live_url("/plans/2026/"))
    for lang in ("kk", "ru"):
        for fmt in ("docx", "xlsx", "pdf"):
            name, data = click_download(page, f"a[data-doc=form1-{lang}-{fmt}]", tmp_path)
            assert data == bytes(StoredDocument.objects.get(filename=name, version__plan__body__code="mwri").data)
        pages = [" ".join(text.split()) for text in pdf_pages(data)]
        assert all(APPROVED[lang] in text and MARK[lang] not in text for text in pages)
    page.goto(live_url("/plans/2027/"))
    for lang in ("kk", "ru"):
        _name, data = click_download(page, f"a[data-doc=form1-{lang}-pdf]", tmp_path)
        pages = [" ".join(text.split()) for text in pdf_pages(data)]
        assert all(MARK[lang] in text and DRAFT[lang] in text for text in pages)
