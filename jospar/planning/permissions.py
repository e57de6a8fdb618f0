"""Who may do what with the operational plan: proposals, the draft, approval, amendments, the
development plan (rules §3–§6, §18). The one place that decides each `planning.*` permission;
registered when the app starts (PlanningConfig.ready). Made of the generic predicates of
`jospar.orgs.permissions` and the few below that read planning's objects."""
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
)


@rules.predicate
def executes_event(user, revision):
    """One of the event's responsible executors is the user's unit (uses prefetched executors)."""
    units = access_of(user).unit_ids
    return any(ex.unit_id in units for ex in revision.executors.all())


@rules.predicate
def proposal_is_editable(user, proposal):
    return proposal.is_editable


@rules.predicate
def in_proposal_unit(user, proposal):
    return proposal.unit_id in access_of(user).unit_ids


rules.add_perm("planning.view_plan", is_body_member)
rules.add_perm("planning.open_plan", is_planner)
rules.add_perm("planning.propose", is_unit_person & is_own_unit)
rules.add_perm("planning.edit_proposal", is_unit_person & in_proposal_unit & proposal_is_editable)
rules.add_perm("planning.view_proposal", is_planner | is_executive | (is_unit_person & in_proposal_unit))
rules.add_perm("planning.submit_proposals", is_unit_head & is_own_unit)
rules.add_perm("planning.review_proposals", is_planner)
rules.add_perm("planning.send_for_approval", is_planner)
rules.add_perm("planning.amend_plan", is_planner)
rules.add_perm("planning.view_event", is_body_member)
rules.add_perm("planning.edit_draft", is_planner)
rules.add_perm("planning.approve_plan", is_executive & is_official)
rules.add_perm("planning.manage_development_plan", is_planner | is_admin)
