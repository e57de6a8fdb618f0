"""Who may correct the rulebook: the one place that decides each `rulebook.*` permission.

The rulebook is installation-wide data (every body's plans follow the same editions of the Rules), so the
installation administrator (a superuser) corrects editions — not the administrator of one body; the
planner, the executive and the other members read the rules' effect in their documents. The rule is
explicit (`is_installation_admin`): workflow rules never short-circuit for superusers."""
import rules

from jospar.orgs.permissions import is_installation_admin

rules.add_perm("rulebook.correct_edition", is_installation_admin)
