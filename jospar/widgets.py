"""Form widgets shared by every app."""
from django import forms


class DateInput(forms.DateInput):
    """The browser's date picker. Its value is always ISO (2026-11-25): a localized «25.11.2026» is
    rejected by the browser, which then shows an empty field and the saved date is lost on save."""

    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs, format="%Y-%m-%d")
