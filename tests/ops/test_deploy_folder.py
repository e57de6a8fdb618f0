"""deploy/ agrees with the code (scripts/check_deploy_folder.py), and the gunicorn config freezes the heap."""
import importlib.util
import runpy
import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
spec = importlib.util.spec_from_file_location("check_deploy_folder", ROOT / "scripts" / "check_deploy_folder.py")
check = importlib.util.module_from_spec(spec)
spec.loader.exec_module(check)


def test_the_deploy_folder_is_consistent():
    assert check.problems() == []


def test_every_kind_of_scheduled_work_has_its_timer():
    """Issue 15.2: reminders, opening the periods, kept figures, clean-ups, e-mail, backups and their drill."""
    timers = {p.stem for p in (ROOT / "deploy" / "systemd").glob("*.timer")}
    scheduled = set()
    for timer in timers:
        scheduled.update(check.commands_named((ROOT / "deploy" / "systemd" / f"{timer}.service").read_text()))
    assert {"send_reminders", "open_periods", "rebuild_summaries", "cleanup", "send_outbox", "backup",
            "restore_drill"} <= scheduled


@pytest.fixture
def copy(tmp_path):
    for part in ("deploy", "jospar/settings.py", "jospar/env.py"):
        source, target = ROOT / part, tmp_path / part
        if source.is_dir():
            shutil.copytree(source, target)
        else:
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy(source, target)
    return tmp_path


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text()
    assert old in text
    path.write_text(text.replace(old, new))


def test_the_check_names_each_inconsistency(copy):
    edit(copy / "deploy/jospar.env.template", "SITE_URL=", "SITE_ADDRESS=")
    edit(copy / "jospar/settings.py", 'os.environ.get("TIME_ZONE"', 'os.environ.get("TZ_NEW"')
    edit(copy / "deploy/systemd/jospar-cleanup.service", "manage.py cleanup", "manage.py clean_up")
    edit(copy / "deploy/nginx/jospar.conf", "client_max_body_size 12m;", "client_max_body_size 1m;")
    edit(copy / "deploy/nginx/jospar.conf", "proxy_read_timeout 75s;", "proxy_read_timeout 30s;")
    (copy / "deploy/systemd/jospar-backup.timer").unlink()
    found = "\n".join(check.problems(copy))
    for expected in ("SITE_URL is read by the code but missing", "SITE_ADDRESS is read by nothing",
                     "TZ_NEW is read by the code but missing", "TIME_ZONE is read by nothing",
                     "no such management command 'clean_up'", "client_max_body_size must be at least",
                     "proxy_read_timeout must be at least",
                     "jospar-backup.service: a scheduled command without a timer"):
        assert expected in found


def test_env_names_are_parsed_from_the_settings_module():
    names = check.env_names(ROOT / "jospar/settings.py") | check.env_names(ROOT / "jospar/env.py")
    assert {"SECRET_KEY", "DATABASE_URL", "DATABASE_REPLICA_URL", "DEBUG", "EMAIL_HOST", "SENTRY_DSN"} <= names


def test_gunicorn_freezes_the_heap_and_raises_the_young_threshold_after_fork(monkeypatch):
    from jospar.ops.memory import THRESHOLDS

    frozen, thresholds = [], []
    monkeypatch.setattr("gc.freeze", lambda: frozen.append(True))
    monkeypatch.setattr("gc.set_threshold", lambda *t: thresholds.append(t))
    config = runpy.run_path(str(ROOT / "deploy/gunicorn.conf.py"))
    config["post_fork"](server=None, worker=None)
    assert frozen == [True]
    assert thresholds == [THRESHOLDS] and THRESHOLDS[0] > 700  # above CPython's default young threshold
    assert config["forwarded_allow_ips"] == "127.0.0.1" and config["preload_app"] and config["timeout"] == 60
