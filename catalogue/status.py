"""Certificate status: computed at build time here, and again in the browser from the viewer's
clock, because a static page outlives its build."""

from __future__ import annotations

from datetime import date, datetime
from enum import StrEnum
from zoneinfo import ZoneInfo


class CertificateStatus(StrEnum):
    """The status of a certificate on a given day."""

    VALID = "valid"
    EXPIRING = "expiring"
    EXPIRED = "expired"
    REVOKED = "revoked"


# The certificate is still valid: the product may be shown as OCOP-certified.
IN_FORCE = frozenset({CertificateStatus.VALID, CertificateStatus.EXPIRING})


def certificate_status(expires: date, revoked_on: date | None, today: date, expiring_within_days: int) -> CertificateStatus:
    """Status on `today`: a certificate is valid up to and including its `expires` day."""
    if revoked_on is not None and revoked_on <= today:
        return CertificateStatus.REVOKED
    if today > expires:
        return CertificateStatus.EXPIRED
    if (expires - today).days <= expiring_within_days:
        return CertificateStatus.EXPIRING
    return CertificateStatus.VALID


DEFAULT_TIMEZONE = "Asia/Ho_Chi_Minh"
"""The time zone that decides what "today" is when the settings name none."""


def today_in(timezone: str) -> date:
    """Today's date in the catalogue's time zone (Lai Châu is UTC+7 with no daylight saving)."""
    return datetime.now(ZoneInfo(timezone)).date()
