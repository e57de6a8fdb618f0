"""`make run`: the demo as production serves it (DEBUG off: no technical error pages, whitenoise serves
the collected static files), but over plain http on the loopback address only.

Production settings (jospar.settings) stay strict and `check --deploy` clean; this module relaxes only
what plain http on 127.0.0.1 needs, and refuses any other host, so it cannot serve a real deployment.
"""
import os

from jospar.env import ConfigError

os.environ["DEBUG"] = "false"
os.environ.setdefault("SITE_URL", "http://127.0.0.1:8000")

from jospar.settings import *  # noqa: E402,F403

LOOPBACK = ["127.0.0.1", "localhost"]
ALLOWED_HOSTS = LOOPBACK
if not SITE_URL.startswith(("http://127.0.0.1", "http://localhost")):  # noqa: F405
    raise ConfigError(f"the local demo serves http://127.0.0.1 only; SITE_URL is {SITE_URL!r}")  # noqa: F405
SECURE_SSL_REDIRECT = False
SESSION_COOKIE_SECURE = False
CSRF_COOKIE_SECURE = False
SECURE_HSTS_SECONDS = 0
SECURE_HSTS_INCLUDE_SUBDOMAINS = False
SECURE_HSTS_PRELOAD = False
EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"  # the demo sends no real e-mail
