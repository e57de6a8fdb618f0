"""The Form 2 table body, built in one pass (a report has up to ~2,000 event rows).

Every value is filled into the templates of `jospar.web.html`, which escape it (user text is data,
never markup); line breaks become <br>, and the rows are joined once — the template engine would cost
several times the queries.
"""
from django import template
from django.utils.translation import gettext, gettext_noop, ngettext

from jospar.web import html

register = template.Library()

EVENT = html.template(
    '<tr class="{css}" id="ev-{id}"><td class="num">{number}</td><td>{label}</td><td>{executors}</td>'
    '<td>{deadline}</td><td>{completion}</td><td class="actual">{badge}{actual:lines}</td><td>{reasons:lines}</td>'
    '<td class="rec-cell">{rec:lines}</td></tr>'
)
BADGE = html.template('<span class="st st-{status}">{label}</span> ')
GROUP = html.template('<tr class="group g-{kind}"><td colspan="8">{number}{label}</td></tr>')
NUMBER = html.template('<span class="gnum">{number}.</span> ')
RECOMMENDATION = html.template(  # column 8 with its edit button (htmx swaps the cell's content for the form)
    '<div class="rec">{rec:lines}</div><button type="button" class="edit-rec" hx-get="{base}/{id}/" '
    'hx-target="closest td" hx-swap="innerHTML" title="{label}" aria-label="{label}">✎</button>'
)


def recommendation_cell(text: str, base: str, event_id: int) -> html.Html:
    """Column 8 of one event, after an edit (``base``: the report's recommendations, up to the event's id)."""
    return RECOMMENDATION(rec=text, base=html.url(base), id=event_id, label=gettext("Edit the recommendation"))


NOTHING_DUE = gettext_noop("No events fell due in this period.")


@register.simple_tag
def form2_body(rows, rec_base: str = ""):
    no_info = BADGE(status="none", label=gettext("no information submitted"))
    # column 8 is the text (its line breaks kept), with its edit button while the planner may edit: the
    # button's label and URL are filled in once for the whole table
    bound = {"rec": RECOMMENDATION.partial(base=rec_base.removesuffix("/"),
                                           label=gettext("Edit the recommendation"))} if rec_base else {}
    once = html.cached_text()  # executors, deadlines and completion forms repeat: escape each once
    badges: dict[tuple[str, str], html.Html] = {}  # and so do the statuses
    out = html.Rows()
    event, cancelled = EVENT.partial(css="event", **bound).add_to, EVENT.partial(css="event cancelled", **bound).add_to
    for r in rows:
        if r.kind == "event":
            if r.status:
                badge = badges.get((r.status, r.status_label))
                if badge is None:
                    badge = badges[r.status, r.status_label] = BADGE(status=r.status, label=r.status_label)
            else:
                badge = no_info
            (cancelled if r.cancelled else event)(
                out, id=r.event_id, number=r.number, label=r.label, executors=once(r.executors),
                deadline=once(r.deadline), completion=once(r.completion), badge=badge, actual=r.actual,
                reasons=r.reasons, rec=r.recommendation)
        else:
            GROUP.add_to(out, kind=r.kind, number=NUMBER(number=r.number) if r.number else "", label=r.label)
    if not any(r.kind == "event" for r in rows):  # nothing fell due: the form says so rather than stand empty
        GROUP.add_to(out, kind="nothing", number="", label=gettext(NOTHING_DUE))
    return html.safe_join(out, "\n")


@register.filter
def status_label(value) -> str:
    """The official label of an execution status in the active language ("" for none)."""
    from jospar import rules
    from jospar.i18n import current_lang

    try:
        return rules.ExecutionStatus(value).label(current_lang())
    except ValueError:
        return ""


SUMMARY_HEAD = html.template('<table class="summary"><thead><tr>{head}</tr></thead><tbody>')
HEADING = html.template('<th scope="col">{text}</th>')
HIDDEN_HEADING = html.template('<th scope="col"><span class="visually-hidden">{text}</span></th>')  # the bar's column
SUMMARY_LABEL = html.template("<strong>{label}</strong> {name}")
NOT_YET_DUE = html.template(' <span class="muted" title="{title}">+{n}</span>')
SUMMARY_ROW = html.template(
    '<tr><td>{label}</td><td class="n">{due}{extra}</td>'
    '<td class="n">{executed} <span class="muted">({e}%)</span></td>'
    '<td class="n">{partial} <span class="muted">({p}%)</span></td>'
    '<td class="n">{not_executed} <span class="muted">({n}%)</span></td>'
    '<td class="n">{in_progress} / {none}</td>'
    '<td><svg class="bar" viewBox="0 0 100 1" preserveAspectRatio="none" aria-hidden="true">'
    '<rect class="b-executed" width="{e}" height="1"/><rect class="b-partial" x="{e}" width="{p}" height="1"/>'
    '<rect class="b-not_executed" x="{ep}" width="{n}" height="1"/></svg></td></tr>'
)
NOTHING_DUE_ROW = html.template('<tr><td colspan="7" class="empty">{text}</td></tr>')
TABLE_END = html.template("</tbody></table>")


@register.simple_tag
def summary_table(heading: str, lines) -> str:
    """One table of the execution summary (built in Python: a big plan has hundreds of lines)."""
    head = html.join([*(HEADING(text=h) for h in (
        heading, gettext("Due"), gettext("Executed"), gettext("Partially"), gettext("Not executed"),
        gettext("In progress / no information"))), HIDDEN_HEADING(text=gettext("Shares by status"))])
    not_yet = html.text(gettext("under way, not yet due"))
    out = html.Rows()  # rows kept as text, not as pieces (fewer objects for the garbage collector)
    out.add(SUMMARY_HEAD(head=head))
    for c in lines:
        label = SUMMARY_LABEL(label=c.label, name=c.name) if c.name else c.label
        extra = NOT_YET_DUE(title=not_yet, n=c.not_yet_due) if c.not_yet_due else ""
        e, p, n = c.executed_share, c.partial_share, c.not_executed_share
        SUMMARY_ROW.add_to(
            out, label=label, due=c.due, extra=extra, executed=c.executed, partial=c.partial,
            not_executed=c.not_executed, in_progress=c.in_progress, none=c.none, e=e, p=p, n=n, ep=e + p)
    if not lines:
        NOTHING_DUE_ROW.add_to(out, text=gettext("Nothing fell due."))
    TABLE_END.add_to(out)
    return html.safe_join(out)


TIMELINESS_HEAD = html.template(
    '<table class="summary timeliness"><thead><tr><th>{unit}</th>{head}</tr></thead><tbody>'
)
TIMELINESS_ROW = html.template("<tr><td>{name}</td>{cells}</tr>")
NO_CELL = html.template('<td><span class="muted">—</span></td>')
PILL = html.template('<td><span class="pill {state}">{text}</span></td>')
PILL_ON = html.template('<td><span class="pill {state}">{text} {day}</span></td>')
NO_UNIT_ROW = html.template('<tr><td class="empty" colspan="5">{text}</td></tr>')


@register.simple_tag
def timeliness_table(compiled) -> str:
    """Each unit's timeliness per quarter (built in Python, like the summary)."""
    def days(singular: str, plural: str, n: int) -> str:
        return ngettext(singular, plural, n) % {"days": n}

    on_time, returned, due = html.text(gettext("on time")), html.text(gettext("returned")), html.text(gettext("due"))
    head = html.join(HEADING(text=q) for q in compiled.quarters)
    out = [TIMELINESS_HEAD(unit=gettext("Unit"), head=head)]
    for t in compiled.timeliness:
        cells = []
        for c in t.cells:
            if not c:
                cells.append(NO_CELL())
            elif c["state"] == "on_time":
                cells.append(PILL_ON(state="on_time", text=on_time, day=c["on"].strftime("%d.%m")))
            elif c["state"] == "late":
                text = days("late by %(days)s day", "late by %(days)s days", c["days"])
                cells.append(PILL(state="late", text=text))
            elif c["state"] == "returned":
                cells.append(PILL(state="returned", text=returned))
            elif c["state"] == "overdue":
                text = days("overdue by %(days)s day", "overdue by %(days)s days", c["days"])
                cells.append(PILL(state="overdue", text=text))
            else:
                cells.append(PILL_ON(state="pending", text=due, day=c["due"].strftime("%d.%m")))
        out.append(TIMELINESS_ROW(name=t.name, cells=html.join(cells)))
    if not compiled.timeliness:
        out.append(NO_UNIT_ROW(text=gettext("Nothing fell due.")))
    out.append(TABLE_END())
    return html.safe_join(out)
