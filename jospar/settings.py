"""Jospar settings, read from the environment with safe defaults (see README: Configuration)."""
import os
from pathlib import Path

from django.utils.translation import gettext_lazy as _

from jospar.env import cache_config, database_config, env_bool, env_int, env_list, secret_key, site_url
from jospar.ops.sentry import init_sentry

BASE_DIR = Path(__file__).resolve().parent.parent

DEBUG = env_bool("DEBUG", False)
SECRET_KEY = secret_key(DEBUG)
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["127.0.0.1", "localhost"] if DEBUG else [])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django_htmx",
    "template_partials",
    "rules.apps.AutodiscoverRulesConfig",
    "simple_history",
    "jospar.orgs.sign_in_app.SignInAttemptsConfig",  # django-axes, named in the reader's language
    "rest_framework",
    "drf_spectacular",
    "drf_spectacular_sidecar",  # Swagger UI served by the app itself (no CDN)
    "jospar.api.oauth_app.RegisteredSystemsOAuthConfig",  # django-oauth-toolkit, named in the reader's language
    "jospar.orgs",
    "jospar.rulebook",
    "jospar.planning",
    "jospar.dashboard",
    "jospar.notifications",
    "jospar.monitoring",
    "jospar.documents",
    "jospar.signatures",  # after documents: its receivers verify signatures over the PDFs documents just stored
    "jospar.national",
    "jospar.demo",
    "jospar.api",
    "jospar.ops",
]

MIDDLEWARE = [
    "jospar.ops.middleware.RequestIdMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "jospar.web.csp.JosparCSPMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "jospar.orgs.middleware.UserLanguageMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "jospar.web.htmx_session.HtmxSessionMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    "axes.middleware.AxesMiddleware",
    "jospar.ops.router.ReplicaReadsMiddleware",
]

ROOT_URLCONF = "jospar.urls"
WSGI_APPLICATION = "jospar.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "jospar" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "jospar.orgs.context_processors.membership",
                "jospar.notifications.context_processors.unread",
            ],
            "libraries": {"bilingual": "jospar.web.bilingual"},
        },
    }
]

DATABASES = {"default": database_config(os.environ.get("DATABASE_URL"), BASE_DIR)}
if os.environ.get("DATABASE_REPLICA_URL"):  # a streaming replica: /healthz reports it and its lag
    DATABASES["replica"] = database_config(os.environ["DATABASE_REPLICA_URL"], BASE_DIR)
    DATABASES["replica"]["TEST"] = {"MIRROR": "default"}
    DATABASE_ROUTERS = ["jospar.ops.router.ReplicaRouter"]  # read-only pages read from it
REPLICA_STICKY_SECONDS = env_int("REPLICA_STICKY_SECONDS", 5)  # after a write, the user reads from the primary
CACHES = cache_config(os.environ.get("CACHE_BACKEND", "locmem"), os.environ.get("CACHE_LOCATION", ""),
                      env_int("CACHE_MAX_ENTRIES", 300), env_int("CACHE_SECONDS", 3600))
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "rules.permissions.ObjectPermissionBackend",
    "django.contrib.auth.backends.ModelBackend",
]
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "login"
CSRF_FAILURE_VIEW = "jospar.web.errors.csrf_failure"
# Lock-out by account, never by address alone: behind a proxy or NAT a whole body shares one address.
# The attacked username is locked wherever the attempts come from; the username + address pair keeps the
# address with each recorded attempt (axes.W006). The lock ends 15 minutes after the last counted failure
# (attempts during the lock do not extend it); a correct password clears the count. Unlock at once:
# admin → Access attempts, or `manage.py axes_reset_username <name>`.
AXES_FAILURE_LIMIT = env_int("AXES_FAILURE_LIMIT", 10)
AXES_COOLOFF_TIME = 0.25  # hours
AXES_LOCKOUT_PARAMETERS = ["username", ["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT = False
AXES_LOCKOUT_CALLABLE = "jospar.orgs.views.locked_out"
AXES_CLIENT_IP_CALLABLE = "jospar.orgs.client_ip.client_ip"
TRUSTED_PROXY_COUNT = env_int("TRUSTED_PROXY_COUNT", 0)  # reverse proxies in front of the app (client_ip.py)

LANGUAGE_CODE = os.environ.get("LANGUAGE_CODE", "kk")
LANGUAGES = [("kk", _("Kazakh")), ("ru", _("Russian")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "jospar" / "locale"]
FORMAT_MODULE_PATH = ["jospar.formats"]  # Kazakh number and date formats, which Django lacks
LANGUAGE_COOKIE_AGE = 365 * 24 * 3600
USE_I18N = True
USE_TZ = True
TIME_ZONE = os.environ.get("TIME_ZONE", "Asia/Almaty")

STATIC_URL = "static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "staticfiles"))  # collectstatic writes here
STATICFILES_DIRS = [BASE_DIR / "jospar" / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
# Uploaded workbooks are checked before any parsing; the defaults (10 MB, 10,000 rows per sheet, …) and what
# each limit means are in jospar/documents/importers/guarded_workbook.py (DEFAULTS). Override any of them here, e.g.
# WORKBOOK_LIMITS = {"max_bytes": 20 * 1024 * 1024}.
WORKBOOK_LIMITS: dict = {}

EMAIL_BACKEND = os.environ.get(
    "EMAIL_BACKEND",
    "django.core.mail.backends.console.EmailBackend" if DEBUG else "django.core.mail.backends.smtp.EmailBackend",
)
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("EMAIL_PORT", 25)
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
EMAIL_USE_SSL = env_bool("EMAIL_USE_SSL", False)
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "jospar@localhost")
SITE_URL = site_url(DEBUG)  # links in e-mails; required in production
SERVER_EMAIL = DEFAULT_FROM_EMAIL
# E-mail leaves through the outbox (jospar.notifications.outbox): eagerly after each commit when
# EMAIL_OUTBOX_EAGER (default with DEBUG), else from the `send_outbox` timer every minute.
EMAIL_OUTBOX_EAGER = env_bool("EMAIL_OUTBOX_EAGER", DEBUG)
EMAIL_OUTBOX_MAX_ATTEMPTS = env_int("EMAIL_OUTBOX_MAX_ATTEMPTS", 10)
EMAIL_OUTBOX_RETRY_SECONDS = env_int("EMAIL_OUTBOX_RETRY_SECONDS", 60)  # first back-off; doubles each attempt
EMAIL_OUTBOX_KEEP_DAYS = env_int("EMAIL_OUTBOX_KEEP_DAYS", 30)  # sent e-mails are deleted after this
BACKUP_DIR = Path(os.environ.get("BACKUP_DIR", BASE_DIR / "backups"))

SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_AGE = env_int("SESSION_COOKIE_AGE", 8 * 3600)
CSRF_COOKIE_HTTPONLY = True
X_FRAME_OPTIONS = "DENY"
# No inline script or style anywhere (README: Security); the admin's exception is in jospar/web/csp.py.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    }
}
SECURE_CONTENT_TYPE_NOSNIFF = True

# Qualified electronic signatures (README: Qualified electronic signatures). Which acts need a valid signature:
# any of approval, report, unit_info (default none: signing is offered, not required).
SIGNATURES_REQUIRED = tuple(env_list("JOSPAR_SIGNATURES_REQUIRED", []))
NCANODE_URL = os.environ.get("JOSPAR_NCANODE_URL", "").strip()  # NCANode 3, verifies GOST signatures; "" none
NCALAYER_URL = os.environ.get("JOSPAR_NCALAYER_URL", "wss://127.0.0.1:13579").strip()  # on the signer's computer
SIGNATURE_OCSP = env_bool("JOSPAR_SIGNATURE_OCSP", True)  # ask the certificate's OCSP responder when reachable
DEMO_SIGNATURES = True  # the demo loader signs the demo's acts with its test authority (the tests turn it off)
SIGNATURE_ROOTS = os.environ.get("JOSPAR_SIGNATURE_ROOTS", "").strip()  # a PEM bundle file, besides TrustedRoot
SECURE_REFERRER_POLICY = "same-origin"
if not DEBUG:
    SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
    SESSION_COOKIE_SECURE = env_bool("SESSION_COOKIE_SECURE", True)
    CSRF_COOKIE_SECURE = env_bool("CSRF_COOKIE_SECURE", True)
    SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 31536000)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", True)
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_REDIRECT_EXEMPT = [r"^healthz$"]  # load balancers probe app servers over plain HTTP

REST_FRAMEWORK = {
    # the first class's challenge answers an anonymous request: 401 with WWW-Authenticate: Bearer
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "jospar.api.authentication.TokenAuthentication",
        "jospar.api.authentication.OAuth2Authentication",
        "jospar.api.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["jospar.api.access.SignedInWithScope"],
    "DEFAULT_THROTTLE_CLASSES": ["jospar.api.throttling.CredentialRateThrottle"],
    "DEFAULT_PAGINATION_CLASS": "jospar.api.pagination.Pages",
    "PAGE_SIZE": 100,
    "DEFAULT_SCHEMA_CLASS": "jospar.api.schema.AutoSchema",
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_PARSER_CLASSES": ["jospar.api.parsers.JSONParser"],  # bounded size and depth
    "EXCEPTION_HANDLER": "jospar.api.errors.exception_handler",  # one error body, in the request's language
}
API_RATE = os.environ.get("API_RATE", "600/min")  # requests per credential (token, system, session)
# OAuth2 for registered systems: client credentials only, secrets kept hashed, tokens for an hour
OAUTH2_PROVIDER_APPLICATION_MODEL = "oauth2_provider.Application"  # named, so the api app's migrations can point at it
OAUTH2_PROVIDER = {
    "SCOPES_BACKEND_CLASS": "jospar.api.scopes.SystemScopes",  # a registered system asks only for its own scopes
    "SCOPES": {"read": "Read plans, reports and units' information", "submit": "Write and submit units' information"},
    "DEFAULT_SCOPES": ["read"],
    "ACCESS_TOKEN_EXPIRE_SECONDS": int(os.environ.get("OAUTH2_TOKEN_SECONDS", "3600")),
    "ALLOWED_REDIRECT_URI_SCHEMES": ["https"],
    # RFC 9700 (OAuth 2.0 Security BCP) throughout: no implicit or password grant, S256 PKCE only, tokens in the
    # Authorization header only and kept hashed, the `iss` parameter, refresh-token replay revokes the family
    "COMPLIANT_BCP_RFC9700_IMPLICIT_GRANT": True,
    "COMPLIANT_BCP_RFC9700_PASSWORD_GRANT": True,
    "COMPLIANT_BCP_RFC9700_PKCE_METHOD": True,
    "COMPLIANT_BCP_RFC9700_ACCESS_TOKEN_TRANSPORT": True,
    "COMPLIANT_BCP_RFC9700_AUTHZ_RESPONSE_ISS": True,
    "COMPLIANT_BCP_RFC9700_TOKEN_STORAGE": True,
    "COMPLIANT_BCP_RFC9700_REFRESH_TOKEN": True,
    "REFRESH_TOKEN_REUSE_PROTECTION": True,
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Jospar API",
    "VERSION": "1",
    "SERVE_INCLUDE_SCHEMA": False,
    "SWAGGER_UI_DIST": "SIDECAR",  # from drf-spectacular-sidecar's static files: no CDN
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    "POSTPROCESSING_HOOKS": ["drf_spectacular.hooks.postprocess_schema_enums", "jospar.api.links.add_links"],
    # one name for each set of codes that several resources share
    "ENUM_NAME_OVERRIDES": {
        "VersionStatusEnum": "jospar.api.schema.VERSION_STATUSES",
        "ExecutionStatusEnum": "jospar.api.schema.EXECUTION_STATUSES",
        "DeadlineKindEnum": "jospar.api.schema.DEADLINE_KINDS",
        "ReportStatusEnum": "jospar.api.schema.REPORT_STATUSES",
    },
    "DESCRIPTION": (
        "Every error (4xx and 5xx) has one body: {\"code\": stable code, \"message\": what went wrong in the "
        "request's language (Accept-Language, else the user's saved language), \"fields\": {field: [messages]}}. "
        "Request bodies are JSON of at most 64 KB, nested at most 8 levels."
    ),
}

# Logs go to stderr (journald under systemd): JSON lines in production, each with the request id.
LOG_FORMAT = os.environ.get("LOG_FORMAT", "text" if DEBUG else "json")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"request_id": {"()": "jospar.ops.logs.RequestIdFilter"}},
    "formatters": {
        "json": {"()": "jospar.ops.logs.JsonFormatter"},
        "text": {"format": "%(asctime)s %(levelname)s %(name)s [%(request_id)s] %(message)s"},
    },
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "formatter": "json" if LOG_FORMAT == "json" else "text",
            "filters": ["request_id"],
        }
    },
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
    "loggers": {
        "jospar.access": {"level": "INFO" if env_bool("ACCESS_LOG", not DEBUG) else "WARNING"},
    },
}

SENTRY_DSN = os.environ.get("SENTRY_DSN", "")
init_sentry(SENTRY_DSN, os.environ.get("SENTRY_ENVIRONMENT", "production"))
