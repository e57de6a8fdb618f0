from django.urls import path

from . import views, work

ROOT = [("periods", "api:periods"), ("reports", "api:reports"), ("decisions", "api:decisions")]
Q = "periods/<int:year>/<int:quarter>/"
urlpatterns = [
    path("periods/", views.PeriodList.as_view(), name="periods"),
    path(Q, views.PeriodDetail.as_view(), name="period"),
    path(Q + "entries/", views.EntryList.as_view(), name="entries"),
    path(Q + "entries/<int:entry_id>/", views.EntryDetail.as_view(), name="entry"),
    path(Q + "units/<int:unit_id>/work/", work.WorkList.as_view(), name="work"),
    path(Q + "submissions/", views.SubmissionList.as_view(), name="submissions"),
    path(Q + "report/", views.ReportDetail.as_view(), name="report"),
    path("reports/", views.ReportList.as_view(), name="reports"),
    path("decisions/", views.DecisionList.as_view(), name="decisions"),
]
