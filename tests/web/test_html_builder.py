"""jospar.web.html: markup only from checked template literals, every value escaped, one mark_safe."""
import ast
import html as stdlib_html
import re
from datetime import date
from pathlib import Path

import pytest
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext_lazy
from hypothesis import given
from hypothesis import strategies as st

from jospar.web import html

ROOT = Path(__file__).resolve().parents[2] / "jospar"
BUILDER = ROOT / "web" / "html.py"

HOSTILE = [
    '<script>alert("x")</script>',
    "\" onmouseover=\"alert(1)",
    "' onfocus='alert(1)' autofocus='",
    "<img src=x onerror=alert(1)>",
    "Tom & Jerry &amp; &lt;b&gt;",
    "{{ 7|add:1 }} {% now 'Y' %} {x} {0}",
    "javascript:alert(1)",
    "</td></tr></tbody></table><b>out</b>",
    "<!-- -->",
]
CELL = html.template('<td class="{css}" title="{title}" data-key="{key}">{text}</td>')


def test_template_escapes_text_and_attribute_values():
    out = CELL(css='a" onclick="x', title="'q' & <b>", key="<k>", text="<script>alert(1)</script>")
    assert out == ('<td class="a&quot; onclick=&quot;x" title="&#x27;q&#x27; &amp; &lt;b&gt;" data-key="&lt;k&gt;">'
                   "&lt;script&gt;alert(1)&lt;/script&gt;</td>")
    assert type(out) is html.Html


@pytest.mark.parametrize("evil", HOSTILE)
def test_hostile_text_comes_out_as_the_same_text(evil):
    out = CELL(css=evil, title=evil, key=evil, text=evil)
    assert out.count("<") == 2 and out.count(">") == 2  # the <td> and the </td>: nothing else is markup
    assert out.count('"') == 6  # each attribute's own quotes
    assert stdlib_html.unescape(out) == f'<td class="{evil}" title="{evil}" data-key="{evil}">{evil}</td>'


@given(st.text())
def test_any_text_is_data(value):
    out = CELL(css=value, title=value, key=value, text=value)
    assert out.count("<") == 2 and out.count(">") == 2 and out.count('"') == 6 and "'" not in out
    assert stdlib_html.unescape(out) == f'<td class="{value}" title="{value}" data-key="{value}">{value}</td>'


def test_values_of_every_type_are_escaped_and_only_pieces_made_here_are_not():
    one = html.template("<b>{v}</b>")
    assert one(v=12) == "<b>12</b>" and one(v=date(2026, 4, 10)) == "<b>2026-04-10</b>"
    assert one(v=None) == "<b>None</b>" and one(v=True) == "<b>True</b>"
    assert one(v=gettext_lazy("<i>")) == "<b>&lt;i&gt;</b>"
    assert one(v=mark_safe("<i>x</i>")) == "<b>&lt;i&gt;x&lt;/i&gt;</b>"  # Django's "safe" is not trusted here
    assert one(v=html.text("<i>")) == "<b>&lt;i&gt;</b>"  # escaped once, not twice
    assert one(v=one(v="<i>")) == "<b><b>&lt;i&gt;</b></b>"  # a piece made here is markup
    assert one(v=html.text("<i>") + "<u>") == "<b>&amp;lt;i&amp;gt;&lt;u&gt;</b>"  # a str again: all escaped


def test_html_is_not_made_from_a_string():
    with pytest.raises(TypeError):
        html.Html("<script>alert(1)</script>")
    with pytest.raises(TypeError):
        html.Url("javascript:alert(1)")
    assert type(html.text("a") + "b") is str


def test_safe_takes_only_pieces_made_here():
    assert type(html.safe(html.text("<b>"))) is SafeString and html.safe(html.text("<b>")) == "&lt;b&gt;"
    for value in ("<b>", mark_safe("<b>"), 1):
        with pytest.raises(TypeError):
            html.safe(value)


def test_join_escapes_what_was_not_made_here_and_the_separator():
    out = html.join([html.text("<a>"), "<b>", 3, CELL(css="", title="", key="", text="")], "<br>")
    assert out == '&lt;a&gt;&lt;br&gt;&lt;b&gt;&lt;br&gt;3&lt;br&gt;<td class="" title="" data-key=""></td>'
    joined = html.safe_join(["<i>", html.text("&")], "\n")
    assert type(joined) is SafeString and joined == "&lt;i&gt;\n&amp;"


def test_lines_keep_line_breaks_and_escape_the_rest():
    assert html.lines("a <b>\n'c' & d") == "a &lt;b&gt;<br>&#x27;c&#x27; &amp; d"
    assert html.lines("") == "" and html.lines(None) == "" and type(html.lines("")) is html.Html


def test_cached_text_escapes_each_text_once():
    once = html.cached_text()
    first = once("<a & b>")
    assert first == "&lt;a &amp; b&gt;" and once("<a & b>") is first and type(first) is html.Html


LINK = html.template('<a href="{url}" title="{title}">{text}</a>')
PATH_LINK = html.template('<a href="/plan/{year}/event/{id}/?q={q}#ev-{id}">{text}</a>')


@pytest.mark.parametrize("url", [
    "javascript:alert(1)", "JavaScript:alert(1)", " javascript:alert(1)", "\x01javascript:alert(1)",
    "java\tscript:alert(1)", "java\nscript:alert(1)", "JAVA\r\nSCRIPT:alert(1)",
    "data:text/html,<script>alert(1)</script>", "vbscript:msgbox(1)", "file:///etc/passwd",
])
def test_a_url_with_another_scheme_is_replaced(url):
    assert LINK(url=url, title="", text="x") == f'<a href="{html.UNSAFE_URL}" title="">x</a>'
    assert LINK(url=html.text(url), title="", text="x") == f'<a href="{html.UNSAFE_URL}" title="">x</a>'
    assert html.url(url) == html.UNSAFE_URL


@pytest.mark.parametrize(("url", "out"), [
    ("/plan/2026/", "/plan/2026/"), ("?a=1&b=<2>", "?a=1&amp;b=&lt;2&gt;"), ("#ev-1", "#ev-1"),
    ("https://example.kz/a?b=1&c=2", "https://example.kz/a?b=1&amp;c=2"), ("mailto:a@b.kz", "mailto:a@b.kz"),
    ('/x/" onclick="alert(1)', "/x/&quot; onclick=&quot;alert(1)"), ("relative/javascript:x", "relative/javascript:x"),
])
def test_a_url_of_the_site_or_the_web_is_kept_and_escaped(url, out):
    assert LINK(url=url, title="", text="x") == f'<a href="{out}" title="">x</a>'
    assert LINK(url=html.url(url), title="", text="x") == f'<a href="{out}" title="">x</a>'


def test_holes_after_the_start_of_a_path_are_escaped_not_checked():
    out = PATH_LINK(year=2026, id=7, q="javascript:alert(1)&x", text="e")
    assert out == '<a href="/plan/2026/event/7/?q=javascript:alert(1)&amp;x#ev-7">e</a>'


@pytest.mark.parametrize("source", [
    "<{tag}>x</{tag}>",  # a tag's name
    '<td {name}="x">',  # an attribute's name
    "<td class={css}>",  # an unquoted value
    '<td onclick="go({x})">',  # an event handler runs its value
    '<td onmouseover="{x}">',
    '<td style="color: {x}">',
    '<td hx-on:click="{x}">', '<td hx-vals="{x}">', '<td hx-trigger="{x}">', '<td hx-target="{x}">',
    '<td data-hx-get="{x}">',  # htmx reads data-hx-* as hx-*
    "<script>var a = '{x}';</script>", "<style>{x}</style>", "<SCRIPT src=/a.js></SCRIPT>",
    "<!-- {x} -->",
    '<a href="java{x}">', '<a href="{a}{b}">', '<a href="{a}:{b}">',  # together they could spell a scheme
    '<td class="{x.attr}">', '<td class="{x[0]}">', '<td class="{0}">', '<td class="{}">',
    '<td class="{x!r}">', '<td class="{x:>10}">', '<td class="{_x}">', '<td class="{class}">',
    '<td class="x">{x}</td', '<td class="{x}',  # the markup ends inside a tag
])
def test_a_hole_where_escaping_is_not_enough_is_refused_when_the_template_is_made(source):
    with pytest.raises(ValueError, match="html.template"):
        html.template(source)


def test_a_template_takes_exactly_its_holes():
    with pytest.raises(TypeError):
        CELL(css="", title="", key="")  # text missing
    with pytest.raises(TypeError):
        CELL(css="", title="", key="", text="", extra="<b>")
    with pytest.raises(TypeError):
        CELL("", "", "", "")
    assert html.template("<hr>")() == "<hr>" and html.template("")() == ""
    assert html.template("{{literal}} <b>{x}</b>")(x="{y}") == "{literal} <b>{y}</b>"


# --- the rule, held by the code ---------------------------------------------------------------------

def _python_files():
    return [p for p in ROOT.rglob("*.py") if "migrations" not in p.parts and p != BUILDER]


def test_mark_safe_and_its_kin_are_used_only_by_the_builder():
    forbidden = re.compile(r"\b(mark_safe|SafeString|SafeText|SafeData|format_html|format_html_join|html_safe|"
                           r"__html__|str\.__new__|_new\()")
    offenders = [f"{p.relative_to(ROOT.parent)}:{n}" for p in _python_files()
                 for n, line in enumerate(p.read_text(encoding="utf-8").splitlines(), 1) if forbidden.search(line)]
    assert offenders == []


def test_templates_never_mark_data_safe():
    forbidden = re.compile(r"\|\s*safe(seq)?\b|\{%\s*autoescape\s+off")
    offenders = [str(p.relative_to(ROOT.parent)) for p in (ROOT / "templates").rglob("*")
                 if p.is_file() and forbidden.search(p.read_text(encoding="utf-8"))]
    assert offenders == []


def test_every_template_is_a_string_literal():
    """``html.template(f"<td>{name}</td>")`` would make data markup: the markup must be written in the code."""
    calls = 0
    for path in _python_files():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "template" \
                    and isinstance(node.func.value, ast.Name) and node.func.value.id == "html":
                calls += 1
                assert len(node.args) == 1 and not node.keywords, f"{path}:{node.lineno}"
                arg = node.args[0]
                assert isinstance(arg, ast.Constant) and isinstance(arg.value, str), f"{path}:{node.lineno}"
    assert calls >= 20  # the Form 1 and Form 2 tables, the summaries, the due-date note


def test_html_is_built_nowhere_else_in_python():
    """No f-string or string literal outside the builder carries an HTML tag (docx XML excepted: its
    writer escapes for XML, and it is not a page)."""
    tag = re.compile(r"<(/?)(a|b|br|button|div|i|li|p|span|strong|svg|table|tbody|td|th|thead|tr|ul|script|style|img)"
                     r"[\s>/]", re.IGNORECASE)
    offenders = []
    for path in _python_files():
        if path.parts[-2:] == ("documents", "docx_writer.py"):
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        docstrings = {id(n.body[0].value) for n in ast.walk(tree)
                      if isinstance(n, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef)
                      and n.body and isinstance(n.body[0], ast.Expr)}
        templates = {id(n.args[0]) for n in ast.walk(tree) if isinstance(n, ast.Call) and n.args
                     and isinstance(n.func, ast.Attribute) and n.func.attr == "template"}
        for node in ast.walk(tree):
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings \
                    and id(node) not in templates and tag.search(node.value):
                offenders.append(f"{path.relative_to(ROOT.parent)}:{node.lineno}")
    assert offenders == []


# --- rows, lines holes, partial templates -----------------------------------------------------------

def test_rows_hold_template_output_and_escape_anything_else():
    rows = html.Rows()
    CELL.add_to(rows, css="<c>", title="", key="", text="<t>")
    rows.add(html.text("<a>"))
    rows.add("<b>")
    out = html.safe_join(rows, "\n")
    assert type(out) is SafeString and len(rows) == 3
    assert out == '<td class="&lt;c&gt;" title="" data-key="">&lt;t&gt;</td>\n&lt;a&gt;\n&lt;b&gt;'


def test_a_lines_hole_keeps_line_breaks_and_only_in_text():
    note = html.template("<p>{text:lines}</p>")
    assert note(text="a <b>\nc") == "<p>a &lt;b&gt;<br>c</p>" and note(text="") == "<p></p>"
    assert note(text=html.text("<i>\n")) == "<p>&lt;i&gt;\n</p>"  # a piece made here is left as it is
    with pytest.raises(ValueError, match="html.template"):
        html.template('<p title="{text:lines}">')


def test_partial_fills_holes_once_checked_and_escaped_as_always():
    link = html.template('<a href="{base}/{id}/" title="{title}">{label}</a>')
    bound = link.partial(base="/plan/2026/event", title="<Edit> & go")
    assert bound(id=7, label="<x>") == '<a href="/plan/2026/event/7/" title="&lt;Edit&gt; &amp; go">&lt;x&gt;</a>'
    assert link.partial(base="/plan/2026/event", title="<Edit> & go") is bound  # made once per table, kept
    assert link.partial(base="javascript:alert(1)", title="")(id=1, label="") == \
        f'<a href="{html.UNSAFE_URL}/1/" title=""></a>'
    with pytest.raises(TypeError):
        bound(id=7, label="", title="again")  # a filled hole is gone
    with pytest.raises(TypeError):
        link.partial(nothing="x")
    rows = html.Rows()
    bound.add_to(rows, id=8, label="y")
    assert html.safe_join(rows) == '<a href="/plan/2026/event/8/" title="&lt;Edit&gt; &amp; go">y</a>'


def test_a_template_fills_another_templates_text_hole():
    cell = html.template('<td data-id="{id}">{inner}</td>')
    button = html.template('<button hx-post="{base}/{id}/delete/" title="{title}">✕</button>')
    both = cell.partial(inner=button)
    assert both(id='1"', base="/e", title="<t>") == \
        '<td data-id="1&quot;"><button hx-post="/e/1&quot;/delete/" title="&lt;t&gt;">✕</button></td>'
    assert both.partial(base="javascript:x", title="")(id=2) == \
        f'<td data-id="2"><button hx-post="{html.UNSAFE_URL}/2/delete/" title="">✕</button></td>'
    with pytest.raises(TypeError):
        html.template('<td title="{inner}"></td>').partial(inner=button)  # markup never goes into an attribute
