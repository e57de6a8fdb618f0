"""Reads that assemble official documents from the database, in a fixed number of queries.

`form1_document` turns `planning.selectors.form1_rows` into the neutral `OfficialDocument`;
`form2_document` does the same for monitoring's Form 2 rows. `signatory` is the one place
deciding whose name stands in the signature block.
"""
from dataclasses import dataclass, replace

from django.utils import translation
from django.utils.translation import gettext as _

from jospar.documents.assembly.status import Status, form1_status
from jospar.documents.writers.layout import (
    FORM1_FIELDS,
    FORM1_WIDTHS,
    FORM2_FIELDS,
    FORM2_WIDTHS,
    Line,
    OfficialDocument,
    clean,
    lines_from_rows,
    person_name,
)
from jospar.orgs.models import Membership, OrgUnit, Role
from jospar.planning.selectors import form1_rows

LANGS = ("kk", "ru")


@dataclass(frozen=True)
class Signatory:
    last_name: str
    first_name: str
    patronymic: str

    def name(self, lang: str) -> str:
        return person_name(self.last_name, self.first_name, self.patronymic, lang)


def signatory(body_id: int) -> Signatory | None:
    """Who signs Form 1 and Form 2: the head of the unit responsible for planning and monitoring.

    That is the unit flagged ``is_planning``; its head is the member with the ``unit_head`` role
    there. None when the system knows no such head: the line is left blank for the head to sign,
    rather than print someone else's name under «Head of the unit». One query.
    """
    planning_unit = OrgUnit.objects.filter(body_id=body_id, is_planning=True).values("id")[:1]
    chosen = (
        Membership.objects.filter(body_id=body_id, unit_id__in=planning_unit, role=Role.UNIT_HEAD)
        .order_by("id")
        .values_list("user__last_name", "user__first_name", "user__person__patronymic")
        .first()
    )
    if chosen is None:
        return None
    last, first, patronymic = chosen
    return Signatory(last or "", first or "", patronymic or "")


def form1_filename(version, lang: str) -> str:
    """File name without extension: ``operational-plan-2026-v2-kk``."""
    return f"operational-plan-{version.plan.year}-v{version.number}-{lang}"


def form1_document(version, lang: str) -> OfficialDocument:
    """Form 1 of a plan version in ``lang``: the approved text, or the draft as it stands."""
    plan = version.plan
    labels = plan.edition.form1
    signer = signatory(plan.body_id)
    status = form1_status(version, lang)
    with translation.override(lang):
        sheet_title = _("Form 1")
    return OfficialDocument(
        form=1,
        lang=lang,
        title=labels.get("title", lang).format(body=plan.body.title_name(lang), year=plan.year),
        subtitle=labels.get("subtitle", lang),
        columns=tuple(labels.get("columns", lang)),
        widths=FORM1_WIDTHS,
        lines=lines_from_rows(form1_rows(version, lang), FORM1_FIELDS, labels.get("events", lang)),
        signature=labels.get("signature", lang),
        signature_hint=labels.get("signature_hint", lang),
        signer=signer.name(lang) if signer else "",
        filename=form1_filename(version, lang),
        meta={"sheet_title": sheet_title, "plan_id": plan.pk, "version": version.number},
        mark=status.mark,
        footer=status.footer,
    )


def _with_status(row):
    """Column 6 opens with the status, as on the report page: «Исполнено. Подготовлена информация …»."""
    label = getattr(row, "status_label", "")
    if row.kind != "event" or not label:
        return row
    label = label[:1].upper() + label[1:]
    return replace(row, actual=f"{label}. {row.actual}" if row.actual else label)


def form2_document_from_rows(*, plan, rows, period_label: str | None, lang: str, filename: str,
                              notes=(), status: Status | None = None) -> OfficialDocument:
    """Form 2 from rows shaped like monitoring's ``Row2`` and the reporting period's label; ``status``, the
    draft mark and the footer line (`status.form2_status`).

    Kept apart from the monitoring query so that the writers can be exercised with any rows.
    """
    rows = [_with_status(row) for row in rows]
    labels = plan.edition.form2
    signer = signatory(plan.body_id)
    lines = lines_from_rows(rows, FORM2_FIELDS, labels.get("events", lang))
    with translation.override(lang):
        sheet_title = _("Form 2")
        if not any(line.kind == "event" for line in lines):  # the form says so rather than stand empty
            lines.append(Line("nothing", _("No events fell due in this period.")))
    return OfficialDocument(
        form=2,
        lang=lang,
        title=labels.report_title(lang, body=plan.body.title_name(lang), year=plan.year, period=period_label),
        subtitle=labels.get("subtitle", lang),
        columns=tuple(labels.get("columns", lang)),
        widths=FORM2_WIDTHS,
        lines=lines,
        signature=labels.get("signature", lang),
        signature_hint=labels.get("signature_hint", lang),
        signer=signer.name(lang) if signer else "",
        filename=filename,
        meta={"sheet_title": sheet_title, "plan_id": plan.pk},
        notes=[(heading, clean(text)) for heading, text in notes],
        mark=status.mark if status else "",
        footer=status.footer if status else "",
    )
