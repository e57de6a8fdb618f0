"""Monitoring reads the plan through planning's selectors: no SQL of its own on planning's tables, no queryset
on planning's models written inside monitoring (what a query asks of the plan is planning's to say)."""
import ast
from pathlib import Path

MONITORING = Path(__file__).resolve().parents[2] / "jospar" / "monitoring"


def test_monitoring_runs_no_query_of_its_own_on_plannings_tables():
    found = []
    for path in MONITORING.rglob("*.py"):
        if "migrations" in path.parts:
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        planning_models = {alias.asname or alias.name for node in ast.walk(tree)
                           if isinstance(node, ast.ImportFrom) and node.module == "jospar.planning.models"
                           for alias in node.names}
        for node in ast.walk(tree):
            where = f"{path.name}:{getattr(node, 'lineno', '?')}"
            if isinstance(node, ast.Attribute) and node.attr in ("objects", "_base_manager", "history") \
                    and isinstance(node.value, ast.Name) and node.value.id in planning_models:
                found.append(f"{where} {node.value.id}.{node.attr}")
            if isinstance(node, ast.Attribute) and node.attr in ("cursor", "raw", "extra"):
                found.append(f"{where} .{node.attr}")
            if isinstance(node, ast.Name) and node.id == "RawSQL":
                found.append(f"{where} RawSQL")
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and "planning_" in node.value:
                found.append(f"{where} a planning table in SQL")
    assert found == []
