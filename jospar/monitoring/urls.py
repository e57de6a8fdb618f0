from django.urls import path

from . import views, views_decisions, views_report

app_name = "monitoring"
Q = "<int:year>/<int:quarter>/"
urlpatterns = [
    path("", views.index, name="index"),
    path("<int:year>/", views.periods, name="periods"),
    path("<int:year>/decisions/", views_decisions.register, name="decisions"),
    path("<int:year>/decisions/<int:pk>/done/", views_decisions.complete, name="decision_done"),
    path(Q, views.period, name="period"),
    path(Q + "units/<int:unit_id>/", views.unit, name="unit"),
    path(Q + "units/<int:unit_id>/entry/<int:event_id>/<int:occurrence>/", views.save_entry, name="save_entry"),
    path(Q + "units/<int:unit_id>/contribution/<int:event_id>/<int:occurrence>/", views.save_contribution,
         name="save_contribution"),
    path(Q + "units/<int:unit_id>/indicators/", views.save_indicator, name="save_indicator"),
    path(Q + "units/<int:unit_id>/submit/", views.submit, name="submit"),
    path(Q + "units/<int:unit_id>/return/", views.return_info, name="return"),
    path(Q + "entries/<int:entry_id>/files/", views.upload, name="upload"),
    path(Q + "files/<int:attachment_id>/delete/", views.delete_file, name="delete_file"),
    path("files/<int:attachment_id>/", views.download, name="download"),
    path(Q + "report/", views_report.report, name="report"),
    path(Q + "report/texts/", views_report.save_texts, name="report_texts"),
    path(Q + "report/rec/<int:event_id>/", views_report.recommendation, name="recommendation"),
    path(Q + "report/submit/", views_report.submit, name="report_submit"),
    path(Q + "report/amendment-basis/", views_report.amendment_basis, name="amendment_basis"),
    path(Q + "report/decisions/", views_report.decide, name="decide"),
    path(Q + "report/decisions/people/", views_report.decision_people, name="decision_people"),
    path(Q + "report/return/", views_report.take_back, {"action": "return"}, name="report_return"),
    path(Q + "report/recall/", views_report.take_back, {"action": "recall"}, name="report_recall"),
]
