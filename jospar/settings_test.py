"""Settings for the test suite: production-like (DEBUG off) with a throwaway key and fast hashing."""
import os

os.environ.setdefault("SECRET_KEY", "test-only-" + "k" * 60)
os.environ.setdefault("ALLOWED_HOSTS", "testserver,localhost,127.0.0.1")
os.environ.setdefault("SECURE_SSL_REDIRECT", "false")
os.environ.setdefault("SESSION_COOKIE_SECURE", "false")
os.environ.setdefault("CSRF_COOKIE_SECURE", "false")
os.environ.setdefault("SITE_URL", "http://testserver")
os.environ.setdefault("ACCESS_LOG", "false")  # no access line per test request (tests/ops turn it on)

from jospar.settings import *  # noqa: E402,F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
STORAGES["staticfiles"]["BACKEND"] = "django.contrib.staticfiles.storage.StaticFilesStorage"  # noqa: F405
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
EMAIL_OUTBOX_EAGER = True  # e-mails leave the outbox when the action's transaction commits
AXES_ENABLED = False
API_RATE = "100000/min"  # schemathesis sends many requests a minute; tests/api/test_rate.py sets its own
SIGNATURE_OCSP = False  # tests never reach out to a certificate's OCSP responder
# The demo's signatures cost a third of a demo load: only the tests that look at them ask for them
# (DemoLoader(sign=True), or the `settings` fixture for `load_demo`).
DEMO_SIGNATURES = False
