"""The upload and template forms of the development plan workbook."""

from django import forms
from django.utils.translation import gettext_lazy as _

from jospar.planning.devplan.forms import MAX_YEAR, MIN_YEAR


class ImportForm(forms.Form):
    workbook = forms.FileField(label=_("Workbook (.xlsx)"))


class TemplateForm(forms.Form):
    year_from = forms.IntegerField(label=_("First year"), min_value=MIN_YEAR, max_value=MAX_YEAR)
    year_to = forms.IntegerField(label=_("Last year"), min_value=MIN_YEAR, max_value=MAX_YEAR)

    def clean(self):
        data = super().clean()
        first, last = data.get("year_from"), data.get("year_to")
        if first and last and not 0 <= last - first < 20:
            self.add_error("year_to", _("The last year must come after the first one, within 20 years."))
        return data
