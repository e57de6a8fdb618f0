"""Reading settings from the environment with safe defaults and clear errors.

Kept apart from settings.py so the parsing rules are testable without booting Django.
"""
import os
from pathlib import Path

import dj_database_url


class ConfigError(Exception):
    """A setting from the environment is missing or malformed; the message names it."""


TRUE = {"1", "true", "yes", "on"}
FALSE = {"0", "false", "no", "off", ""}


def env_bool(name: str, default: bool) -> bool:
    raw = os.environ.get(name)
    if raw is None:
        return default
    value = raw.strip().lower()
    if value in TRUE:
        return True
    if value in FALSE:
        return False
    raise ConfigError(f"{name} must be one of 1/0, true/false, yes/no, on/off; got {raw!r}")


def env_int(name: str, default: int) -> int:
    raw = os.environ.get(name)
    if raw is None or raw.strip() == "":
        return default
    try:
        return int(raw)
    except ValueError as exc:
        raise ConfigError(f"{name} must be an integer; got {raw!r}") from exc


def env_list(name: str, default: list[str]) -> list[str]:
    raw = os.environ.get(name)
    if raw is None:
        return default
    return [item.strip() for item in raw.split(",") if item.strip()]


SUPPORTED_SCHEMES = ("sqlite", "postgres", "postgresql", "pgsql")


def database_config(url: str | None, base_dir: Path) -> dict:
    """Parse DATABASE_URL; SQLite file in the project folder when unset."""
    if not url:
        return {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": base_dir / "db.sqlite3",
            "OPTIONS": {"transaction_mode": "IMMEDIATE", "timeout": 20},
        }
    scheme = url.split("://", 1)[0] if "://" in url else ""
    if scheme not in SUPPORTED_SCHEMES:
        raise ConfigError(
            "DATABASE_URL is malformed: expected sqlite:///path or "
            f"postgres://user:password@host:port/name, got {url!r}"
        )
    try:
        config = dj_database_url.parse(url, conn_max_age=60, conn_health_checks=True)
    except (ValueError, KeyError) as exc:
        raise ConfigError(f"DATABASE_URL is malformed ({exc}): {url!r}") from exc
    if not config.get("NAME"):
        raise ConfigError(f"DATABASE_URL names no database: {url!r}")
    if config["ENGINE"] == "django.db.backends.postgresql":
        port = config.get("PORT")
        if port not in (None, "") and not str(port).isdigit():
            raise ConfigError(f"DATABASE_URL has a bad port {port!r}")
    return dict(config)


INSECURE_KEY = "django-insecure-jospar-development-only"


CACHE_BACKENDS = {
    "locmem": "django.core.cache.backends.locmem.LocMemCache",
    "file": "django.core.cache.backends.filebased.FileBasedCache",
    "database": "django.core.cache.backends.db.DatabaseCache",
    "none": "django.core.cache.backends.dummy.DummyCache",
}


def cache_config(kind: str, location: str, max_entries: int, timeout: int) -> dict:
    """The cache of what cannot change (approved Form 1, submitted Form 2; `jospar.web.revalidate`):
    `locmem` per worker process (default), `file` (a folder, shared storage for several hosts), `database`
    (the table `location`, made by `createcachetable`), or `none`."""
    if kind not in CACHE_BACKENDS:
        raise ConfigError(f"CACHE_BACKEND must be one of {', '.join(CACHE_BACKENDS)}; got {kind!r}")
    if kind in ("file", "database") and not location:
        raise ConfigError(f"CACHE_LOCATION is required with CACHE_BACKEND={kind}")
    return {"default": {
        "BACKEND": CACHE_BACKENDS[kind], "LOCATION": location or "jospar", "TIMEOUT": timeout,
        "OPTIONS": {"MAX_ENTRIES": max_entries},
    }}


def secret_key(debug: bool) -> str:
    key = os.environ.get("SECRET_KEY", "")
    if key:
        if not debug and len(key) < 50:
            raise ConfigError("SECRET_KEY must be at least 50 characters long in production")
        return key
    if debug:
        return INSECURE_KEY
    raise ConfigError("SECRET_KEY is not set: production (DEBUG=false) needs a long random SECRET_KEY")


DEBUG_SITE_URL = "http://127.0.0.1:8000"


def site_url(debug: bool) -> str:
    """The address users open Jospar at (links in e-mails); production must name it."""
    url = os.environ.get("SITE_URL", "").strip().rstrip("/")
    if not url:
        if debug:
            return DEBUG_SITE_URL
        raise ConfigError(
            "SITE_URL is not set: production (DEBUG=false) needs the address users open Jospar at, "
            "e.g. https://jospar.example.kz (links in e-mails are built from it)"
        )
    if not url.startswith(("http://", "https://")) or "://" not in url or not url.split("://", 1)[1]:
        raise ConfigError(f"SITE_URL must be an absolute http(s) address like https://jospar.example.kz; got {url!r}")
    return url
