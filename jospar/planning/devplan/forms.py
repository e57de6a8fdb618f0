"""Forms for entering the development plan in the browser: the plan itself and each kind of item."""
import re

from django import forms
from django.utils.translation import gettext_lazy as _

from jospar.planning.devplan.selectors import shown
from jospar.planning.models import (
    DevelopmentPlan,
    Goal,
    Macroindicator,
    RegulationTask,
    StrategicDirection,
    TargetIndicator,
)
from jospar.widgets import DateInput

MIN_YEAR, MAX_YEAR = 2000, 2100
SPACES = re.compile(r"[\s\u00a0\u202f]+")


class FlexibleDecimalField(forms.DecimalField):
    """A number typed with a comma or a point, spaces between thousands allowed."""

    widget = forms.TextInput(attrs={"inputmode": "decimal", "size": 10})

    def to_python(self, value):
        if isinstance(value, str):
            value = SPACES.sub("", value).replace(",", ".")
        return super().to_python(value)


def _text(rows=2):
    return forms.Textarea(attrs={"rows": rows})


class DevelopmentPlanForm(forms.ModelForm):
    class Meta:
        model = DevelopmentPlan
        fields = ["title_kk", "title_ru", "title_en", "year_from", "year_to", "edition", "signed_on",
                  "document_number"]
        widgets = {
            "title_kk": _text(), "title_ru": _text(), "title_en": _text(),
            "signed_on": DateInput(),
        }

    def __init__(self, *args, body_id=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.body_id = body_id
        if body_id and not self.instance.body_id:
            self.instance.body_id = body_id  # the model's date checks compare with the body's other plans
        for name in ("year_from", "year_to"):
            self.fields[name].min_value = MIN_YEAR
            self.fields[name].widget.attrs.update(min=MIN_YEAR, max=MAX_YEAR)

    def clean(self):
        data = super().clean()
        first, last, edition = data.get("year_from"), data.get("year_to"), data.get("edition")
        for name in ("year_from", "year_to"):
            year = data.get(name)
            if year is not None and not MIN_YEAR <= year <= MAX_YEAR:
                self.add_error(name, _("Give a year between %(a)s and %(b)s.") % {"a": MIN_YEAR, "b": MAX_YEAR})
        if first and last and last < first:
            self.add_error("year_to", _("The last year cannot come before the first one."))
        if first and edition is not None:
            if edition < 1:
                self.add_error("edition", _("The edition is a whole number from 1."))
            taken = DevelopmentPlan.objects.filter(body_id=self.body_id, year_from=first, edition=edition)
            if self.instance.pk:
                taken = taken.exclude(pk=self.instance.pk)
            if taken.exists():
                self.add_error("edition", _("Edition %(edition)s of the development plan from %(year)s already "
                                            "exists.") % {"edition": edition, "year": first})
        return data


NAME_FIELDS = ["name_kk", "name_ru", "name_en"]
NAME_WIDGETS = {name: _text() for name in NAME_FIELDS}
INDICATOR_FIELDS = [*NAME_FIELDS, "code", "unit_kk", "unit_ru", "unit_en", "baseline"]


class NodeForm(forms.ModelForm):
    """An item's names (and for indicators its unit, baseline and a planned value per year)."""

    def __init__(self, *args, years=(), values=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.years = list(years) if self.has_values else []
        values = values or {}
        if "baseline" in self.fields:
            self.fields["baseline"] = FlexibleDecimalField(
                label=_("Baseline value"), required=False, max_digits=18, decimal_places=4)
            self.initial["baseline"] = shown(self.instance.baseline, grouping=False)  # «1200,5», not «1200.5000»
        for year in self.years:
            self.fields[f"value_{year}"] = FlexibleDecimalField(
                label=str(year), required=False, max_digits=18, decimal_places=4,
                initial=shown(values.get(year), grouping=False))
        for name in ("name_kk", "name_ru"):
            self.fields[name].required = True

    has_values = False

    def year_fields(self):
        return [self[f"value_{year}"] for year in self.years]

    def values(self) -> dict | None:
        if not self.has_values:
            return None
        return {year: self.cleaned_data.get(f"value_{year}") for year in self.years}

    def data_fields(self) -> dict:
        return {name: self.cleaned_data[name] for name in self._meta.fields or ()}


class DirectionForm(NodeForm):
    class Meta:
        model = StrategicDirection
        fields = NAME_FIELDS
        widgets = NAME_WIDGETS


class MacroindicatorForm(NodeForm):
    has_values = True

    class Meta:
        model = Macroindicator
        fields = INDICATOR_FIELDS
        widgets = NAME_WIDGETS


class GoalForm(NodeForm):
    class Meta:
        model = Goal
        fields = [*NAME_FIELDS, "code"]
        widgets = NAME_WIDGETS


class TargetIndicatorForm(NodeForm):
    has_values = True

    class Meta:
        model = TargetIndicator
        fields = INDICATOR_FIELDS
        widgets = NAME_WIDGETS


class TaskForm(NodeForm):
    class Meta:
        model = RegulationTask
        fields = [*NAME_FIELDS, "code"]
        widgets = NAME_WIDGETS


class IndicatorRolesForm(forms.Form):
    """An indicator's responsible unit (one of the body's) and its kind."""

    responsible_unit: forms.ModelChoiceField = forms.ModelChoiceField(
        queryset=None, required=False, label=_("Responsible unit"), empty_label=_("— not named yet —"))
    polarity = forms.ChoiceField(label=_("Which way is better"))
    accumulation = forms.ChoiceField(label=_("How values count"))

    def __init__(self, *args, body_id: int, lang: str, **kwargs):
        from jospar.orgs.models import OrgUnit
        from jospar.rules.indicators import Accumulation, Polarity

        super().__init__(*args, **kwargs)
        unit_field = self.fields["responsible_unit"]
        polarity, accumulation = self.fields["polarity"], self.fields["accumulation"]
        assert isinstance(unit_field, forms.ModelChoiceField) and isinstance(polarity, forms.ChoiceField)
        assert isinstance(accumulation, forms.ChoiceField)
        unit_field.queryset = OrgUnit.objects.filter(body_id=body_id, is_active=True)
        polarity.choices = [(p.value, p.label(lang)) for p in Polarity]
        accumulation.choices = [(a.value, a.label(lang)) for a in Accumulation]


NODE_FORMS = {
    "direction": DirectionForm,
    "macroindicator": MacroindicatorForm,
    "goal": GoalForm,
    "indicator": TargetIndicatorForm,
    "task": TaskForm,
}


