"""Due dates falling on a weekend or a public holiday of Kazakhstan are flagged wherever they show."""
from datetime import date

import pytest
from django.template import Context, Template
from django.utils import translation

from jospar.monitoring.templatetags.due_dates import nonworking


@pytest.mark.parametrize(("day", "off"), [
    (date(2026, 10, 10), True),  # Saturday: the III quarter's information is due that day
    (date(2027, 1, 10), True),  # Sunday: the IV quarter's information
    (date(2026, 12, 16), True),  # Independence Day
    (date(2026, 10, 12), False),  # Monday
    (None, False),
])
def test_the_filter_flags_days_off_only(day, off):
    assert bool(nonworking(day)) is off


def test_the_note_is_in_the_readers_language_and_escaped():
    for lang, word in (("kk", "демалыс күні"), ("ru", "выходной день"), ("en", "day off")):
        with translation.override(lang):
            html = nonworking(date(2026, 10, 10))
        assert f"({word})" in html and 'class="dayoff"' in html and "<script" not in html


def test_the_due_date_include_shows_it():
    template = Template('{% include "monitoring/_due.html" with due=due done=False %}')
    with translation.override("ru"):
        html = template.render(Context({"due": {"date": date(2026, 10, 10), "days": 3, "overdue": 0}}))
    assert "10.10.2026" in html and "выходной день" in html
