"""`/healthz` for load balancers and monitoring: no login, no session, no write.

200 when the primary database answers (`"status": "ok"`, or `"degraded"` when a configured replica
does not: reads then fall back to the primary); 503 when the primary does not. The replica's lag is
reported in seconds (0 when it has replayed everything it received).
"""
from django.db import DatabaseError, connections
from django.http import JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

REPLICA_ALIAS = "replica"

LAG_SQL = (
    "SELECT pg_is_in_recovery(), CASE WHEN pg_last_wal_receive_lsn() = pg_last_wal_replay_lsn() THEN 0 "
    "ELSE EXTRACT(EPOCH FROM now() - pg_last_xact_replay_timestamp()) END"
)


def replica_alias() -> str | None:
    return REPLICA_ALIAS if REPLICA_ALIAS in connections.settings else None


def check_primary() -> dict:
    with connections["default"].cursor() as cursor:
        cursor.execute("SELECT 1")
        cursor.fetchone()
    return {"status": "ok"}


def check_replica(alias: str) -> dict:
    connection = connections[alias]
    with connection.cursor() as cursor:
        if connection.vendor != "postgresql":
            cursor.execute("SELECT 1")
            return {"status": "ok", "lag_seconds": None}
        cursor.execute(LAG_SQL)
        standby, lag = cursor.fetchone()
    return {"status": "ok", "standby": standby, "lag_seconds": round(float(lag), 3) if standby and lag is not None
            else (0.0 if standby else None)}


@never_cache
@require_safe
def healthz(request):
    report = {"status": "ok"}
    try:
        report["database"] = check_primary()
    except DatabaseError as exc:
        report.update(status="fail", database={"status": "fail", "error": exc.__class__.__name__})
    alias = replica_alias()
    if alias:
        try:
            report["replica"] = check_replica(alias)
        except DatabaseError as exc:
            report["replica"] = {"status": "fail", "error": exc.__class__.__name__}
            if report["status"] == "ok":
                report["status"] = "degraded"
    return JsonResponse(report, status=503 if report["status"] == "fail" else 200)
