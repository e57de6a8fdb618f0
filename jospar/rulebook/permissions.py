"""Who may correct the rulebook: the one place that decides each `rulebook.*` permission.

The body's administrator (the data administrator) corrects editions; the planner, the executive and
the other members read the rules' effect in their documents. A superuser with no administrator
membership is not let through (workflow rules never short-circuit for superusers)."""
import rules

from jospar.orgs.permissions import is_admin

rules.add_perm("rulebook.correct_edition", is_admin)
