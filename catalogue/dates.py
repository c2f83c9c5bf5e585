"""Why a written date is not a date, said so that the office can fix it: `30/06/2025` is offered
as `2025-06-30`, and `2025-06-31` is a day that does not exist, not a date wrongly written."""

from __future__ import annotations

import calendar
import re
from datetime import date

from .messages import Message, msg
from .yaml_hints import odd_space, space_name

_ISO_LIKE = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")
# Dates outside these years are typing mistakes (9999-06-01), and date arithmetic past year 9999 fails.
FIRST_DATE, LAST_DATE = date(2000, 1, 1), date(2099, 12, 31)
# Day first, as Vietnamese writes it: 30/06/2025, 30-6-2025, 30.06.2025.
_DAY_FIRST = re.compile(r"(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{4})")


def date_range_problem(value: date) -> Message | None:
    """The message for a date outside FIRST_DATE to LAST_DATE, or None."""
    if FIRST_DATE <= value <= LAST_DATE:
        return None
    return msg("field.date-out-of-range", got=value.isoformat(), first=FIRST_DATE.isoformat(), last=LAST_DATE.isoformat())


def date_problem(written: str) -> Message:
    """The message for a value that should be a date written YYYY-MM-DD and is not."""
    text = written.strip()
    space = odd_space(written)
    if space and _ISO_LIKE.fullmatch(text):
        return msg("date.expected", got=written, hint=msg("field.odd-space-hint", space=space_name(space), point=f"{ord(space):04X}"))
    parts = _day_parts(text)
    if parts is None:
        return msg("date.expected", got=written, hint="")
    year, month, day, day_first = parts
    missing = _missing_day(year, month, day, text)
    if missing:
        return missing
    # 30/06/2025 is offered as 2025-06-30; a day of year 0 has no ISO form to offer.
    hint = msg("date.did-you-mean", date=date(year, month, day).isoformat()) if day_first and year >= 1 else ""
    return msg("date.expected", got=written, hint=hint)


def _day_parts(text: str) -> tuple[int, int, int, bool] | None:
    """(year, month, day, written day first) of a text shaped like 2025-06-30 or 30/06/2025, else None."""
    iso = _ISO_LIKE.fullmatch(text)
    if iso:
        year, month, day = (int(part) for part in iso.groups())
        return year, month, day, False
    day_first = _DAY_FIRST.fullmatch(text)
    if day_first:
        day, month, year = (int(part) for part in day_first.groups())
        return year, month, day, True
    return None


def _missing_day(year: int, month: int, day: int, written: str) -> Message | None:
    """A message when (year, month, day) is no day of the calendar, else None."""
    if not 1 <= month <= 12:
        return msg("date.no-such-month", got=written, month=month)
    days = calendar.monthrange(year, month)[1] if year >= 1 else 31
    if not 1 <= day <= days:
        return msg("date.no-such-day", got=written, month=msg(f"date.month.{month}"), year=year, days=days)
    return None
