"""The event form (draft events and units' proposals): validates with the rules module and
produces an EventData value; messages come in the user's language."""
from typing import cast

from django import forms
from django.utils.translation import gettext_lazy as _

from jospar import rules
from jospar import text_limits as limits
from jospar.i18n import current_lang
from jospar.orgs.models import OrgUnit
from jospar.rules.wording import EN_MONTHS, KK_MONTHS, RU_MONTHS
from jospar.widgets import DateInput

from .content import EventData
from .models import CompletionForm
from .models.content import DeadlineKind
from .selectors import anchor_choices

BIGINT = 2**63  # the widest primary key the databases hold


class UnitsField(forms.ModelMultipleChoiceField):
    """Units chosen by id; an id no database integer can hold is refused like any unknown one, before it
    reaches a query (SQLite cannot even bind it: a server error otherwise)."""

    def _check_values(self, value):
        for pk in value:
            try:
                if not -BIGINT <= int(pk) < BIGINT:
                    raise ValueError(pk)
            except (TypeError, ValueError):
                raise forms.ValidationError(self.error_messages["invalid_pk_value"], code="invalid_pk_value",
                                            params={"pk": pk}) from None
        return super()._check_values(value)



def month_choices() -> list[tuple[object, str]]:
    """The months by name in the user's language, nominative («Қаңтар», «Январь»), the value their number;
    a callable, so that the names follow the language of each request."""
    names = {"kk": KK_MONTHS, "ru": RU_MONTHS}.get(current_lang(), EN_MONTHS)
    return [("", "—"), *((m, name[:1].upper() + name[1:]) for m, name in enumerate(names, start=1))]
# The co-executor picker (jospar/static/jospar/a11y.js) over the native multiple select: its texts, translated.
UNIT_PICKER = {
    "data-unit-picker": "1", "data-picker-label": _("Co-executors"), "data-picker-label-id": "co-executors-label",
    "data-picker-search": _("Search units"), "data-picker-remove": _("Remove"), "data-picker-chosen": _("Chosen"),
    "data-picker-shown": _("Shown"), "data-picker-none": _("No unit matches the search."),
}
QUARTERS = [(q, rules.ROMAN[q]) for q in range(1, 5)]


class EventForm(forms.Form):
    anchor = forms.ChoiceField(label=_("Anchor (macroindicator, target indicator or Section II task)"))
    name_kk = forms.CharField(label=_("Name (Kazakh)"), required=False, max_length=limits.NAME,
                              widget=forms.Textarea(attrs={"rows": 2, "lang": "kk"}))
    name_ru = forms.CharField(label=_("Name (Russian)"), required=False, max_length=limits.NAME,
                              widget=forms.Textarea(attrs={"rows": 2, "lang": "ru"}))
    budget = forms.CharField(label=_("Budget program code"), required=False, max_length=limits.BUDGET_CODES,
                             help_text=_("E.g. 001 or 005 100; several codes separated by commas."))
    no_funding = forms.BooleanField(label=_("Does not require funding"), required=False)
    deadline_kind = forms.ChoiceField(label=_("Deadline"), choices=DeadlineKind.choices)
    deadline_date = forms.DateField(label=_("Date"), required=False, widget=DateInput())
    deadline_month = forms.TypedChoiceField(label=_("Month"), choices=month_choices, coerce=int,
                                            required=False, empty_value=None)
    deadline_quarter = forms.TypedChoiceField(label=_("Quarter"), choices=[("", "—"), *QUARTERS], coerce=int,
                                              required=False, empty_value=None)
    deadline_day = forms.IntegerField(label=_("Day"), required=False, min_value=1, max_value=31)
    completion_form = forms.ModelChoiceField(label=_("Completion form"), queryset=CompletionForm.objects.none(),
                                             required=False)
    completion_kk = forms.CharField(label=_("Other completion form (Kazakh)"), required=False,
                                    max_length=limits.COMPLETION, widget=forms.TextInput(attrs={"lang": "kk"}))
    completion_ru = forms.CharField(label=_("Other completion form (Russian)"), required=False,
                                    max_length=limits.COMPLETION, widget=forms.TextInput(attrs={"lang": "ru"}))
    lead_unit = forms.ModelChoiceField(label=_("Lead executor"), queryset=OrgUnit.objects.none(), required=False)
    co_executors = UnitsField(label=_("Co-executors"), queryset=OrgUnit.objects.none(), required=False,
                              widget=forms.SelectMultiple(attrs={"size": 4, **UNIT_PICKER}))
    lock_version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, plan, with_lead: bool = True, development_plan_id: int | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.plan = plan
        lang = current_lang()
        anchors = [("", "—"), *anchor_choices(plan, lang, development_plan_id)]
        cast(forms.ChoiceField, self.fields["anchor"]).choices = anchors
        units = OrgUnit.objects.filter(body_id=plan.body_id, is_active=True).order_by("-kind", "position", "id")
        cast(forms.ModelChoiceField, self.fields["lead_unit"]).queryset = units
        cast(forms.ModelMultipleChoiceField, self.fields["co_executors"]).queryset = units
        cast(forms.ModelChoiceField, self.fields["completion_form"]).queryset = CompletionForm.objects.filter(
            body_id=plan.body_id)
        if not with_lead:
            del self.fields["lead_unit"]

    def clean(self):
        data = super().clean()
        lang = current_lang()
        if not (data.get("name_kk", "").strip() or data.get("name_ru", "").strip()):
            self.add_error("name_ru", _("Give the event's name in Kazakh or Russian (both are needed for approval)."))
        codes = ""
        if not data.get("no_funding") and data.get("budget", "").strip():
            try:
                parsed = rules.parse_budget_codes(data["budget"])
            except rules.BudgetCodeError as exc:
                self.add_error("budget", exc.message(lang))
            else:
                codes = rules.format_budget_codes(parsed, "ru") if parsed else ""
                if not parsed:
                    data["no_funding"] = True
        data["budget_codes"] = codes
        kind = data.get("deadline_kind")
        if kind:
            deadline = rules.Deadline(
                kind=rules.DeadlineKind(kind),
                date=data.get("deadline_date") if kind == "date" else None,
                month=data.get("deadline_month") if kind in ("month", "yearly") else None,
                quarter=data.get("deadline_quarter") if kind == "quarter" else None,
                day=data.get("deadline_day") if kind in ("yearly", "quarterly", "monthly") else None,
            )
            try:
                deadline.validate()
            except rules.DeadlineError as exc:
                self.add_error("deadline_kind", exc.message(lang))
            else:
                if deadline.date and deadline.date.year != self.plan.year:
                    self.add_error("deadline_date", _("The date must fall within the plan's year %(year)s.")
                                   % {"year": self.plan.year})
                data["deadline"] = deadline
        return data

    def event_data(self, lead_unit=None) -> EventData:
        d = self.cleaned_data
        return EventData(
            anchor_key=d["anchor"], name_kk=d["name_kk"].strip(), name_ru=d["name_ru"].strip(),
            deadline=d["deadline"], no_funding=bool(d.get("no_funding")), budget_codes=d["budget_codes"],
            completion_form=d.get("completion_form"), completion_kk=d["completion_kk"].strip(),
            completion_ru=d["completion_ru"].strip(), lead_unit=lead_unit or d.get("lead_unit"),
            co_executors=list(d.get("co_executors") or []),
        )

    @staticmethod
    def initial_from(source, lead_unit=None, co_executors=()) -> dict:
        return {
            "anchor": source.anchor_key, "name_kk": source.name_kk, "name_ru": source.name_ru,
            "budget": source.budget_codes, "no_funding": source.no_funding, "deadline_kind": source.deadline_kind,
            "deadline_date": source.deadline_date, "deadline_month": source.deadline_month,
            "deadline_quarter": source.deadline_quarter, "deadline_day": source.deadline_day,
            "completion_form": source.completion_form_id, "completion_kk": source.completion_kk,
            "completion_ru": source.completion_ru, "lead_unit": getattr(lead_unit, "pk", None),
            "co_executors": [u.pk for u in co_executors], "lock_version": source.lock_version,
        }
