"""Forms of drafting that are not the event form (jospar.planning.forms)."""
from django import forms
from django.utils.translation import gettext_lazy

from jospar.planning.models import DevelopmentPlan
from jospar.widgets import DateInput


class OpenYearForm(forms.Form):
    year = forms.IntegerField(label=gettext_lazy("Year"), min_value=2000, max_value=2100)
    development_plan = forms.ModelChoiceField(label=gettext_lazy("Development plan"),
                                              queryset=DevelopmentPlan.objects.none())
    proposals_due = forms.DateField(label=gettext_lazy("Proposals due"), widget=DateInput())
    late_ok = forms.BooleanField(label=gettext_lazy("Open it anyway: the plan is flagged as late"), required=False)
