"""What every API view shares: the answer's language once the caller is known, an ETag on every
200 answer to GET (304 to a matching If-None-Match), and Vary on what changes the answer."""
from django.http import HttpResponseNotModified
from django.utils.cache import patch_cache_control, patch_vary_headers
from django.utils.http import parse_etags
from rest_framework import exceptions, permissions
from rest_framework.response import Response
from rest_framework.views import APIView

from .conditional import etag_of
from .language import activate_api_language

VARY = ("Accept-Language", "Authorization", "Cookie")


def _not_modified(request, tag: str) -> bool:
    header = request.META.get("HTTP_IF_NONE_MATCH")
    return bool(header) and (tag in parse_etags(header) or f"W/{tag}" in parse_etags(header))


class ApiView(APIView):
    def perform_authentication(self, request):
        super().perform_authentication(request)
        activate_api_language(request)

    def finalize_response(self, request, response, *args, **kwargs):
        response = super().finalize_response(request, response, *args, **kwargs)
        if request.method in ("GET", "HEAD") and response.status_code == 200 and isinstance(response, Response):
            response.render()
            tag = etag_of(response.content)
            if _not_modified(request, tag):
                response = HttpResponseNotModified()
            response["ETag"] = tag
        patch_vary_headers(response, VARY)
        patch_cache_control(response, private=True, no_cache=True)
        return response


class UnknownAddress(ApiView):
    """Any other address under /api/: a 404 in the API's error body, for anyone."""

    permission_classes = [permissions.AllowAny]
    schema = None

    def initial(self, request, *args, **kwargs):
        super().initial(request, *args, **kwargs)
        raise exceptions.NotFound
