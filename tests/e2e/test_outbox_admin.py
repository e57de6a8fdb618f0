"""Journey: the administrator finds the e-mails that could not be sent and sends them again (kk, ru)."""
import pytest
from django.contrib.auth.models import User

from jospar.notifications.models import OutboundEmail
from jospar.orgs.models import Person

pytestmark = pytest.mark.django_db(transaction=True)

WORDS = {
    "kk": {"title": "шығыс хат", "failed": "жіберілмеді", "action": "Қазір қайта жіберу",
           "done": "1 хат келесі іске қосылғанда қайта жіберіледі."},
    "ru": {"title": "исходящее письмо", "failed": "не отправлено", "action": "Повторить отправку сейчас",
           "done": "1 письмо будет отправлено повторно при следующем запуске."},
}


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_administrator_retries_a_failed_email(page, live_url, screenshot, lang):
    admin = User.objects.create_superuser("root", "root@example.kz", "secret-pass-1")
    Person.objects.create(user=admin, language=lang)
    failed = OutboundEmail.objects.create(to="head@example.kz", subject="2027 жылғы операциялық жоспар",
                                          body="…", status="failed", attempts=10,
                                          last_error="SMTPServerDisconnected: Connection unexpectedly closed")
    OutboundEmail.objects.create(to="staff@example.kz", subject="Есеп", body="…", status="sent")
    page.goto(live_url("/admin/login/"))
    page.fill("input[name=username]", "root")
    page.fill("input[name=password]", "secret-pass-1")
    page.locator("input[type=submit]").click()
    page.goto(live_url("/admin/notifications/outboundemail/?status__exact=failed"))
    text = page.content()
    assert WORDS[lang]["title"] in text.lower() and "head@example.kz" in text and "staff@example.kz" not in text
    assert WORDS[lang]["failed"] in text and "SMTPServerDisconnected" in text
    screenshot(f"outbox-admin-failed-{lang}", full_page=False)
    page.locator("input[name=_selected_action]").check()
    page.select_option("select[name=action]", "retry_now")
    page.locator("button[name=index]").click()
    assert page.locator("ul.messagelist").inner_text().strip() == WORDS[lang]["done"]
    screenshot(f"outbox-admin-retried-{lang}", full_page=False)
    failed.refresh_from_db()
    assert failed.status == "pending" and failed.attempts == 0
