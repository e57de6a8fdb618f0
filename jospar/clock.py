"""Today's date in a state body's time zone: the act counts calendar days where the body is."""
from datetime import date
from zoneinfo import ZoneInfo

from django.utils import timezone


def today_in(tz_name: str = "Asia/Almaty") -> date:
    return timezone.now().astimezone(ZoneInfo(tz_name)).date()
