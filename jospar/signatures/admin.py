"""Signatures are shown, never changed (made only inside the acts); trusted roots are kept by the installation's
administrator (a superuser): the NCA RK's root certificates, or the demo's test authority."""
from cryptography import x509
from django import forms
from django.contrib import admin
from django.core.exceptions import ValidationError

from jospar.admin_records import PlainRecordAdmin

from .models import Signature, SignatureCheck, TrustedRoot


@admin.register(Signature)
class SignatureAdmin(PlainRecordAdmin):
    list_display = ("filename", "act", "common_name", "status", "is_test", "signing_time", "created_at")
    list_filter = ("act", "status", "is_test")
    list_select_related = ("signed_by",)
    fields = ("body", "act", "version", "report", "submission", "document", "field", "filename", "content_sha256",
              "act_at", "signed_by", "common_name", "iin", "organisation", "issuer", "serial", "not_before",
              "not_after", "algorithm", "signing_time", "is_test", "root", "status", "revocation", "checks",
              "created_at")
    raw_id_fields = ("version", "report", "submission", "document", "signed_by")


@admin.register(SignatureCheck)
class SignatureCheckAdmin(PlainRecordAdmin):
    list_display = ("signature", "status", "revocation", "checked_at", "checked_by")
    fields = ("signature", "checked_at", "checked_by", "status", "revocation", "checks")
    raw_id_fields = ("signature", "checked_by")


class TrustedRootForm(forms.ModelForm):
    class Meta:
        model = TrustedRoot
        fields = ("name", "certificate_pem", "is_test")

    def clean_certificate_pem(self):
        pem = self.cleaned_data["certificate_pem"].strip()
        try:
            x509.load_pem_x509_certificate(pem.encode())
        except ValueError as error:
            raise ValidationError(str(error)) from None
        return pem + "\n"


@admin.register(TrustedRoot)
class TrustedRootAdmin(admin.ModelAdmin):
    form = TrustedRootForm
    list_display = ("name", "is_test", "added_at")

    def has_module_permission(self, request):
        return request.user.is_superuser

    def has_view_permission(self, request, obj=None):
        return request.user.is_superuser

    def has_add_permission(self, request):
        return request.user.is_superuser

    def has_change_permission(self, request, obj=None):
        return request.user.is_superuser

    def has_delete_permission(self, request, obj=None):
        return request.user.is_superuser
