"""Where the act lives: every clause of the Rules (../shared/domain.md, section 2) is cited as «§N» in the code
that carries it out, so `grep -rn "§13" jospar` finds its home. One citation style only."""
import re
from pathlib import Path

JOSPAR = Path(__file__).resolve().parent.parent / "jospar"
CLAUSES = range(1, 19)


def _sources() -> str:
    return "\n".join(p.read_text(encoding="utf-8") for p in JOSPAR.rglob("*.py") if "migrations" not in p.parts)


def test_every_clause_is_cited_where_it_is_carried_out():
    text = _sources()
    missing = [n for n in CLAUSES if not re.search(rf"§{n}(?!\d)", text)]
    assert not missing, f"clauses never cited as §N in jospar/: {missing}"


def test_one_citation_style():
    text = _sources()
    others = re.findall(r"§ \d|\bп\. ?\d+ Правил|\b(?:clause|paragraph) \d+ of the Rules", text)
    assert not others, f"cite clauses as §N: {sorted(set(others))}"
