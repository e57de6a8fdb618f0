"""The Form 2 table body, built in one pass (a report has up to ~2,000 event rows).

Every piece of text is escaped with `html.escape` (user text is data, never markup), line breaks become
<br>, and the rows are joined once — the template engine would cost several times the queries.
"""
from html import escape

from django import template
from django.utils.safestring import mark_safe
from django.utils.translation import gettext, gettext_noop, ngettext

register = template.Library()


def _lines(text: str) -> str:
    if not text:
        return ""
    text = escape(text)
    return text.replace("\n", "<br>") if "\n" in text else text


def recommendation_cell(text: str, url: str, label: str | None = None) -> str:
    """Column 8 with its edit button (htmx swaps the cell's content for the form and back); ``url`` comes
    from reverse() and integers, so it needs no escaping."""
    label = label or escape(gettext("Edit the recommendation"))
    return (
        f'<div class="rec">{_lines(text)}</div><button type="button" class="edit-rec" hx-get="{url}" '
        f'hx-target="closest td" hx-swap="innerHTML" title="{label}" aria-label="{label}">✎</button>'
    )


NOTHING_DUE = gettext_noop("No events fell due in this period.")


@register.simple_tag
def form2_body(rows, rec_base: str = ""):
    no_info = escape(gettext("no information submitted"))
    edit = escape(gettext("Edit the recommendation"))
    seen: dict[str, str] = {}  # executors, deadlines and completion forms repeat: escape each text once

    def once(text: str) -> str:
        found = seen.get(text)
        if found is None:
            found = seen[text] = escape(text)
        return found

    out: list[str] = []
    append = out.append
    for r in rows:
        if r.kind == "event":
            if r.status:
                badge = f'<span class="st st-{r.status}">{once(r.status_label)}</span> '
            else:
                badge = f'<span class="st st-none">{no_info}</span> '
            if rec_base:
                rec = recommendation_cell(r.recommendation, f"{rec_base}{r.event_id}/", edit)
            else:
                rec = _lines(r.recommendation)
            css = "event cancelled" if r.cancelled else "event"
            append(
                f'<tr class="{css}" id="ev-{r.event_id}"><td class="num">{r.number}</td>'
                f"<td>{escape(r.label)}</td><td>{once(r.executors)}</td><td>{once(r.deadline)}</td>"
                f"<td>{once(r.completion)}</td><td class=\"actual\">{badge}{_lines(r.actual)}</td>"
                f'<td>{_lines(r.reasons)}</td><td class="rec-cell">{rec}</td></tr>'
            )
        else:
            number = f'<span class="gnum">{escape(r.number)}.</span> ' if r.number else ""
            append(f'<tr class="group g-{r.kind}"><td colspan="8">{number}{escape(r.label)}</td></tr>')
    if not any(r.kind == "event" for r in rows):  # nothing fell due: the form says so rather than stand empty
        append(f'<tr class="group g-nothing"><td colspan="8">{escape(gettext(NOTHING_DUE))}</td></tr>')
    return mark_safe("\n".join(out))  # noqa: S308 - every piece of text above is escaped


@register.filter
def status_label(value) -> str:
    """The official label of an execution status in the active language ("" for none)."""
    from jospar import rules
    from jospar.i18n import current_lang

    try:
        return rules.ExecutionStatus(value).label(current_lang())
    except ValueError:
        return ""


@register.simple_tag
def summary_table(heading: str, lines) -> str:
    """One table of the execution summary (built in Python: a big plan has hundreds of lines)."""
    head = "".join(f"<th>{escape(h)}</th>" for h in (
        heading, gettext("Due"), gettext("Executed"), gettext("Partially"), gettext("Not executed"),
        gettext("In progress / no information"), ""))
    not_yet = escape(gettext("under way, not yet due"))
    out = [f'<table class="summary"><thead><tr>{head}</tr></thead><tbody>']
    for c in lines:
        label = f"<strong>{escape(c.label)}</strong> {escape(c.name)}" if c.name else escape(c.label)
        extra = f' <span class="muted" title="{not_yet}">+{c.not_yet_due}</span>' if c.not_yet_due else ""
        e, p, n = c.executed_share, c.partial_share, c.not_executed_share
        out.append(
            f'<tr><td>{label}</td><td class="n">{c.due}{extra}</td>'
            f'<td class="n">{c.executed} <span class="muted">({e}%)</span></td>'
            f'<td class="n">{c.partial} <span class="muted">({p}%)</span></td>'
            f'<td class="n">{c.not_executed} <span class="muted">({n}%)</span></td>'
            f'<td class="n">{c.in_progress} / {c.none}</td>'
            f'<td><svg class="bar" viewBox="0 0 100 1" preserveAspectRatio="none" aria-hidden="true">'
            f'<rect class="b-executed" width="{e}" height="1"/><rect class="b-partial" x="{e}" width="{p}" height="1"/>'
            f'<rect class="b-not_executed" x="{e + p}" width="{n}" height="1"/></svg></td></tr>'
        )
    if not lines:
        out.append(f'<tr><td colspan="7" class="empty">{escape(gettext("Nothing fell due."))}</td></tr>')
    out.append("</tbody></table>")
    return mark_safe("".join(out))  # noqa: S308 - every piece of text above is escaped


@register.simple_tag
def timeliness_table(compiled) -> str:
    """Each unit's timeliness per quarter (built in Python, like the summary)."""
    def days(singular: str, plural: str, n: int) -> str:
        return escape(ngettext(singular, plural, n) % {"days": n})

    on_time, returned, due = escape(gettext("on time")), escape(gettext("returned")), escape(gettext("due"))
    head = "".join(f"<th>{escape(q)}</th>" for q in compiled.quarters)
    out = [f'<table class="summary timeliness"><thead><tr><th>{escape(gettext("Unit"))}</th>{head}</tr></thead>'
           "<tbody>"]
    for t in compiled.timeliness:
        cells = []
        for c in t.cells:
            if not c:
                cells.append('<td><span class="muted">—</span></td>')
            elif c["state"] == "on_time":
                cells.append(f'<td><span class="pill on_time">{on_time} {c["on"].strftime("%d.%m")}</span></td>')
            elif c["state"] == "late":
                text = days("late by %(days)s day", "late by %(days)s days", c["days"])
                cells.append(f'<td><span class="pill late">{text}</span></td>')
            elif c["state"] == "returned":
                cells.append(f'<td><span class="pill returned">{returned}</span></td>')
            elif c["state"] == "overdue":
                text = days("overdue by %(days)s day", "overdue by %(days)s days", c["days"])
                cells.append(f'<td><span class="pill overdue">{text}</span></td>')
            else:
                cells.append(f'<td><span class="pill pending">{due} {c["due"].strftime("%d.%m")}</span></td>')
        out.append(f"<tr><td>{escape(t.name)}</td>{''.join(cells)}</tr>")
    if not compiled.timeliness:
        out.append(f'<tr><td class="empty" colspan="5">{escape(gettext("Nothing fell due."))}</td></tr>')
    out.append("</tbody></table>")
    return mark_safe("".join(out))  # noqa: S308 - every piece of text above is escaped
