"""gunicorn settings for Jospar (systemd: deploy/systemd/jospar.service). Read by gunicorn, not Django.

Sync workers: each request holds one worker; requests are short (documents render in well under
the timeout). Workers = 2 x cores + 1 by default. nginx in front buffers slow clients.
"""
import multiprocessing
import os

bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8001")
workers = int(os.environ.get("GUNICORN_WORKERS", "0")) or multiprocessing.cpu_count() * 2 + 1
worker_class = "sync"
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "60"))  # nginx's proxy_read_timeout must be at least this
graceful_timeout = 30
keepalive = 5
max_requests = 5000  # recycle workers now and then (bounded memory growth), staggered by the jitter
max_requests_jitter = 500
# Trust X-Forwarded-* (and so the scheme) only from the proxy in front: nginx on this host by default.
forwarded_allow_ips = os.environ.get("GUNICORN_FORWARDED_ALLOW_IPS", "127.0.0.1")
preload_app = True  # import Django once in the master; workers share its memory copy-on-write
accesslog = None  # the app writes the access log itself: JSON lines with the request id
errorlog = "-"
loglevel = "info"
proc_name = "jospar"


def post_fork(server, worker):
    """Freeze what the worker inherited (Django, the app's modules) and raise the young generation's threshold
    (jospar.ops.memory): the garbage collector stops scanning those long-lived objects on every collection
    and runs a few times per large page instead of hundreds; the inherited memory pages stay shared."""
    from jospar.ops.memory import settle_worker

    settle_worker()
