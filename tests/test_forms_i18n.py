"""Forms in the reader's language: date pickers keep their saved dates, every label is translated."""
from datetime import date

import pytest
from django.utils import translation

from jospar.monitoring.forms import DecisionForm
from jospar.planning.amendments.views import AmendmentForm
from jospar.planning.drafting.views.draft import OpenYearForm
from jospar.planning.forms import EventForm


@pytest.mark.parametrize("lang", ["kk", "ru", "en"])
def test_a_saved_date_is_handed_to_the_date_picker_as_iso(lang):
    with translation.override(lang):
        field = EventForm.base_fields["deadline_date"]
        html = field.widget.render("deadline_date", date(2027, 1, 29))
        assert 'type="date"' in html and 'value="2027-01-29"' in html
        assert field.clean("2027-01-29") == date(2027, 1, 29)  # what the browser posts back


@pytest.mark.parametrize("form", [AmendmentForm, OpenYearForm, DecisionForm])
def test_every_date_field_uses_the_iso_picker(form):
    dates = [f for f in form.base_fields.values() if f.__class__.__name__ == "DateField"]
    assert dates
    for field in dates:
        assert 'value="2026-11-25"' in field.widget.render("d", date(2026, 11, 25))


def test_the_amendment_form_speaks_russian_and_kazakh():
    with translation.override("ru"):
        assert str(AmendmentForm.base_fields["document_number"].label) == (
            "Номер документа о внесении изменений в план развития")
        assert str(AmendmentForm.base_fields["basis_ru"].label) == "Основание (текстом)"
    with translation.override("kk"):
        assert str(AmendmentForm.base_fields["decision"].label) == "Мониторинг нәтижелері бойынша шешім"
