"""Every check of a signature in words, in the reader's language: what it checks (the detail page) and, when it
failed, why the act is refused (the service's ValidationError)."""
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

CHECK_LABELS = {
    "format": gettext_lazy("The signature is a detached CMS with one signer and their certificate"),
    "digest": gettext_lazy("The document is exactly the one signed"),
    "signature": gettext_lazy("The signature was made with the key of the certificate"),
    "chain": gettext_lazy("The certificate was issued by a trusted certification authority"),
    "validity": gettext_lazy("The certificate was valid at the time of signing"),
    "key_usage": gettext_lazy("The key is for signing, not for authentication"),
    "iin": gettext_lazy("The certificate was issued to the signer (their IIN)"),
    "revocation": gettext_lazy("The certificate was not revoked (OCSP)"),
    "gost_service": gettext_lazy("GOST signature verified by NCANode"),
}


def failure_reason(code: str) -> str:
    """Why a signature with this failed check refuses the act (in the active language)."""
    reasons = {
        "format": _("The signature could not be read: a detached CMS signature with one signer and their "
                    "certificate is expected. Sign again."),
        "digest": _("The document changed since you signed it: sign it again."),
        "signature": _("The signature does not match the certificate it carries: sign again."),
        "chain": _("The certificate was not issued by a certification authority trusted here (НУЦ РК)."),
        "validity": _("Your certificate was not valid at the time of signing (expired or not yet valid)."),
        "key_usage": _("This key is for authentication, not for signing: choose your signing key (RSA or GOST, "
                       "not AUTH)."),
        "iin": _("The certificate was issued to another person: its IIN is not the one recorded for you in "
                 "Jospar."),
        "revocation": _("Your certificate has been revoked."),
        "gost_service": _("This is a GOST signature, which cannot be verified here (no NCANode service is "
                          "configured); the act requires a verified signature."),
    }
    return reasons.get(code, reasons["format"])
