"""Drafting: opening the year, units' proposals and their review, the planner's draft.
Included by jospar.planning.urls (namespace "planning")."""
from django.urls import path

from jospar.planning.drafting.views import draft, proposals

urlpatterns = [
    path("open/", draft.open_year, name="open_year"),
    path("<int:year>/draft/body/", draft.draft_body, name="draft_body"),
    path("<int:year>/draft/events/new/", draft.event_new, name="draft_event_new"),
    path("<int:year>/draft/events/<int:revision_id>/edit/", draft.event_edit, name="draft_event_edit"),
    path("<int:year>/draft/events/<int:revision_id>/move/", draft.event_move, name="draft_event_move"),
    path("<int:year>/draft/events/<int:revision_id>/delete/", draft.event_delete, name="draft_event_delete"),
    path("<int:year>/proposals/", proposals.proposal_list, name="proposals"),
    path("<int:year>/proposals/new/", proposals.proposal_new, name="proposal_new"),
    path("<int:year>/proposals/submit/", proposals.proposals_submit, name="proposals_submit"),
    path("<int:year>/proposals/merge/", proposals.proposals_merge, name="proposals_merge"),
    path("<int:year>/proposals/<int:pk>/edit/", proposals.proposal_edit, name="proposal_edit"),
    path("<int:year>/proposals/<int:pk>/delete/", proposals.proposal_delete, name="proposal_delete"),
    path("<int:year>/proposals/<int:pk>/accept/", proposals.proposal_accept, name="proposal_accept"),
    path("<int:year>/proposals/<int:pk>/return/", proposals.proposal_return, name="proposal_return"),
    path("<int:year>/proposals/<int:pk>/unmerge/", proposals.proposal_unmerge, name="proposal_unmerge"),
]
