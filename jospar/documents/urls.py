from django.urls import path, register_converter

from jospar.documents.views import devplan, org_structure
from jospar.documents.views import imports as import_views
from jospar.documents.views import plan as views
from jospar.documents.views import reports as monitoring_views


class LangConverter:
    regex = "kk|ru"

    def to_python(self, value):
        return value

    def to_url(self, value):
        return value


class FormatConverter(LangConverter):
    regex = "docx|xlsx|pdf"


register_converter(LangConverter, "doclang")
register_converter(FormatConverter, "docfmt")

app_name = "documents"
urlpatterns = [
    path("development-plans/template.xlsx", devplan.template_download, name="devplan_template"),
    path("development-plans/import/", devplan.import_workbook, name="devplan_import"),
    path("development-plans/<int:pk>/workbook.xlsx", devplan.plan_workbook, name="devplan_workbook"),
    path("plans/<int:year>/v<int:number>/form1-<doclang:lang>.<docfmt:fmt>", views.form1, name="form1"),
    path("plans/<int:year>/v<int:number>/import/", import_views.import_events, name="import_events"),
    path("plans/<int:year>/v<int:number>/import-template-<doclang:lang>.xlsx", import_views.import_template,
         name="import_template"),
    path("organisation/import/", org_structure.org_import, name="org_import"),
    path("organisation/template-<doclang:lang>.xlsx", org_structure.org_template, name="org_template"),
    path("reports/<int:year>/q<int:quarter>/form2-<doclang:lang>.<docfmt:fmt>", monitoring_views.form2, name="form2"),
    path("reports/<int:year>/q<int:quarter>/indicators-<doclang:lang>.xlsx", monitoring_views.indicators,
         name="indicators"),
    path("monitoring/<int:year>/q<int:quarter>/units/<int:unit_id>/work-list-<doclang:lang>.xlsx",
         monitoring_views.worklist_download, name="worklist"),
    path("monitoring/<int:year>/q<int:quarter>/units/<int:unit_id>/work-list/", monitoring_views.worklist_upload,
         name="worklist_upload"),
]
