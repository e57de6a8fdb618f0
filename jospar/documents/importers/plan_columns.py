"""The columns of the plan import workbook, shared by the template and the checker."""
from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

META_SHEET = "jospar"
MARKER = "jospar-plan-import"
FORMAT_VERSION = 2  # 2: anchor codes name their parent (M1.2), as Annex 1 numbers
FIRST_DATA_ROW = 2
MAX_ROWS = 5000


@dataclass(frozen=True)
class Column:
    key: str
    header: object  # lazy translation
    width: float


COLUMNS = (
    Column("anchor", _("Anchor (code from the sheet of anchors)"), 14),
    Column("name_kk", _("Name (Kazakh)"), 45),
    Column("name_ru", _("Name (Russian)"), 45),
    Column("budget", _("Budget program code"), 16),
    Column("executors", _("Executors: unit codes, lead first"), 22),
    Column("kind", _("Deadline kind"), 20),
    Column("date", _("Date (dd.mm.yyyy)"), 13),
    Column("month", _("Month (1-12)"), 9),
    Column("quarter", _("Quarter (1-4)"), 9),
    Column("day", _("Day (1-31)"), 9),
    Column("wording", _("Deadline in words (instead of the kind and its fields)"), 30),
    Column("completion_kk", _("Completion form (Kazakh)"), 28),
    Column("completion_ru", _("Completion form (Russian)"), 28),
)
INDEX = {c.key: i for i, c in enumerate(COLUMNS)}
