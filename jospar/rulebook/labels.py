"""What the rulebook page calls each part of an edition, and how it words a refused correction."""
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from jospar import rules
from jospar.rules.edition_data import Found, Problem, placeholders

LABEL_TITLES = {
    "title": gettext_lazy("Heading"),
    "title_year": gettext_lazy("Heading for the whole year"),
    "subtitle": gettext_lazy("Subtitle"),
    "section1": gettext_lazy("Section I"),
    "section2": gettext_lazy("Section II"),
    "direction": gettext_lazy("Strategic direction row"),
    "macroindicator": gettext_lazy("Macroindicator row"),
    "goal": gettext_lazy("Goal row"),
    "target_indicator": gettext_lazy("Target indicator row"),
    "events": gettext_lazy("Events row"),
    "signature": gettext_lazy("Signature"),
    "signature_hint": gettext_lazy("Under the signature"),
    "columns": gettext_lazy("Column headings"),
    "act": gettext_lazy("Title of the act"),
}
LANG_NAMES = {"kk": gettext_lazy("Kazakh"), "ru": gettext_lazy("Russian"), "en": gettext_lazy("English")}
FIELD_TITLES = {
    "effective_from": gettext_lazy("In force from"),
    "effective_to": gettext_lazy("In force until"),
    "approval_days": gettext_lazy("Days to approve the plan"),
    "info_due_day": gettext_lazy("Units' information due on day"),
    "report_due_day": gettext_lazy("Report due on day"),
    "shift_to_workday": gettext_lazy("Due dates move off non-working days"),
    "approvers": gettext_lazy("Who approves"),
    "text_checked": gettext_lazy("Checked against the act's text"),
    "indicator_achieved": gettext_lazy("Indicator achieved from, %"),
    "indicator_on_track": gettext_lazy("Indicator on track from, %"),
    "indicator_tolerance": gettext_lazy("Tolerance of a target to hit, %"),
}


def column(number: int) -> str:
    return _("Column %(n)s") % {"n": number}


def where(form: int, label: str) -> str:
    """«Form 1 · Title», or «Title of the act»."""
    title = str(LABEL_TITLES.get(label, label))
    return _("Form %(n)s · %(label)s") % {"n": form, "label": title} if form else title


def describe(found: Found, old: rules.Edition) -> str:
    """One refused point of a correction, in the reader's language."""
    lang = str(LANG_NAMES.get(found.lang, found.lang))
    if found.problem == Problem.BLANK:
        return _("%(where)s: the text is empty (%(lang)s).") % {"where": where(found.form, found.label), "lang": lang}
    if found.problem == Problem.PLACEHOLDERS:
        labels = old.form(found.form)
        names = placeholders(getattr(labels, found.label).get(found.lang, "")) or frozenset()
        kept = ", ".join(f"{{{name}}}" for name in sorted(names)) or _("none")
        return _("%(where)s (%(lang)s): keep exactly the placeholders of the original text (%(names)s), "
                 "and use braces only for them.") % {"where": where(found.form, found.label), "lang": lang,
                                                     "names": kept}
    if found.problem == Problem.COLUMNS:
        count = len(old.form(found.form).columns.get(found.lang, ()))
        return _("Form %(n)s: the table keeps its %(count)s columns (%(lang)s).") % {
            "n": found.form, "count": count, "lang": lang}
    if found.problem == Problem.ENDS_BEFORE_START:
        return _("The edition cannot end before it comes into force.")
    if found.problem == Problem.DAYS:
        return _("Days to approve must be at least 1, and due days between 1 and 31.")
    if found.problem == Problem.APPROVERS:
        return _("Choose who approves: the first head, the chief of staff or both.")
    if found.problem == Problem.THRESHOLDS:
        return _("Indicators' thresholds: «on track from» must be above 0 and not above «achieved from» (at most "
                 "1000), and the tolerance of a target between 0 and 99.")
    if found.problem == Problem.OVERLAP:
        return _("Editions %(a)s and %(b)s would be in force on the same day: each edition ends before the "
                 "next one comes into force.") % {"a": found.keys[0], "b": found.keys[1]}
    return _("Two editions have the key %(key)s.") % {"key": ", ".join(found.keys)}
