"""The rulebook has one source at run time: the database. The Python editions in jospar.rules are the seed
(and the pure tests' data); outside jospar.rules only the seeding and the migrations read them."""
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2] / "jospar"
SEED_USE = re.compile(r"\bEDITIONS\b|\bedition_by_key\b|rules\.edition_for_year\(|rules\.edition_for\(")
ALLOWED = {ROOT / "rulebook" / "data.py", ROOT / "rulebook" / "editions.py"}


@pytest.mark.once
def test_only_the_seed_and_migrations_read_the_python_editions():
    found = [f"{path.relative_to(ROOT)}:{n}" for path in ROOT.rglob("*.py")
             if ROOT / "rules" not in path.parents and "migrations" not in path.parts and path not in ALLOWED
             for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if SEED_USE.search(line)]
    assert found == []
