"""Forms of amendments: the basis of a new version, the reason for cancelling an event."""
from django import forms
from django.utils.translation import gettext_lazy

from jospar import text_limits as limits
from jospar.planning.models import PlanVersion
from jospar.widgets import DateInput


class AmendmentForm(forms.Form):
    basis = forms.ChoiceField(label=gettext_lazy("Basis"),
                              choices=[c for c in PlanVersion.Basis.choices if c[0] != "initial"],
                              widget=forms.RadioSelect)
    decision = forms.ModelChoiceField(label=gettext_lazy("Decision on the monitoring"), required=False, queryset=None)
    document_number = forms.CharField(label=gettext_lazy("Number of the development plan's amendment"), required=False,
                                      max_length=limits.DOCUMENT_NUMBER)
    document_date = forms.DateField(label=gettext_lazy("Date of the development plan's amendment"), required=False,
                                    widget=DateInput())
    basis_text = forms.CharField(label=gettext_lazy("Basis in words"), required=False, max_length=limits.BASIS,
                                 widget=forms.Textarea(attrs={"rows": 2}))

    def __init__(self, *args, plan, **kwargs):
        super().__init__(*args, **kwargs)
        from jospar.monitoring.models import Decision

        self.fields["decision"].queryset = Decision.objects.filter(report__period__plan=plan).order_by(
            "-requests_amendment", "-created_at")
        self.fields["decision"].label_from_instance = lambda d: f"{d.report.period} — {d.text[:120]}"


class CancelForm(forms.Form):
    reason = forms.CharField(label=gettext_lazy("Reason for cancelling the event"), max_length=2000,
                             widget=forms.Textarea(attrs={"rows": 2}))

    def clean_reason(self):
        return self.cleaned_data["reason"].strip()
