"""The rules package stays pure Python: no Django, so it is testable and reusable alone."""

import ast
import subprocess
import sys
from pathlib import Path

import jospar.rules
from jospar.rules import __all__ as public

RULES_DIR = Path(jospar.rules.__file__).parent


def _imports(path: Path):
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            yield node.module


def test_no_module_imports_django():
    files = sorted(RULES_DIR.glob("*.py"))
    assert len(files) >= 8
    for path in files:
        bad = [name for name in _imports(path) if name.split(".")[0] == "django"]
        assert not bad, f"{path.name} imports {bad}"


def test_importing_the_package_loads_no_django():
    code = "import sys, jospar.rules; print(sorted(m for m in sys.modules if m.split('.')[0] == 'django'))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_public_names_are_exported():
    for name in public:
        assert hasattr(jospar.rules, name), name
    for name in (
        "ReportingPeriod",
        "Deadline",
        "DeadlineKind",
        "Occurrence",
        "parse_wording",
        "BudgetCode",
        "parse_budget_codes",
        "format_budget_codes",
        "NO_FUNDING",
        "CANONICAL_RE",
        "Edition",
        "EDITIONS",
        "edition_for",
        "edition_for_year",
        "edition_by_key",
        "ExecutionStatus",
        "approval_due",
        "is_non_working_day",
        "roman",
        "event_numbers",
    ):
        assert name in public, name


def test_files_stay_short():
    for path in list(RULES_DIR.glob("*.py")) + list(Path(__file__).parent.glob("*.py")):
        assert len(path.read_text(encoding="utf-8").splitlines()) < 400, path.name
