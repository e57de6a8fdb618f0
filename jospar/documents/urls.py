from django.urls import path, register_converter

from . import import_views, views


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
    path("plans/<int:year>/v<int:number>/form1-<doclang:lang>.<docfmt:fmt>", views.form1, name="form1"),
    path("plans/<int:year>/v<int:number>/import/", import_views.import_events, name="import_events"),
    path("plans/<int:year>/v<int:number>/import-template-<doclang:lang>.xlsx", import_views.import_template,
         name="import_template"),
]
