"""RFC 3339 instants as the management API reads them: `full-date` or `date-time`, exactly.

Exactly the strings JSON Schema's `date` and `date-time` formats admit (RFC 3339 section
5.6, as jsonschema validators check it), so the OpenAPI document can say `format` and mean
it: a four-digit year from 0000, a real calendar day, `T`/`t` and `Z`/`z` in either case,
any number of fraction digits, an offset within ±23:59, and a leap second only where it
falls at 23:59:60 UTC. Nothing else: no spaces, no missing seconds or offset, no week or
ordinal dates (which Python's `fromisoformat` would take). Seconds are computed by hand,
since `datetime` stops at year 1.
"""

from __future__ import annotations

import re

_DATE = r"(?P<year>[0-9]{4})-(?P<month>[0-9]{2})-(?P<day>[0-9]{2})"
FULL_DATE = re.compile(rf"{_DATE}\Z")
DATE_TIME = re.compile(
    rf"{_DATE}[Tt](?P<hour>[0-9]{{2}}):(?P<minute>[0-9]{{2}}):(?P<second>[0-9]{{2}})"
    r"(?P<fraction>\.[0-9]+)?(?:(?P<utc>[Zz])|(?P<sign>[+-])(?P<off_h>[0-9]{2}):(?P<off_m>[0-9]{2}))\Z"
)
SECONDS_PER_DAY = 86_400
# 10000-01-01T00:00:00Z: the first instant a four-digit year cannot write.
END_OF_YEAR_9999 = 253_402_300_800.0


def _leap(year: int) -> bool:
    return year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)


def _days_in_month(year: int, month: int) -> int:
    if month == 2:
        return 29 if _leap(year) else 28
    return 30 if month in (4, 6, 9, 11) else 31


def _days_from_epoch(year: int, month: int, day: int) -> int:
    """Days from 1970-01-01 to the proleptic Gregorian date (H. Hinnant's days_from_civil)."""
    year -= month <= 2
    era = year // 400
    year_of_era = year - era * 400
    day_of_year = (153 * (month + (-3 if month > 2 else 9)) + 2) // 5 + day - 1
    day_of_era = year_of_era * 365 + year_of_era // 4 - year_of_era // 100 + day_of_year
    return era * 146_097 + day_of_era - 719_468


def _day(year: str, month: str, day: str) -> int:
    y, m, d = int(year), int(month), int(day)
    if not 1 <= m <= 12 or not 1 <= d <= _days_in_month(y, m):
        raise ValueError("no such day")
    return _days_from_epoch(y, m, d)


def parse_instant(text: str, *, end_of_day: bool = False) -> float:
    """Unix seconds of an RFC 3339 `full-date` (midnight UTC, or its last millisecond when
    `end_of_day`) or `date-time`. Raises ValueError for anything else."""
    if (date := FULL_DATE.match(text)) is not None:
        days = _day(date["year"], date["month"], date["day"])
        return days * SECONDS_PER_DAY + (SECONDS_PER_DAY - 0.001 if end_of_day else 0.0)
    found = DATE_TIME.match(text)
    if found is None:
        raise ValueError("not an RFC 3339 date or date-time")
    days = _day(found["year"], found["month"], found["day"])
    hour, minute, second = int(found["hour"]), int(found["minute"]), int(found["second"])
    offset = 0
    if found["utc"] is None:
        off_h, off_m = int(found["off_h"]), int(found["off_m"])
        if off_h > 23 or off_m > 59:
            raise ValueError("offset out of range")
        offset = (off_h * 60 + off_m) * (-1 if found["sign"] == "-" else 1)
    if hour > 23 or minute > 59 or second > 60:
        raise ValueError("time out of range")
    if second == 60 and (hour * 60 + minute - offset) % 1440 != 1439:
        raise ValueError("a leap second is 23:59:60 UTC")
    fraction = float("0" + found["fraction"]) if found["fraction"] else 0.0
    clock = hour * 3600 + minute * 60 + second - offset * 60
    return days * SECONDS_PER_DAY + clock + fraction
