from django.urls import path

from . import views, views_amend, views_draft, views_proposals

app_name = "planning"
urlpatterns = [
    path("", views.plan_list, name="plan_list"),
    path("open/", views_draft.open_year, name="open_year"),
    path("<int:year>/", views.plan_detail, name="plan_detail"),
    path("<int:year>/events/<int:event_id>/", views.event_detail, name="event_detail"),
    path("<int:year>/draft/body/", views_draft.draft_body, name="draft_body"),
    path("<int:year>/draft/events/new/", views_draft.event_new, name="draft_event_new"),
    path("<int:year>/draft/events/<int:revision_id>/edit/", views_draft.event_edit, name="draft_event_edit"),
    path("<int:year>/draft/events/<int:revision_id>/move/", views_draft.event_move, name="draft_event_move"),
    path("<int:year>/draft/events/<int:revision_id>/delete/", views_draft.event_delete, name="draft_event_delete"),
    path("<int:year>/draft/events/<int:revision_id>/cancel/", views_amend.event_cancel, name="draft_event_cancel"),
    path("<int:year>/draft/events/<int:revision_id>/restore/", views_amend.event_restore, name="draft_event_restore"),
    path("<int:year>/amend/", views_amend.amend, name="amend"),
    path("<int:year>/versions/", views_amend.versions, name="versions"),
    path("<int:year>/compare/", views_amend.compare, name="compare"),
    path("<int:year>/history/", views_amend.history, name="history"),
    path("<int:year>/development-plan-changes/", views_amend.devplan_changes, name="devplan_changes"),
    path("<int:year>/send/", views_draft.send_for_approval, name="send_for_approval"),
    path("<int:year>/approve/", views_draft.approve, name="approve"),
    path("<int:year>/return/", views_draft.return_plan, name="return_plan"),
    path("<int:year>/proposals/", views_proposals.proposal_list, name="proposals"),
    path("<int:year>/proposals/new/", views_proposals.proposal_new, name="proposal_new"),
    path("<int:year>/proposals/submit/", views_proposals.proposals_submit, name="proposals_submit"),
    path("<int:year>/proposals/merge/", views_proposals.proposals_merge, name="proposals_merge"),
    path("<int:year>/proposals/<int:pk>/edit/", views_proposals.proposal_edit, name="proposal_edit"),
    path("<int:year>/proposals/<int:pk>/delete/", views_proposals.proposal_delete, name="proposal_delete"),
    path("<int:year>/proposals/<int:pk>/accept/", views_proposals.proposal_accept, name="proposal_accept"),
    path("<int:year>/proposals/<int:pk>/return/", views_proposals.proposal_return, name="proposal_return"),
    path("<int:year>/proposals/<int:pk>/unmerge/", views_proposals.proposal_unmerge, name="proposal_unmerge"),
]
