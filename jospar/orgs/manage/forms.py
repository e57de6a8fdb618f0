"""The forms of the administration pages. They check the shape of what is typed; the rules are the services'."""
from typing import cast

from django import forms
from django.conf import settings
from django.contrib.auth.validators import UnicodeUsernameValidator
from django.utils.translation import gettext_lazy as _

from jospar.orgs.models import Office, OrgUnit, StateBody, validate_iin

from .services import GRANTABLE_ROLES


class Versioned(forms.Form):
    version = forms.CharField(widget=forms.HiddenInput, required=False)


class UnitForm(forms.ModelForm):
    version = forms.CharField(widget=forms.HiddenInput, required=False)

    class Meta:
        model = OrgUnit
        fields = ("code", "kind", "name_kk", "name_ru", "name_en", "is_planning", "position", "is_active")
        widgets = {"name_kk": forms.TextInput(attrs={"lang": "kk"}), "name_ru": forms.TextInput(attrs={"lang": "ru"}),
                   "name_en": forms.TextInput(attrs={"lang": "en"})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["position"].required = False
        self.fields["position"].help_text = _("Empty: after the last one.")

    def _post_clean(self):  # the services check the model (with the body's other units): not here
        pass


LANGUAGE_CHOICES = [("", "—"), *settings.LANGUAGES]


class PersonForm(Versioned):
    username = forms.CharField(label=_("Login"), max_length=150, validators=[UnicodeUsernameValidator()])
    last_name = forms.CharField(label=_("Last name"), max_length=150)
    first_name = forms.CharField(label=_("First name"), max_length=150)
    patronymic = forms.CharField(label=_("Patronymic"), max_length=150, required=False)
    email = forms.EmailField(label=_("E-mail"), required=False)
    position_kk = forms.CharField(label=_("Position (Kazakh)"), max_length=300, required=False,
                                  widget=forms.TextInput(attrs={"lang": "kk"}))
    position_ru = forms.CharField(label=_("Position (Russian)"), max_length=300, required=False,
                                  widget=forms.TextInput(attrs={"lang": "ru"}))
    language = forms.ChoiceField(label=_("Language of the interface"), choices=LANGUAGE_CHOICES, required=False)
    iin = forms.CharField(label=_("IIN"), max_length=12, min_length=12, required=False, validators=[validate_iin],
                          help_text=_("12 digits; the qualified electronic signature (ЭЦП) must be issued to it."),
                          widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off",
                                                        "pattern": "[0-9]{12}"}))
    is_active = forms.BooleanField(label=_("Active (may sign in)"), required=False, initial=True)


class RoleForm(Versioned):
    role = forms.ChoiceField(label=_("Role"), choices=[(r.value, r.label) for r in GRANTABLE_ROLES])
    unit = forms.ModelChoiceField(label=_("Unit (for a planner, unit head or unit staff)"),
                                  queryset=OrgUnit.objects.none(), required=False)
    office = forms.ChoiceField(label=_("Office (§6), executives only"), choices=[("", "—"), *Office.choices],
                               required=False)
    acting = forms.BooleanField(label=_("Acting for the holder of the office"), required=False)

    def __init__(self, *args, body_id: int, **kwargs):
        super().__init__(*args, **kwargs)
        unit = cast(forms.ModelChoiceField, self.fields["unit"])
        unit.queryset = OrgUnit.objects.filter(body_id=body_id, is_active=True).order_by("-kind", "position", "id")
        unit.empty_label = "—"
        for name in ("role", "unit", "office"):  # the role rows show the selects without their labels
            self.fields[name].widget.attrs["aria-label"] = self.fields[name].label


PASSWORD_HELP = _("Leave empty to have a one-time password made and shown to you once; hand it to the person.")


class PasswordForm(forms.Form):
    password = forms.CharField(label=_("Password"), required=False, strip=False,
                               widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
                               help_text=PASSWORD_HELP)


class NewPersonForm(PersonForm, PasswordForm):
    """A new person with their first role."""

    def __init__(self, *args, body_id: int, **kwargs):
        super().__init__(*args, **kwargs)
        role = RoleForm(body_id=body_id)
        for name in ("role", "unit", "office", "acting"):
            self.fields[name] = role.fields[name]
        del self.fields["is_active"]
        del self.fields["version"]


class BodyForm(forms.ModelForm):
    version = forms.CharField(widget=forms.HiddenInput, required=False)

    class Meta:
        model = StateBody
        fields = ("code", "kind", "region", "parent", "name_kk", "name_ru", "name_en", "title_name_kk",
                  "title_name_ru", "time_zone")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        parents = StateBody.objects.order_by("code")
        if self.instance.pk:
            parents = parents.exclude(pk=self.instance.pk)
        self.fields["parent"].queryset = parents

    def _post_clean(self):  # checked by the services
        pass


class AdminForm(PasswordForm):
    """The body's first administrator (or another one), made by the installation administrator."""

    username = PersonForm.base_fields["username"]
    last_name = PersonForm.base_fields["last_name"]
    first_name = PersonForm.base_fields["first_name"]
    patronymic = PersonForm.base_fields["patronymic"]
    email = PersonForm.base_fields["email"]
    field_order = ("username", "last_name", "first_name", "patronymic", "email", "password")

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("prefix", "admin")
        super().__init__(*args, **kwargs)

