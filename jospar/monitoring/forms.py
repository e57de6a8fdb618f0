"""Forms of the monitoring pages; validation of substance lives in the services."""
import re

from django import forms
from django.utils.translation import gettext_lazy as _

from jospar import text_limits as limits
from jospar.i18n import current_lang
from jospar.rules import statuses
from jospar.widgets import DateInput

from .attachments import ACCEPT


def _entry_text(label) -> forms.CharField:
    return forms.CharField(label=label, required=False, max_length=limits.EXECUTION_TEXT, widget=forms.Textarea)


class EntryForm(forms.Form):
    """An entry: its status and each text in Kazakh and Russian, side by side (`{% bilingual_field %}`); one
    language is enough to save, both are needed to submit (the services decide)."""

    status = forms.ChoiceField(label=_("Status"), choices=())
    actual_kk = _entry_text(_("Actual execution"))
    actual_ru = _entry_text(_("Actual execution"))
    reasons_kk = _entry_text(_("Reasons for non-execution"))
    reasons_ru = _entry_text(_("Reasons for non-execution"))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["status"].choices = [("", "—"), *statuses.choices(current_lang())]


class UploadForm(forms.Form):
    file = forms.FileField(label=_("Supporting file"), widget=forms.ClearableFileInput(attrs={"accept": ACCEPT}))


class ContributionForm(forms.Form):
    text = forms.CharField(label=_("The unit's contribution"), required=False, max_length=limits.EXECUTION_TEXT,
                           widget=forms.Textarea(attrs={"rows": 2}))


class ReturnForm(forms.Form):
    comment = forms.CharField(label=_("Comment to the unit"), max_length=limits.COMMENT,
                              widget=forms.Textarea(attrs={"rows": 2}))


class SubmitForm(forms.Form):
    attest = forms.BooleanField(
        label=_("I confirm that the information is accurate, complete and submitted on time (Rules, §14)."),
        required=False
    )


def _text(label, limit: int) -> forms.CharField:
    """One language of a text kept in both state languages: optional here (the step that sends the text on
    checks both are there); the template shows the pair side by side (``{% bilingual_field %}``)."""
    return forms.CharField(label=label, required=False, max_length=limit, widget=forms.Textarea)


class ReportTextsForm(forms.Form):
    general_kk = _text(_("Recommendations to the officials"), limits.REPORT_TEXT)
    general_ru = _text(_("Recommendations to the officials"), limits.REPORT_TEXT)
    proposals_kk = _text(_("Proposals to amend and supplement the plan"), limits.REPORT_TEXT)
    proposals_ru = _text(_("Proposals to amend and supplement the plan"), limits.REPORT_TEXT)


class RecommendationForm(forms.Form):
    text_kk = _text(_("Recommendation"), limits.REPORT_TEXT)
    text_ru = _text(_("Recommendation"), limits.REPORT_TEXT)


class DecisionForm(forms.Form):
    text_kk = _text(_("Decision"), limits.REPORT_TEXT)
    text_ru = _text(_("Decision"), limits.REPORT_TEXT)
    responsible_unit = forms.TypedChoiceField(label=_("Responsible unit"), required=False, coerce=int,
                                              empty_value=None, choices=())
    responsible_person = forms.TypedChoiceField(label=_("Responsible person"), required=False, coerce=int,
                                                empty_value=None, choices=())
    due_on = forms.DateField(label=_("Due date"), required=False, widget=DateInput())
    events = forms.CharField(label=_("Events (numbers, comma-separated)"), required=False,
                             widget=forms.TextInput(attrs={"placeholder": "3, 17"}))
    requests_amendment = forms.BooleanField(label=_("This decision requests an amendment of the plan"),
                                            required=False)

    def __init__(self, *args, units=(), persons=(), numbers=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.numbers = numbers or {}
        self.fields["responsible_unit"].choices = [("", "—"), *((u.id, u.name) for u in units)]
        self.fields["responsible_person"].choices = [("", "—"), *((p.id, p.person.full_name if hasattr(p, "person")
                                                                    else p.get_username()) for p in persons)]

    def clean_events(self):
        raw = self.cleaned_data.get("events", "")
        numbers = [n for n in re.split(r"[\s,;]+", raw) if n]
        unknown = [n for n in numbers if n not in self.numbers]
        if unknown:
            raise forms.ValidationError(
                _("No event with number %(numbers)s in this report.") % {"numbers": ", ".join(unknown)}
            )
        return [self.numbers[n] for n in numbers]
