"""A URLconf with a view that fails, to see the request id carried into the error log."""
from django.urls import path

from jospar.ops.health import healthz
from jospar.urls import urlpatterns as app_urlpatterns


def boom(request):
    raise RuntimeError("boom")


urlpatterns = [path("boom", boom), path("healthz", healthz), *app_urlpatterns]  # the error page links home
