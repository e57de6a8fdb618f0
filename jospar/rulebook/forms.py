"""The rulebook page's form: an edition's dates and parameters, its act's title and every label of Form 1 and
Form 2, in kk, ru and en side by side. Texts are not required here: the service checks the whole correction
and words every problem (`rules.correction_problems`)."""
from django import forms

from jospar import rules
from jospar.orgs.models import Office
from jospar.rules.edition_data import PARAMETERS, TEXT_LABELS, THRESHOLDS
from jospar.widgets import DateInput

from .labels import FIELD_TITLES, LABEL_TITLES, column

LANGS = rules.LANGS
DATES_AND_PARAMETERS = ("effective_from", "effective_to", *PARAMETERS)


def _text(rows: int = 2) -> forms.CharField:
    return forms.CharField(required=False, strip=False, widget=forms.Textarea(attrs={"rows": rows}))


class EditionForm(forms.Form):
    revision = forms.IntegerField(widget=forms.HiddenInput)
    effective_from = forms.DateField(label=FIELD_TITLES["effective_from"], widget=DateInput())
    effective_to = forms.DateField(label=FIELD_TITLES["effective_to"], widget=DateInput(), required=False)
    approval_days = forms.IntegerField(label=FIELD_TITLES["approval_days"], min_value=1, max_value=366)
    info_due_day = forms.IntegerField(label=FIELD_TITLES["info_due_day"], min_value=1, max_value=31)
    report_due_day = forms.IntegerField(label=FIELD_TITLES["report_due_day"], min_value=1, max_value=31)
    shift_to_workday = forms.BooleanField(label=FIELD_TITLES["shift_to_workday"], required=False)
    approvers = forms.MultipleChoiceField(label=FIELD_TITLES["approvers"], choices=Office.choices,
                                          widget=forms.CheckboxSelectMultiple)
    text_checked = forms.BooleanField(label=FIELD_TITLES["text_checked"], required=False)
    # Left empty, a threshold keeps its value (a form sent without them, from a page before them, changes none).
    indicator_achieved = forms.IntegerField(label=FIELD_TITLES["indicator_achieved"], min_value=1, max_value=1000,
                                            required=False)
    indicator_on_track = forms.IntegerField(label=FIELD_TITLES["indicator_on_track"], min_value=1, max_value=1000,
                                            required=False)
    indicator_tolerance = forms.IntegerField(label=FIELD_TITLES["indicator_tolerance"], min_value=0, max_value=99,
                                             required=False)

    def __init__(self, *args, edition: rules.Edition, revision: int, **kwargs):
        initial = {name: getattr(edition, name) for name in DATES_AND_PARAMETERS}
        initial.update(revision=revision, approvers=list(edition.approvers))
        self.edition = edition
        kwargs["initial"] = initial
        super().__init__(*args, **kwargs)
        for lang in LANGS:
            self.fields[f"act_{lang}"] = _text(3)
            self.initial[f"act_{lang}"] = edition.act.get(lang, "")
        for form in (1, 2):
            labels = edition.form(form)
            for name in TEXT_LABELS:
                for lang in LANGS:
                    self.fields[f"f{form}_{name}_{lang}"] = _text()
                    self.initial[f"f{form}_{name}_{lang}"] = getattr(labels, name).get(lang, "")
            for lang in LANGS:
                columns = labels.columns.get(lang, ())
                for i in range(1, self.column_count(form) + 1):
                    self.fields[f"f{form}_columns{i}_{lang}"] = _text()
                    self.initial[f"f{form}_columns{i}_{lang}"] = columns[i - 1] if i <= len(columns) else ""

    def column_count(self, form: int) -> int:
        return len(self.edition.form(form).columns.get("ru", ()))

    def rows(self, form: int) -> list[tuple[str, list]]:
        """(label, [kk, ru, en bound fields]) for each label of Form ``form``, columns last."""
        rows = [(str(LABEL_TITLES[name]), [self[f"f{form}_{name}_{lang}"] for lang in LANGS]) for name in TEXT_LABELS]
        count = self.column_count(form)
        rows += [(column(i), [self[f"f{form}_columns{i}_{lang}"] for lang in LANGS])
                 for i in range(1, count + 1)]
        return rows

    def act_fields(self) -> list:
        return [self[f"act_{lang}"] for lang in LANGS]

    def data_for_rules(self) -> dict:
        """The corrected edition as `rules.edition_from_dict` reads it (call after is_valid)."""
        c = self.cleaned_data
        labels = {}
        for form in (1, 2):
            count = self.column_count(form)
            labels[f"form{form}"] = {name: {lang: c[f"f{form}_{name}_{lang}"] for lang in LANGS}
                                     for name in TEXT_LABELS}
            labels[f"form{form}"]["columns"] = {
                lang: [c[f"f{form}_columns{i}_{lang}"] for i in range(1, count + 1)] for lang in LANGS}
        return {
            "act": {lang: c[f"act_{lang}"] for lang in LANGS},
            **{name: c[name] if c.get(name) is not None or name not in THRESHOLDS else getattr(self.edition, name)
               for name in DATES_AND_PARAMETERS},
            **labels,
        }
