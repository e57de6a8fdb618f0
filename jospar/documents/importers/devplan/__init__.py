"""The development plan in Excel: the template handed out (`export`), and the all-or-nothing
importer that lists every problem with sheet, cell and message (`importer`)."""
from jospar.documents.importers.devplan.export import blank_template, export_plan
from jospar.documents.importers.devplan.importer import ParsedPlan, parse_workbook
from jospar.documents.importers.devplan.problems import ImportRefused, Problem

__all__ = ["ImportRefused", "ParsedPlan", "Problem", "blank_template", "export_plan", "parse_workbook"]
