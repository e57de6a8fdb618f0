"""Configuration from the environment: safe defaults and clear errors for bad values."""
import os
import subprocess
import sys
from pathlib import Path

import pytest

from jospar.env import ConfigError, cache_config, database_config, env_bool, secret_key

ROOT = Path(__file__).resolve().parent.parent


def test_sqlite_is_the_default(tmp_path):
    config = database_config(None, tmp_path)
    assert config["ENGINE"] == "django.db.backends.sqlite3"
    assert config["NAME"] == tmp_path / "db.sqlite3"


def test_postgres_url_is_parsed(tmp_path):
    config = database_config("postgres://jospar:pw@db.local:5433/jospar", tmp_path)
    assert config["ENGINE"] == "django.db.backends.postgresql"
    assert (config["HOST"], config["PORT"], config["NAME"], config["USER"]) == ("db.local", 5433, "jospar", "jospar")


@pytest.mark.parametrize(
    "url",
    ["mysql://x@y/z", "not a url", "postgres//missing-colon", "postgres://user@host:abc/db", "postgres://host:5432/"],
)
def test_malformed_database_url_names_the_problem(url, tmp_path):
    with pytest.raises(ConfigError, match="DATABASE_URL"):
        database_config(url, tmp_path)


def test_production_needs_a_secret_key(monkeypatch):
    monkeypatch.delenv("SECRET_KEY", raising=False)
    with pytest.raises(ConfigError, match="SECRET_KEY is not set"):
        secret_key(debug=False)
    monkeypatch.setenv("SECRET_KEY", "short")
    with pytest.raises(ConfigError, match="at least 50"):
        secret_key(debug=False)
    monkeypatch.delenv("SECRET_KEY")
    assert secret_key(debug=True).startswith("django-insecure")


def test_bad_boolean_is_refused(monkeypatch):
    monkeypatch.setenv("DEBUG", "perhaps")
    with pytest.raises(ConfigError, match="DEBUG"):
        env_bool("DEBUG", False)


def _manage(*args, **env):
    own = ("DATABASE_URL", "SECRET_KEY", "DEBUG", "ALLOWED_HOSTS", "SECURE_SSL_REDIRECT", "SESSION_COOKIE_SECURE",
           "DJANGO_ALLOW_ASYNC_UNSAFE",
           "CSRF_COOKIE_SECURE", "SITE_URL")
    full_env = {k: v for k, v in os.environ.items() if k not in own}
    full_env.update(env)
    full_env["DJANGO_SETTINGS_MODULE"] = "jospar.settings"
    return subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env=full_env, capture_output=True, text=True, timeout=120
    )


def test_starting_without_secret_key_in_production_fails_clearly():
    result = _manage("check", DEBUG="false")
    assert result.returncode != 0
    assert "SECRET_KEY is not set" in result.stderr


def test_starting_with_malformed_database_url_fails_clearly():
    result = _manage("check", DEBUG="true", DATABASE_URL="mysq://oops")
    assert result.returncode != 0
    assert "DATABASE_URL is malformed" in result.stderr


def test_production_settings_pass_check_deploy():
    result = _manage(
        "check", "--deploy", "--fail-level", "WARNING",
        DEBUG="false", SECRET_KEY="p" * 20 + "roduction-secret-key-that-is-long-and-random-4f9a8b7c6d5e",
        ALLOWED_HOSTS="jospar.gov.kz",
        SITE_URL="https://jospar.gov.kz",
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_cache_is_chosen_by_name_and_a_shared_one_needs_its_location():
    assert cache_config("locmem", "", 300, 3600)["default"]["BACKEND"].endswith("LocMemCache")
    shared = cache_config("file", "/srv/jospar-cache", 1000, 600)["default"]
    assert shared["LOCATION"] == "/srv/jospar-cache" and shared["OPTIONS"] == {"MAX_ENTRIES": 1000}
    assert shared["TIMEOUT"] == 600
    with pytest.raises(ConfigError, match="CACHE_LOCATION"):
        cache_config("database", "", 300, 3600)
    with pytest.raises(ConfigError, match="CACHE_BACKEND"):
        cache_config("redis", "", 300, 3600)
