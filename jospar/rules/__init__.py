"""Pure-Python rules of the operational plan: no Django here, so they are testable alone.

The Rules (§1) set the order of developing, implementing and monitoring the plan; every clause is cited as
§N of the Rules (`../shared/domain.md`, section 2) where the code carries it out.

periods (quarters and due dates), deadlines (structured deadlines and their wording),
budget (program codes), rulebook (editions of the act; edition_data: an edition as plain data and the
checks on a correction), numbering (of the form's headings), statuses,
submission (when information and the report can be handed in), collation (alphabetical order in kk and
ru), languages (the one fallback when a text is missing in the reader's language), numbers (values and
units as the reader writes them: «1 200,5»).
"""

from jospar.rules.budget import (
    CANONICAL_RE,
    NO_FUNDING,
    BudgetCode,
    format_budget_codes,
    parse_budget_codes,
)
from jospar.rules.collation import collation_key
from jospar.rules.deadlines import Deadline, DeadlineKind, Occurrence, parse_wording
from jospar.rules.edition_data import correction_problems, edition_from_dict, edition_to_dict
from jospar.rules.errors import BudgetCodeError, DeadlineError, RuleError
from jospar.rules.indicators import Accumulation, Achievement, IndicatorStatus, Polarity, Thresholds, achievement
from jospar.rules.languages import LANGS, fallback_order, pick, pick_from
from jospar.rules.numbering import (
    DirectionNumbers,
    FormNumbers,
    anchor_code,
    direction_number,
    event_numbers,
    form_numbers,
    goal_number,
    is_through_plan_code,
    macroindicator_number,
    roman,
    target_indicator_number,
    task_number,
)
from jospar.rules.numbers import excel_number_format, format_number, with_unit
from jospar.rules.periods import (
    ROMAN,
    ReportingPeriod,
    approval_due,
    days_left,
    delay_days,
    is_non_working_day,
    is_overdue,
    next_working_day,
    quarter_bounds,
    quarter_of,
)
from jospar.rules.rulebook import (
    EDITIONS,
    Edition,
    FormLabels,
    edition_by_key,
    edition_for,
    edition_for_year,
)
from jospar.rules.statuses import LABELS, ExecutionStatus, is_closed, reasons_required
from jospar.rules.submission import opens_on, report_submittable, unit_info_submittable

__all__ = [
    "Accumulation",
    "Achievement",
    "IndicatorStatus",
    "Polarity",
    "Thresholds",
    "achievement",
    "CANONICAL_RE",
    "EDITIONS",
    "LABELS",
    "LANGS",
    "NO_FUNDING",
    "ROMAN",
    "BudgetCode",
    "BudgetCodeError",
    "Deadline",
    "DirectionNumbers",
    "DeadlineError",
    "DeadlineKind",
    "Edition",
    "ExecutionStatus",
    "FormLabels",
    "FormNumbers",
    "Occurrence",
    "ReportingPeriod",
    "RuleError",
    "anchor_code",
    "approval_due",
    "collation_key",
    "correction_problems",
    "days_left",
    "delay_days",
    "direction_number",
    "edition_by_key",
    "edition_for",
    "edition_for_year",
    "edition_from_dict",
    "edition_to_dict",
    "event_numbers",
    "excel_number_format",
    "fallback_order",
    "form_numbers",
    "format_number",
    "format_budget_codes",
    "goal_number",
    "is_closed",
    "is_non_working_day",
    "is_overdue",
    "is_through_plan_code",
    "macroindicator_number",
    "next_working_day",
    "opens_on",
    "parse_budget_codes",
    "parse_wording",
    "pick",
    "pick_from",
    "quarter_bounds",
    "quarter_of",
    "reasons_required",
    "report_submittable",
    "roman",
    "target_indicator_number",
    "task_number",
    "unit_info_submittable",
    "with_unit",
]
