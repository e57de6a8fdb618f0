"""Who may do what in the monitoring (rules §7–§17: units' information, the Form 2 report, decisions).
The one place that decides each `monitoring.*` permission; registered when the app starts
(MonitoringConfig.ready).

Objects: an OrgUnit for a unit's information (the lead executor's entries, a co-executor's contribution),
a ReportingPeriod (or anything with `plan.body_id`) for the period, its report and decisions. Whether an
item is still open (not submitted, not returned) is the services' state check, on top of these roles."""
import rules

from jospar.orgs.permissions import (
    access_of,
    is_admin,
    is_body_member,
    is_executive,
    is_official,
    is_own_unit,
    is_planner,
    is_unit_head,
    is_unit_person,
    is_viewer,
)

rules.add_perm("monitoring.view_period", is_body_member)
rules.add_perm("monitoring.view_unit_info", is_planner | is_executive | is_own_unit)
rules.add_perm("monitoring.edit_entry", (is_unit_person | is_planner) & is_own_unit)
rules.add_perm("monitoring.contribute", (is_unit_person | is_planner) & is_own_unit)
rules.add_perm("monitoring.submit_unit_info", is_unit_head & is_own_unit)
# An indicator's actual values (object: its responsible unit): that unit's people enter them.
rules.add_perm("monitoring.edit_indicator", (is_unit_person | is_planner) & is_own_unit)
rules.add_perm("monitoring.return_unit_info", is_planner)
# The report is the body's whole picture: the planner, the executive, viewers and administrators read it.
rules.add_perm("monitoring.view_report", is_planner | is_executive | is_viewer | is_admin)
rules.add_perm("monitoring.edit_report", is_planner)
rules.add_perm("monitoring.submit_report", is_planner)
rules.add_perm("monitoring.record_decision", is_executive & is_official)


@rules.predicate
def responsible_for_decision(user, decision):
    """The decision names the user's unit, or the user, as responsible for carrying it out."""
    access = access_of(user)
    return decision.responsible_unit_id in access.unit_ids or decision.responsible_person_id == user.pk


# Decisions (objects: Decision): who sees them in the register and who reports one carried out.
rules.add_perm("monitoring.view_decision", is_planner | is_executive | is_viewer | is_admin
               | (is_body_member & responsible_for_decision))
rules.add_perm("monitoring.complete_decision", is_planner | is_executive | (is_body_member & responsible_for_decision))

# The report taken back (issue 10 §6): the executive returns it with a comment, the planner recalls it.
rules.add_perm("monitoring.return_report", is_executive)
rules.add_perm("monitoring.recall_report", is_planner)
