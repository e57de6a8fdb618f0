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

The demo has four bodies, each a ``BodyContent`` (spec.py) in ``BODIES`` (loaded in this order): ``WATER``
(the content above), ``AGRICULTURE`` (agriculture.py: the Ministry of Agriculture, its plan approved late, a
report late), ``KYZYLORDA`` (kyzylorda.py: the Akimat of Kyzylorda Region, a unit's quarter missing) and
``NATIONAL_ECONOMY`` (national_economy.py: the state planning authority, no plan; the national user).
"""

from . import agriculture, kyzylorda, national_economy
from .body import BODY, PEOPLE, UNITS
from .devplan import DEVPLAN
from .events import BUDGET_PROGRAMS, COMPLETION_FORMS, EVENTS, NEXT_YEAR_EVENTS
from .spec import BodyContent, Story

WATER = BodyContent(
    body=BODY, units=UNITS, people=PEOPLE, email_domain="mwri.gov.kz", completion_forms=COMPLETION_FORMS,
    devplan=DEVPLAN, events=EVENTS, next_year_events=NEXT_YEAR_EVENTS,
    story=Story(late_unit=("irr", 2, 3), returned_unit=("wrm", 1), amendment=True, open_units=("wrm", "win"),
                next_year_draft=True),
)
AGRICULTURE = BodyContent(
    body=agriculture.BODY, units=agriculture.UNITS, people=agriculture.PEOPLE, email_domain="moa.gov.kz",
    completion_forms=COMPLETION_FORMS, devplan=agriculture.DEVPLAN, events=agriculture.EVENTS,
    # §6: signed 24 December, due 3 January, approved 15 January (12 days late); the I quarter report 4 days late
    story=Story(sent_for_approval="2026-01-12", approved="2026-01-15", late_report=(1, 4),
                open_units=("crop", "lvst")),
)
KYZYLORDA = BodyContent(
    body=kyzylorda.BODY, units=kyzylorda.UNITS, people=kyzylorda.PEOPLE, email_domain="kyzylorda.gov.kz",
    completion_forms=kyzylorda.COMPLETION_FORMS, devplan=kyzylorda.DEVPLAN, events=kyzylorda.EVENTS,
    # §6: signed 19 December, due 29 December, approved 27 December; construction never reported the II quarter
    story=Story(sent_for_approval="2025-12-24", approved="2025-12-27", round_closed="2025-12-24",
                missing_unit=("kzcs", 2), open_units=("kzag", "kznr")),
)
NATIONAL_ECONOMY = BodyContent(
    body=national_economy.BODY, units=national_economy.UNITS, people=national_economy.PEOPLE,
    email_domain="economy.gov.kz",
)
BODIES = (WATER, AGRICULTURE, KYZYLORDA, NATIONAL_ECONOMY)

__all__ = [
    "AGRICULTURE",
    "BODIES",
    "BODY",
    "BUDGET_PROGRAMS",
    "COMPLETION_FORMS",
    "DEVPLAN",
    "EVENTS",
    "KYZYLORDA",
    "NATIONAL_ECONOMY",
    "NEXT_YEAR_EVENTS",
    "PEOPLE",
    "UNITS",
    "WATER",
    "BodyContent",
    "Story",
]
