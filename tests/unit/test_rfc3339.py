"""RFC 3339 instants: exactly what the document's `date` and `date-time` formats admit."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import jsonschema_rs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from songforge.domain.rfc3339 import END_OF_YEAR_9999, parse_instant

FORMATS = jsonschema_rs.validator_for(
    {"anyOf": [{"format": "date"}, {"format": "date-time"}]}, validate_formats=True
)


@pytest.mark.parametrize(
    ("text", "seconds"),
    [
        ("1970-01-01", 0.0),
        ("2026-03-28T00:00:00+08:00", 1774627200.0),
        ("2026-03-28t08:00:00z", 1774684800.0),
        ("2026-03-28T08:00:00.250Z", 1774684800.25),
        ("2024-02-29", 1709164800.0),
        ("2016-12-31T23:59:60Z", 1483228800.0),  # a leap second reads as the next second
        ("2016-12-31T18:59:60-05:00", 1483228800.0),
        ("0000-01-01", -62167219200.0),  # before datetime's year 1
        ("9999-12-31T23:59:59Z", END_OF_YEAR_9999 - 1),
    ],
)
def test_accepted(text: str, seconds: float) -> None:
    assert parse_instant(text) == pytest.approx(seconds)
    assert FORMATS.is_valid(text)


@pytest.mark.parametrize(
    "text",
    [
        "",
        "yesterday",
        "2026-03-28 00:00:00Z",  # Python's fromisoformat takes these; RFC 3339 does not
        "2026-03-28T00:00",
        "2026-03-28T00:00:00",
        "20260328",
        "2026-W13-1",
        " 2026-03-28",
        "2026-03-28\n",
        "2023-02-29",
        "2026-13-01",
        "2026-03-28T24:00:00Z",
        "2026-03-28T12:00:60Z",  # a leap second only at 23:59:60 UTC
        "2026-03-28T00:00:00+24:00",
        "2026-03-28T00:00:00+0100",
        "\uff12\uff10\uff12\uff16-03-28",  # full-width digits
    ],
)
def test_refused(text: str) -> None:
    with pytest.raises(ValueError, match=r"RFC 3339|day|range|leap"):
        parse_instant(text)
    assert not FORMATS.is_valid(text)


def test_end_of_day_is_the_last_millisecond_of_a_date() -> None:
    assert parse_instant("1970-01-02", end_of_day=True) == 2 * 86_400 - 0.001
    assert parse_instant("1970-01-01T00:00:00Z", end_of_day=True) == 0.0


@given(
    st.datetimes(min_value=datetime(1, 1, 2), max_value=datetime(9999, 12, 30)),
    st.integers(-23 * 60 - 59, 23 * 60 + 59),
)
def test_seconds_agree_with_datetime(moment: datetime, offset_minutes: int) -> None:
    aware = moment.replace(tzinfo=timezone(timedelta(minutes=offset_minutes)))
    assert parse_instant(aware.isoformat()) == pytest.approx(aware.timestamp(), abs=1e-6)
    assert parse_instant(moment.replace(tzinfo=UTC).date().isoformat()) == (
        datetime.combine(moment.date(), datetime.min.time(), UTC).timestamp()
    )


@given(
    st.text(alphabet="0123456789-:+TtZz. ", max_size=30)
    | st.from_regex(
        r"\A[0-9]{4}-[0-9]{2}-[0-9]{2}(T[0-9]{2}:[0-9]{2}:[0-9]{2}(\.[0-9]{1,3})?"
        r"(Z|[+-][0-9]{2}:[0-9]{2}))?\Z"
    )
)
def test_the_server_reads_what_the_formats_admit(text: str) -> None:
    try:
        parse_instant(text)
        ours = True
    except ValueError:
        ours = False
    assert ours == FORMATS.is_valid(text)
