"""The pages' interface words and formats: the words come from the language registry
(catalogue/languages.py, one words file per language) and the formats from catalogue/formats.py;
this module adds what only pages need (certificate status in words, phone numbers)."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from ..formats import format_date, format_number, format_percent, format_size, format_vnd
from ..languages import language, t, t_html
from ..status import CertificateStatus

__all__ = [
    "format_date",
    "format_number",
    "format_percent",
    "format_phone",
    "format_size",
    "format_vnd",
    "status_texts",
    "status_words",
    "t",
    "t_html",
    "tel_href",
]


def format_phone(digits: str) -> str:
    """Group a normalised Vietnamese number for reading: 0912 345 678, 0213 3876 000 (the same in
    every language: it is dialled in Vietnam)."""
    if len(digits) == 10:
        return f"{digits[:4]} {digits[4:7]} {digits[7:]}"
    if len(digits) == 11:
        return f"{digits[:4]} {digits[4:8]} {digits[8:]}"
    return digits


def tel_href(digits: str) -> str:
    """A tap-to-call link in international form: tel:+84912345678."""
    return f"tel:+84{digits[1:]}" if digits.startswith("0") and not digits.startswith(("1800", "1900")) else f"tel:{digits}"


def status_template(status: CertificateStatus, lang: str) -> str:
    """The words for a certificate `status`, with their {date} and {days} placeholders."""
    return language(lang).words[f"status_{status.value}"]


def status_words(status: CertificateStatus, expires: date, revoked_on: date | None, today: date, lang: str) -> str:
    """A certificate's status on `today` in words, with the day it ended when it is no longer valid
    (ocop-status.js words it the same way in the browser)."""
    when = revoked_on if status is CertificateStatus.REVOKED and revoked_on else expires
    return status_template(status, lang).format(date=format_date(when, lang), days=(expires - today).days)


def short_status(words: str) -> str:
    """The part of a status in words before its colon, for chips: 'Đã hết hạn từ 28/11/2026'
    (ocop-status.js cuts it the same way; Chinese writes a full-width colon)."""
    return words.replace("：", ":").split(":")[0]


OFFSET_HORIZON = 730  # days after the build over which a zone's offset is looked up


def _offset_on(day: date, timezone: str, at: time = time(12)) -> timedelta:
    return datetime.combine(day, at, ZoneInfo(timezone)).utcoffset() or timedelta(0)


def _same_offset_until(build_day: date, timezone: str, offset: timedelta) -> date:
    """The last day, from `build_day` on (at most OFFSET_HORIZON days later), through which the
    zone's offset stays `offset` all day; the day before the build day if it changes on it."""
    for n in range(OFFSET_HORIZON + 1):
        day = build_day + timedelta(days=n)
        if any(_offset_on(day, timezone, at) != offset for at in (time(0), time(12), time(23, 59, 59))):
            return day - timedelta(days=1)
    return build_day + timedelta(days=OFFSET_HORIZON)


def status_texts(lang: str, expiring_days: int, build_day: date, timezone: str) -> dict[str, object]:
    """What ocop-status.js needs to work out and word a status in the browser (the page's
    #ocop-status-texts). The browser's today is the later of the viewer's date in `timezone` and
    `build_day`: a phone whose clock went back must not make a certificate that had already ended
    read valid. `utc_offset` (minutes, on the build day) stands in for browsers without time zones;
    up to `offset_until` the zone keeps that offset, so the browser adds it instead of asking Intl
    for the zone (creating a formatter with a time zone costs a phone about 100 ms on first load)."""
    offset = _offset_on(build_day, timezone)
    return {
        "lang": lang,
        "expiring_days": expiring_days,
        "build_day": build_day.isoformat(),
        "timezone": timezone,
        "utc_offset": int(offset.total_seconds()) // 60,
        "offset_until": _same_offset_until(build_day, timezone, offset).isoformat(),
        **{status.value: status_template(status, lang) for status in CertificateStatus},
    }
