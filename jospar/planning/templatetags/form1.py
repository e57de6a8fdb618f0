"""The Form 1 table body, built in one pass.

A plan has up to ~2,000 rows; rendering each through the template engine costs several times
more than the query. The rows are escaped here with `html.escape` (user text is data, never
markup) and joined once. In the draft, the planner gets an extra column of actions (htmx).
"""
from html import escape

from django import template
from django.urls import reverse
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

register = template.Library()

ANCHOR_KINDS = {"macroindicator", "target_indicator", "task"}


def _prefix(name: str, year: int) -> str:
    """The URL of `name` for this year up to the object id (reversed once per table, not per row)."""
    return reverse(name, args=[year, 0]).rsplit("/0/", 1)[0]


def _actions(base: str, r, labels: dict, amendment: bool, locked: frozenset) -> str:
    """The planner's buttons on an event row. In an amendment, an event of the approved plan is cancelled
    (with a reason, in a form under the row), never deleted, so it has no Delete button; an event the
    amendment added is deleted, not cancelled."""
    base = f"{base}/{r.revision_id}"
    if amendment and r.cancelled:
        return (f'<td class="actions noprint"><button type="button" class="icon" title="{labels["restore"]}" '
                f'hx-post="{base}/restore/" hx-target="#form1-body" hx-swap="outerHTML">↺</button></td>')
    if amendment and r.event_id in locked:
        last = (f'<button type="button" class="icon danger" title="{labels["cancel"]}" hx-get="{base}/cancel/" '
                f'hx-target="closest tr" hx-swap="afterend">⊘</button>')
    else:
        last = (f'<button type="button" class="icon danger" title="{labels["delete"]}" hx-post="{base}/delete/" '
                f'hx-target="#form1-body" hx-swap="outerHTML" hx-confirm="{labels["confirm"]}">✕</button>')
    return (
        '<td class="actions noprint">'
        f'<button type="button" class="icon" title="{labels["edit"]}" hx-get="{base}/edit/" hx-target="closest tr" '
        f'hx-swap="outerHTML">✎</button>'
        f'<button type="button" class="icon" title="{labels["up"]}" hx-post="{base}/move/?dir=up" '
        f'hx-target="#form1-body" hx-swap="outerHTML">↑</button>'
        f'<button type="button" class="icon" title="{labels["down"]}" hx-post="{base}/move/?dir=down" '
        f'hx-target="#form1-body" hx-swap="outerHTML">↓</button>{last}</td>'
    )


@register.simple_tag
def form1_body(rows, editable: bool = False, year: int = 0, problems: dict | None = None, columns: int = 6,
               amendment: bool = False, locked=None):
    """`locked`: in an amendment, the events of the approved plan (cancelled, never deleted)."""
    locked = frozenset(locked or ())
    out: list[str] = []
    append = out.append
    problems = problems or {}
    labels_note = {"cancelled": escape(_("Cancelled")), "review": escape(_("To review"))}
    event_base = _prefix("planning:event_detail", year) if year else ""
    span = columns + (1 if editable else 0)
    if editable:
        labels = {k: escape(v) for k, v in {
            "edit": _("Edit"), "up": _("Move up"), "down": _("Move down"), "delete": _("Delete"),
            "confirm": _("Delete this event from the draft?"), "add": _("Add event"),
            "cancel": _("Cancel the event"), "restore": _("Restore the event"),
        }.items()}
        new_url = reverse("planning:draft_event_new", args=[year])
        draft_base = _prefix("planning:draft_event_edit", year)
    for r in rows:
        if r.kind == "event":
            css = "event cancelled" if r.cancelled else "event"
            missing = problems.get(r.revision_id)
            if missing:
                css += " incomplete"
            link = f'<a href="{event_base}/{r.event_id}/">{escape(r.label)}</a>' if year else escape(r.label)
            if r.note:
                css += " marked" if not r.cancelled else ""
                why = labels_note["cancelled" if r.cancelled else "review"]
                link += f'<div class="rownote">{why}: {escape(r.note)}</div>'

            append(
                f'<tr class="{css}" id="ev-{r.event_id}"'
                + (f' data-missing="{escape(" ".join(missing))}"' if missing else "")
                + f'><td class="num">{r.number}</td>'
                f"<td>{link}</td><td class=\"code\">{escape(r.code)}</td>"
                f"<td>{escape(r.executors)}</td><td>{escape(r.deadline)}</td><td>{escape(r.completion)}</td>"
                + (_actions(draft_base, r, labels, amendment, locked) if editable else "")
                + "</tr>"
            )
        else:
            number = f'<span class="gnum">{escape(r.number)}.</span> ' if r.number else ""
            add = ""
            if editable and r.kind in ANCHOR_KINDS:
                add = (f' <button type="button" class="add noprint" hx-get="{new_url}?anchor={r.anchor_key}" '
                       f'hx-target="closest tr" hx-swap="afterend">+ {labels["add"]}</button>')
            append(f'<tr class="group g-{r.kind}"><td colspan="{span}">{number}{escape(r.label)}{add}</td></tr>')
    return mark_safe("\n".join(out))  # noqa: S308 - every piece of text above is escaped
