"""Forms of amendments: the basis of a new version, the reason for cancelling an event."""
from django import forms
from django.utils.translation import gettext_lazy

from jospar import text_limits as limits
from jospar.planning.amendments import services
from jospar.planning.models import PlanVersion
from jospar.widgets import DateInput


class AmendmentForm(forms.Form):
    basis = forms.ChoiceField(label=gettext_lazy("Basis"),
                              choices=[c for c in PlanVersion.Basis.choices if c[0] != "initial"],
                              widget=forms.RadioSelect)
    decision: forms.ModelChoiceField = forms.ModelChoiceField(label=gettext_lazy("Decision on the monitoring"),
                                                              required=False, queryset=None)
    document_number = forms.CharField(label=gettext_lazy("Number of the development plan's amendment"), required=False,
                                      max_length=limits.DOCUMENT_NUMBER)
    document_date = forms.DateField(label=gettext_lazy("Date of the development plan's amendment"), required=False,
                                    widget=DateInput())
    basis_kk = forms.CharField(label=gettext_lazy("Basis in words"), required=False, max_length=limits.BASIS,
                               widget=forms.Textarea)
    basis_ru = forms.CharField(label=gettext_lazy("Basis in words"), required=False, max_length=limits.BASIS,
                               widget=forms.Textarea)

    def __init__(self, *args, plan, **kwargs):
        super().__init__(*args, **kwargs)
        decisions = services.decision_basis()  # registered by monitoring: planning names none of its models
        self.fields["decision"].queryset = decisions.choices(plan)
        self.fields["decision"].label_from_instance = decisions.label


class CancelForm(forms.Form):
    """The reason in Kazakh and in Russian, side by side; one may come first (the service wants at least one)."""

    reason_kk = forms.CharField(label=gettext_lazy("Reason for cancelling the event"), required=False,
                                max_length=limits.REASON, widget=forms.Textarea)
    reason_ru = forms.CharField(label=gettext_lazy("Reason for cancelling the event"), required=False,
                                max_length=limits.REASON, widget=forms.Textarea)
