"""Error reports to Sentry, only when SENTRY_DSN is set; sentry-sdk is the optional `jospar[sentry]` extra
and is not even imported otherwise."""
from jospar.env import ConfigError


def init_sentry(dsn: str, environment: str = "production") -> bool:
    if not dsn:
        return False
    try:
        import sentry_sdk
        from sentry_sdk.integrations.django import DjangoIntegration
    except ImportError as exc:
        raise ConfigError("SENTRY_DSN is set but sentry-sdk is not installed: pip install 'jospar[sentry]'") from exc
    sentry_sdk.init(dsn=dsn, environment=environment, integrations=[DjangoIntegration()], send_default_pii=False,
                    traces_sample_rate=0)
    return True
