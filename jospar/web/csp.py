"""Content-Security-Policy on every response (django-csp), with one relaxation for the Django admin.

The app's own pages run no inline script or style at all: behaviour is in jospar.js, looks in the
.css files, and htmx is told not to inject its indicator styles nor to evaluate code (see base.html).
The admin's own templates are clean too, but django-simple-history's history page (under /admin/)
carries a `style=""` attribute; under /admin/ only, style *attributes* are allowed. The API's docs page
(Swagger UI, served by the app) draws its icons as `data:` SVG images from its stylesheet; there only,
`data:` images are allowed. Scripts stay 'self' everywhere, so neither can run code.
Pages may open a websocket to NCALayer on the signer's computer (`settings.NCALAYER_URL`, read per request):
`connect-src` names it besides 'self'.
"""
from csp.constants import SELF, UNSAFE_INLINE
from csp.middleware import CSPMiddleware, PolicyParts
from django.conf import settings

ADMIN_PREFIX = "/admin/"
API_DOCS = "/api/v1/docs/"


class JosparCSPMiddleware(CSPMiddleware):
    def get_policy_parts(self, request, response, report_only=False) -> PolicyParts:
        parts = super().get_policy_parts(request, response, report_only)
        ncalayer = getattr(settings, "NCALAYER_URL", "")
        if ncalayer and not report_only:
            parts.update = {**(parts.update or {}), "connect-src": [SELF, ncalayer]}
        if request.path_info.startswith(ADMIN_PREFIX) and not report_only:
            parts.update = {**(parts.update or {}), "style-src-attr": [UNSAFE_INLINE]}
        if request.path_info == API_DOCS and not report_only:
            parts.update = {**(parts.update or {}), "img-src": [SELF, "data:"]}
        return parts
