"""The Form 1 table body, built in one pass.

A plan has up to ~2,000 rows; rendering each through the template engine costs several times
more than the query. The rows are filled into the templates of `jospar.web.html`, which escape every
value (user text is data, never markup), and joined once. In the draft, the planner gets an extra
column of actions (htmx).
"""
from django import template
from django.urls import reverse
from django.utils.translation import gettext as _

from jospar.web import html

register = template.Library()

ANCHOR_KINDS = {"macroindicator", "target_indicator", "task"}

EVENT = html.template(
    '<tr class="{css}" id="ev-{id}"><td class="num">{number}</td><td>{name}</td><td class="code">{code}</td>'
    "<td>{executors}</td><td>{deadline}</td><td>{completion}</td>{actions}</tr>"
)
EVENT_MISSING = html.template(  # an event of the draft with fields still to fill in
    '<tr class="{css}" id="ev-{id}" data-missing="{missing}"><td class="num">{number}</td><td>{name}</td>'
    '<td class="code">{code}</td><td>{executors}</td><td>{deadline}</td><td>{completion}</td>{actions}</tr>'
)
LINK = html.template('<a href="{base}/{id}/">{label}</a>')
NOTE = html.template('{name}<div class="rownote">{why}: {note}</div>')
GROUP = html.template('<tr class="group g-{kind}"><td colspan="{span}">{number}{label}{add}</td></tr>')
NUMBER = html.template('<span class="gnum">{number}.</span> ')
ADD = html.template(
    ' <button type="button" class="add noprint" hx-get="{url}?anchor={anchor}" '
    'hx-target="closest tr" hx-swap="afterend">+ {label}</button>'
)
RESTORE = html.template(  # a cancelled event: its reason corrected (or completed in both languages), or restored
    '<td class="actions noprint"><button type="button" class="icon" title="{reason}" aria-label="{reason}" '
    'hx-get="{base}/{rev}/cancel/" hx-target="closest tr" hx-swap="afterend">✎</button>'
    '<button type="button" class="icon" title="{restore}" aria-label="{restore}" '
    'hx-post="{base}/{rev}/restore/" hx-target="#form1-body" hx-swap="outerHTML">↺</button></td>'
)
CANCEL = html.template(
    '<button type="button" class="icon danger" title="{cancel}" aria-label="{cancel}" hx-get="{base}/{rev}/cancel/" '
    'hx-target="closest tr" hx-swap="afterend">⊘</button>'
)
DELETE = html.template(
    '<button type="button" class="icon danger" title="{delete}" aria-label="{delete}" hx-post="{base}/{rev}/delete/" '
    'hx-target="#form1-body" hx-swap="outerHTML" hx-confirm="{confirm}">✕</button>'
)
ACTIONS = html.template(
    '<td class="actions noprint">'
    '<button type="button" class="icon" title="{edit}" aria-label="{edit}" hx-get="{base}/{rev}/edit/" '
    'hx-target="closest tr" hx-swap="outerHTML">✎</button>'
    '<button type="button" class="icon" title="{up}" aria-label="{up}" hx-post="{base}/{rev}/move/?dir=up" '
    'hx-target="#form1-body" hx-swap="outerHTML">↑</button>'
    '<button type="button" class="icon" title="{down}" aria-label="{down}" hx-post="{base}/{rev}/move/?dir=down" '
    'hx-target="#form1-body" hx-swap="outerHTML">↓</button>{last}</td>'
)
ACTIONS_DELETE = ACTIONS.partial(last=DELETE)  # an event the draft (or the amendment) added
ACTIONS_CANCEL = ACTIONS.partial(last=CANCEL)  # in an amendment, an event of the approved plan


def _prefix(name: str, year: int) -> str:
    """The URL of `name` for this year up to the object id (reversed once per table, not per row)."""
    return reverse(name, args=[year, 0]).rsplit("/0/", 1)[0]


def _buttons(year: int) -> dict:
    """The planner's buttons with what is the same on every row (labels, URLs) filled in once per table."""
    base = html.url(_prefix("planning:draft_event_edit", year))
    return {
        "restore": RESTORE.partial(restore=_("Restore the event"), reason=_("Reason for cancelling the event"),
                                   base=base),
        "cancel": ACTIONS_CANCEL.partial(edit=_("Edit"), up=_("Move up"), down=_("Move down"),
                                         cancel=_("Cancel the event"), base=base),
        "delete": ACTIONS_DELETE.partial(edit=_("Edit"), up=_("Move up"), down=_("Move down"), delete=_("Delete"),
                                         confirm=_("Delete this event from the draft?"), base=base),
        "add": ADD.partial(url=reverse("planning:draft_event_new", args=[year]), label=_("Add event")),
    }


def _actions(buttons: dict, r, amendment: bool, locked: frozenset) -> html.Html:
    """The planner's buttons on an event row. In an amendment, an event of the approved plan is cancelled
    (with a reason, in a form under the row), never deleted, so it has no Delete button; an event the
    amendment added is deleted, not cancelled."""
    if amendment and r.cancelled:
        return buttons["restore"](rev=r.revision_id)
    return buttons["cancel" if amendment and r.event_id in locked else "delete"](rev=r.revision_id)


@register.simple_tag
def form1_body(rows, editable: bool = False, year: int = 0, problems: dict | None = None, columns: int = 6,
               amendment: bool = False, locked=None):
    """`locked`: in an amendment, the events of the approved plan (cancelled, never deleted)."""
    locked = frozenset(locked or ())
    out = html.Rows()
    once = html.cached_text()  # executors, deadlines, codes and completion forms repeat: escape each once
    problems = problems or {}
    labels_note = {"cancelled": html.text(_("Cancelled")), "review": html.text(_("To review"))}
    link = LINK.partial(base=_prefix("planning:event_detail", year)) if year else None
    group = GROUP.partial(span=columns + (1 if editable else 0))
    buttons = _buttons(year) if editable else {}
    # the common row (a link, no note, no buttons) in one template: no piece is kept per row (fewer objects
    # for the garbage collector on a big plan)
    linked = EVENT.partial(name=link, actions="").add_to if link and not editable else None
    for r in rows:
        if r.kind == "event":
            css = "event cancelled" if r.cancelled else "event"
            missing = problems.get(r.revision_id)
            if linked and not missing and not r.note:
                linked(out, css=css, id=r.event_id, number=r.number, label=r.label, code=once(r.code),
                       executors=once(r.executors), deadline=once(r.deadline), completion=once(r.completion))
                continue
            if missing:
                css += " incomplete"
            name = link(id=r.event_id, label=r.label) if link else html.text(r.label)
            if r.note:
                css += " marked" if not r.cancelled else ""
                name = NOTE(name=name, why=labels_note["cancelled" if r.cancelled else "review"], note=r.note)
            actions = _actions(buttons, r, amendment, locked) if editable else ""
            if missing:
                EVENT_MISSING.add_to(
                    out, css=css, id=r.event_id, missing=" ".join(missing), number=r.number, name=name,
                    code=once(r.code), executors=once(r.executors), deadline=once(r.deadline),
                    completion=once(r.completion), actions=actions)
            else:
                EVENT.add_to(
                    out, css=css, id=r.event_id, number=r.number, name=name, code=once(r.code),
                    executors=once(r.executors), deadline=once(r.deadline), completion=once(r.completion),
                    actions=actions)
        else:
            number = NUMBER(number=r.number) if r.number else ""
            add = buttons["add"](anchor=r.anchor_key) if editable and r.kind in ANCHOR_KINDS else ""
            group.add_to(out, kind=r.kind, number=number, label=r.label, add=add)
    return html.safe_join(out, "\n")
