"""Saving an imported development plan workbook: a new edition, or an empty plan filled in — or nothing."""

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from jospar.documents.importers.devplan import ImportRefused, parse_workbook
from jospar.documents.importers.devplan import layout as wb_layout
from jospar.documents.importers.devplan.problems import Problems
from jospar.documents.importers.devplan.save import save_tree
from jospar.orgs.permissions import require
from jospar.planning.devplan import services
from jospar.planning.models import (
    DevelopmentPlan,
)


@transaction.atomic
def import_development_plan(*, user, data: bytes):
    """Check the workbook, then save it all (a new edition, or an empty plan of the same first year and
    edition filled in) — or nothing, raising `ImportRefused` with every problem. Returns (plan, created)."""
    require(user, services.PERM, in_body=True)
    parsed = parse_workbook(data)
    header = parsed.header
    body_id = services.member_body_id(user)
    _responsible_units(parsed, body_id)
    existing = (DevelopmentPlan.objects.select_for_update()
                .filter(body_id=body_id, year_from=header["year_from"], edition=header["edition"]).first())
    if existing is not None:
        _refuse_occupied(existing, parsed, body_id)
        plan = existing
    else:
        plan = DevelopmentPlan(body_id=body_id)
    for key, value in header.items():
        setattr(plan, key, value if value is not None else "")
    try:
        with transaction.atomic():
            services.saved(plan, user)
    except ValidationError as exc:
        _refuse_dates(exc, parsed)
        _refuse_occupied(plan, parsed, body_id, force=True)
    except IntegrityError:
        _refuse_occupied(plan, parsed, body_id, force=True)
    save_tree(plan, parsed, user)
    return plan, existing is None


def _responsible_units(parsed, body_id: int) -> None:
    """Each indicator's responsible unit, named by its code or its name in Kazakh or Russian, found among the
    body's units (``responsible_unit_id`` on the item); any unknown refuses the whole workbook."""
    from jospar.orgs.models import OrgUnit

    by_name: dict[str, set[int]] = {}
    for pk, code, name_kk, name_ru in OrgUnit.objects.filter(body_id=body_id).values_list("id", "code", "name_kk",
                                                                                         "name_ru"):
        for text in (code, name_kk, name_ru):
            by_name.setdefault(" ".join(text.split()).casefold(), set()).add(pk)
    problems = Problems()
    for kind in ("macroindicators", "indicators"):
        for item in parsed.items.get(kind, ()):
            typed = item.fields.pop("responsible", "") or ""
            if not typed:
                continue
            found = by_name.get(" ".join(typed.split()).casefold(), set())
            if len(found) == 1:
                item.fields["responsible_unit_id"] = next(iter(found))
            else:
                problems.add(parsed.sheet_titles.get(kind, ""), item.row, item.cols.get("responsible"), _(
                    "«%(value)s» is not a unit of this state body: write the unit's code or its name as on the "
                    "page of units.") % {"value": typed} if not found else _(
                    "«%(value)s» names more than one unit: write the unit's code.") % {"value": typed})
    problems.refuse_if_any()


def _refuse_dates(exc: ValidationError, parsed) -> None:
    """Dates that cannot be (signed after its last year, years of another plan): refused at the header's cell."""
    errors = {k: v for k, v in getattr(exc, "message_dict", {}).items() if k in ("signed_on", "year_from")}
    if not errors:
        return
    problems = Problems()
    for name, messages in errors.items():
        sheet, row = parsed.header_cells.get(name, parsed.header_cells["edition"])
        for message in messages:
            problems.add(sheet, row, wb_layout.PLAN_VALUE_COL, message)
    raise ImportRefused(problems.items)


def _refuse_occupied(plan, parsed, body_id, force=False):
    used = list(plan.operational_plans.values_list("year", flat=True)) if plan.pk else []
    if not force and not used and services.is_empty(plan):
        return
    free = services.next_edition(DevelopmentPlan(body_id=body_id, year_from=parsed.header["year_from"]))
    sheet, row = parsed.header_cells["edition"]
    problems = Problems()
    if used:
        message = _("Edition %(edition)s of the development plan from %(year)s is already used by the operational "
                    "plans for %(years)s and is never overwritten. To import a new edition, write %(free)s here.")
    else:
        message = _("Edition %(edition)s of the development plan from %(year)s already exists and has content. To "
                    "import a new edition, write %(free)s here (or delete the existing one first).")
    problems.add(sheet, row, wb_layout.PLAN_VALUE_COL, message % {
        "edition": parsed.header["edition"], "year": parsed.header["year_from"], "free": free,
        "years": ", ".join(map(str, used))})
    raise ImportRefused(problems.items)
