"""The forms of the API tokens and registered systems pages: the shape of what is typed; the rules are the services'."""
from typing import cast

from django import forms
from django.utils.translation import gettext_lazy as _

from jospar.orgs.models import OrgUnit
from jospar.widgets import DateInput

from .services import SCOPES, SYSTEM_ROLES


class TokenForm(forms.Form):
    name = forms.CharField(label=_("Name"), max_length=100,
                           help_text=_("What will use the token, to tell your tokens apart."))
    expires_on = forms.DateField(label=_("Valid until (inclusive)"), required=False, widget=DateInput(),
                                 help_text=_("Empty: until you revoke it. At most a year ahead."))


class SystemForm(forms.Form):
    name = forms.CharField(label=_("Name of the system"), max_length=100)
    role = forms.ChoiceField(label=_("Role"), choices=[(r.value, r.label) for r in SYSTEM_ROLES],
                             help_text=_("The system sees and does what a person in this role may, no more."))
    unit = forms.ModelChoiceField(label=_("Unit (for a planner, unit head or unit staff)"),
                                  queryset=OrgUnit.objects.none(), required=False)
    scopes = forms.ChoiceField(label=_("The system may"), choices=list(SCOPES.items()), initial="read")

    def __init__(self, *args, body_id: int, **kwargs):
        super().__init__(*args, **kwargs)
        unit = cast(forms.ModelChoiceField, self.fields["unit"])
        unit.queryset = OrgUnit.objects.filter(body_id=body_id, is_active=True).order_by("-kind", "position", "id")
        unit.empty_label = "—"
