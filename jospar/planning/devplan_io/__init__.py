"""The development plan in Excel: the template handed out (`export`), and the all-or-nothing
importer that lists every problem with sheet, cell and message (`importer`)."""
from .export import blank_template, export_plan
from .importer import ParsedPlan, parse_workbook
from .problems import ImportRefused, Problem

__all__ = ["ImportRefused", "ParsedPlan", "Problem", "blank_template", "export_plan", "parse_workbook"]
