"""Content of the demo state body: the Ministry of Water Resources and Irrigation of the Republic
of Kazakhstan (code ``mwri``), written as plain Python data for the plan year 2026.

Names, all dicts with ``name_kk`` / ``name_ru`` / ``name_en`` where relevant:

- ``BODY`` (body.py): code, full and short names of the state body.
- ``UNITS`` (body.py): structural units (kind ``unit``) and subordinate organisations (kind
  ``subordinate``), each with a code, ``is_planning`` and its ``head`` (last, first name,
  patronymic). Exactly one unit plans and monitors (``spa``, strategic planning and analysis); the
  first non-planning unit (``wrm``) is the demo "first unit", the second (``win``) the "second unit".
- ``PEOPLE`` (body.py): demo users ``planner``, ``executive``, ``viewer``, ``admin``, ``head1``,
  ``staff1``, ``head2``, ``staff2`` with role, unit code (or None), names, e-mail and position.
- ``DEVPLAN`` (devplan.py): the development plan 2025–2029, edition 1, signed 22 December 2025:
  ``directions`` → ``macroindicators`` (codes M1…) and ``goals`` (G1.1…) → ``indicators`` (T1.1.1…),
  each indicator with unit of measure, ``baseline`` and planned ``values`` by year (decimal
  strings); ``regulation_tasks`` (R1…) are the Section II tasks of the ministry's regulation.
- ``COMPLETION_FORMS`` (events.py): the managed list of completion forms, by code.
- ``BUDGET_PROGRAMS`` (events.py): the budget programs and subprograms the events cite.
- ``EVENTS`` (events.py, from events_direction1/2/3.py and events_section2.py): the operational
  plan 2026 in Form 1 order. ``NEXT_YEAR_EVENTS`` (events_2027.py): units' proposals for 2027.

An event: ``anchor`` (a macroindicator, target indicator or regulation task code); names;
``budget`` (program codes as typed, "001", "005 100", "001, 005"; "" = no funding required);
``executors`` (unit codes, the first one leads); ``deadline`` (a structured deadline dict, see
jospar.rules.Deadline.parse_dict; dates are in the content year); ``form`` (a completion form code)
or None with free text ``form_kk`` / ``form_ru``.
"""

from .body import BODY, PEOPLE, UNITS
from .devplan import DEVPLAN
from .events import BUDGET_PROGRAMS, COMPLETION_FORMS, EVENTS, NEXT_YEAR_EVENTS

__all__ = [
    "BODY",
    "BUDGET_PROGRAMS",
    "COMPLETION_FORMS",
    "DEVPLAN",
    "EVENTS",
    "NEXT_YEAR_EVENTS",
    "PEOPLE",
    "UNITS",
]
