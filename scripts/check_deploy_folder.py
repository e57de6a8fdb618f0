#!/usr/bin/env python3
"""Check deploy/ against the code: exit 1 and name every inconsistency.

- every systemd unit and cron line names management commands that exist (`run_locked X`: X too);
- every timer has its service, every scheduled service has its timer and a cron line;
- the environment template names every setting jospar/settings.py and jospar/env.py read from the
  environment (found by parsing them), and every variable deploy/gunicorn.conf.py reads;
- nginx accepts uploads at least as large as the app's largest (workbook, attachment) plus form overhead,
  waits for the app at least as long as gunicorn lets a request run, and forwards the scheme.

    .venv/bin/python scripts/check_deploy_folder.py
"""
import ast
import os
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FORM_OVERHEAD = 1024 * 1024  # multipart boundaries and the other fields of an upload form
ENV_READERS = {"env_bool", "env_int", "env_list", "getenv", "get"}


def env_names(path: Path) -> set[str]:
    """Environment variables a module reads: os.environ.get("X"), os.environ["X"], os.getenv("X"), env_*("X")."""
    names = set()
    for node in ast.walk(ast.parse(path.read_text(), str(path))):
        if isinstance(node, ast.Call) and node.args and isinstance(node.args[0], ast.Constant):
            func = node.func
            name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
            environ = isinstance(func, ast.Attribute) and ast.unparse(func.value) in ("os.environ", "os")
            if (name.startswith("env_") or (environ and name in ENV_READERS)) and isinstance(node.args[0].value, str):
                names.add(node.args[0].value)
        elif isinstance(node, ast.Subscript) and ast.unparse(node.value) == "os.environ" \
                and isinstance(node.slice, ast.Constant):
            names.add(node.slice.value)
    return names


def template_names(path: Path) -> set[str]:
    return set(re.findall(r"^#?\s*([A-Z][A-Z0-9_]*)=", path.read_text(), re.M))


def commands_named(text: str) -> list[str]:
    found = []
    for match in re.finditer(r"manage\.py\s+([a-z_]+)(?:\s+([a-z_]+))?", text):
        found.append(match.group(1))
        if match.group(1) == "run_locked" and match.group(2):
            found.append(match.group(2))
    return found


def size_bytes(value: str) -> int:
    number, unit = re.fullmatch(r"(\d+)([kKmMgG]?)", value).groups()
    return int(number) * {"": 1, "k": 1024, "m": 1024**2, "g": 1024**3}[unit.lower()]


def nginx_seconds(value: str) -> int:
    number, unit = re.fullmatch(r"(\d+)(s|m)?", value).groups()
    return int(number) * (60 if unit == "m" else 1)


def problems(root: Path = ROOT, known_commands: set[str] | None = None) -> list[str]:
    deploy = root / "deploy"
    out = []
    if known_commands is None:
        from django.core.management import get_commands

        known_commands = set(get_commands())
    units = sorted((deploy / "systemd").glob("*.*"))
    cron = (deploy / "cron" / "jospar").read_text()
    for path in [*units, deploy / "cron" / "jospar"]:
        for command in commands_named(path.read_text()):
            if command not in known_commands:
                out.append(f"{path.relative_to(root)}: names no such management command {command!r}")
    for timer in (p for p in units if p.suffix == ".timer"):
        service = timer.with_suffix(".service")
        if not service.exists():
            out.append(f"{timer.relative_to(root)}: no {service.name} to start")
        else:
            for command in commands_named(service.read_text()):
                if f"manage.py {command}" not in cron and f"run_locked {command}" not in cron:
                    out.append(f"deploy/cron/jospar: no line for {command} (scheduled by {timer.name})")
    for service in (p for p in units if p.suffix == ".service" and "Type=oneshot" in p.read_text()):
        if not service.with_suffix(".timer").exists():
            out.append(f"{service.relative_to(root)}: a scheduled command without a timer")

    template = template_names(deploy / "jospar.env.template")
    wanted = env_names(root / "jospar" / "settings.py") | env_names(root / "jospar" / "env.py")
    wanted |= env_names(deploy / "gunicorn.conf.py")
    out += [f"deploy/jospar.env.template: {name} is read by the code but missing" for name in sorted(wanted - template)]
    out += [f"deploy/jospar.env.template: {name} is read by nothing" for name in sorted(template - wanted)]

    nginx = (deploy / "nginx" / "jospar.conf").read_text()
    sys.path.insert(0, str(root))
    from jospar.documents.importers.guarded_workbook import DEFAULTS as WORKBOOK_LIMITS
    from jospar.monitoring.attachments import MAX_SIZE

    limit = re.search(r"client_max_body_size\s+(\w+);", nginx)
    needed = max(MAX_SIZE, WORKBOOK_LIMITS['max_bytes']) + FORM_OVERHEAD
    if not limit or size_bytes(limit.group(1)) < needed:
        out.append(f"deploy/nginx/jospar.conf: client_max_body_size must be at least {needed} bytes "
                   f"(the app accepts uploads of {max(MAX_SIZE, WORKBOOK_LIMITS['max_bytes'])})")
    gunicorn_timeout = re.search(r'GUNICORN_TIMEOUT",\s*"?(\d+)', (deploy / "gunicorn.conf.py").read_text())
    read_timeout = re.search(r"proxy_read_timeout\s+(\w+);", nginx)
    if not (gunicorn_timeout and read_timeout) or nginx_seconds(read_timeout.group(1)) < int(gunicorn_timeout.group(1)):
        out.append("deploy/nginx/jospar.conf: proxy_read_timeout must be at least gunicorn's timeout")
    if "X-Forwarded-Proto $scheme" not in nginx:
        out.append("deploy/nginx/jospar.conf: X-Forwarded-Proto is not forwarded (SECURE_PROXY_SSL_HEADER needs it)")
    if "alias /opt/jospar/app/staticfiles/;" not in nginx:
        out.append("deploy/nginx/jospar.conf: /static/ must be served from STATIC_ROOT (/opt/jospar/app/staticfiles/)")
    return out


def main() -> int:
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "jospar.settings_test")
    import django

    django.setup()
    found = problems()
    for line in found:
        print(line)
    print("deploy/: consistent" if not found else f"deploy/: {len(found)} problem(s)")
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
