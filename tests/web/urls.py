"""The app's URLs plus one view that fails, to see the 500 page."""
from django.urls import path

from jospar.urls import urlpatterns as app_urlpatterns


def boom(request):
    raise RuntimeError("a bug")


urlpatterns = [*app_urlpatterns, path("boom/", boom)]
