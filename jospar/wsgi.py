"""WSGI entry point (gunicorn jospar.wsgi)."""
import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "jospar.settings")
application = get_wsgi_application()
