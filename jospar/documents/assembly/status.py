"""What a document says it is: the draft mark on every page and the footer line naming its version.

Form 1 of a version not yet approved and Form 2 of a report not yet submitted are drafts: «ЖОБА» (kk),
«ПРОЕКТ» (ru), «DRAFT» (en) on every page. Every document names in its footer the plan version and its
approval (date and approver) — or, for a draft, «not approved» — and Form 2 its submission date and the
version it was compiled from, so that version 1 and version 2 can be told apart on paper.
"""
from dataclasses import dataclass

from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from jospar.orgs.models import office_label


@dataclass(frozen=True, slots=True)
class Status:
    mark: str  # empty unless a draft
    footer: str


def _date(day) -> str:
    return day.strftime("%d.%m.%Y") if day else "—"


def approver(version, lang: str) -> str:
    """«руководитель аппарата Е. С. Ахметов»: the position the approver held that day (or the §6 office), and
    the official short name. In the active language."""
    position = (version.approved_as_kk if lang == "kk" else version.approved_as_ru) or office_label(
        version.approver_office, version.approver_acting)
    user = version.approved_by
    person = getattr(user, "person", None) if user is not None else None
    name = person.short_name if person is not None else (user.get_username() if user is not None else "")
    return " ".join(part for part in (position[:1].lower() + position[1:], name) if part)


def form1_status(version, lang: str) -> Status:
    """The mark and footer of Form 1 of ``version`` in ``lang``."""
    with translation.override(lang):
        if not version.is_approved:
            return Status(pgettext("document mark", "DRAFT"),
                          _("Version %(number)s of the operational plan: draft, not approved.")
                          % {"number": version.number})
        return Status("", _("Version %(number)s of the operational plan. Approved on %(date)s; approved by: "
                            "%(approver)s.") % {"number": version.number, "date": _date(version.approved_on),
                                                "approver": approver(version, lang)})


def form2_status(report, version, lang: str) -> Status:
    """The mark and footer of Form 2 of ``report`` (None: nothing saved yet), compiled from ``version``."""
    with translation.override(lang):
        compiled = _("Compiled from version %(number)s of the operational plan, approved on %(date)s.") % {
            "number": version.number, "date": _date(version.approved_on)}
        if report is None or not report.is_submitted:
            return Status(pgettext("document mark", "DRAFT"), f"{_('Draft report, not submitted.')} {compiled}")
        return Status("", f"{_('Report submitted on %(date)s.') % {'date': _date(report.submitted_on)}} {compiled}")
