"""What views share about forms: a service's refusal shown on the form that asked for it."""
from django.core.exceptions import ValidationError


def add_errors(form, error: ValidationError) -> None:
    """A service's ValidationError on the form: by field where the form has that field, else above the form."""
    if hasattr(error, "error_dict"):
        for name, errors in error.message_dict.items():
            form.add_error(name if name in form.fields else None, errors)
    else:
        form.add_error(None, error.messages)


def evidence_of(data, fields: tuple[str, ...]) -> dict[str, str] | None:
    """The qualified electronic signatures a signing form posts (base64 CMS in hidden fields, `ncalayer.js`),
    by field; None when none was signed (the act's service decides whether one was required)."""
    evidence = {name: data.get(name, "").strip() for name in fields}
    evidence = {name: value for name, value in evidence.items() if value}
    return evidence or None
