"""The app's URLs plus three small API views that exercise the shared foundation alone: a paginated list,
an object read and written with ETag/If-Match, and an idempotent POST that counts what it did."""
from django.urls import path
from rest_framework.response import Response

from jospar.api.base import ApiView
from jospar.api.conditional import check_if_match, idempotent
from jospar.api.pagination import Pages
from jospar.urls import urlpatterns as app_urlpatterns

THING = {"name": "first", "version": 1}
DONE: list = []


class Items(ApiView):
    def get(self, request):
        pages = Pages()
        page = pages.paginate_queryset([{"n": n} for n in range(1, 251)], request, view=self)
        return pages.get_paginated_response(page)


class Thing(ApiView):
    def get(self, request):
        return Response(dict(THING))

    def patch(self, request):
        check_if_match(request, dict(THING))
        THING.update(name=request.data["name"], version=THING["version"] + 1)
        return Response(dict(THING))


class Things(ApiView):
    @idempotent
    def post(self, request):
        DONE.append(request.data)
        return Response({"made": len(DONE)}, status=201, headers={"Location": f"/things/{len(DONE)}/"})


urlpatterns = [
    path("t/items/", Items.as_view()),
    path("t/thing/", Thing.as_view()),
    path("t/things/", Things.as_view()),
    *app_urlpatterns,
]
