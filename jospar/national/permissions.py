"""Who may read the national view (issue 14): the state planning authority's `national` role, and nobody else.

The one place that decides `national.*`; registered when the app starts (NationalConfig.ready). There is
no `national.change_*`: the national user changes nothing of any body (every national page is GET only), and
being national is not membership of a body (`Access.is_member`), so the bodies' own pages stay closed to it.
A superuser is a data administrator, not a reader of every plan: the rule does not short-circuit for one.
"""
import rules

from jospar.orgs.permissions import is_national

rules.add_perm("national.view", is_national)
