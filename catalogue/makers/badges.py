"""Star badges: our own SVG design, not the national OCOP certification mark.

A certificate in force gets a green badge with gold stars. An expired or revoked one gets a grey,
struck-through badge with hollow stars and the word for what happened, so that it can never be
mistaken for a valid certification.
"""

from __future__ import annotations

import math

from ..languages import t
from ..status import IN_FORCE, CertificateStatus

_FONT = "system-ui,-apple-system,'Segoe UI',Roboto,'Noto Sans',Arial,sans-serif"
WIDTH, HEIGHT = 156, 44
_STARS_X, _STAR_STEP = 66, 17


def badge_kind(status: CertificateStatus) -> str:
    """Which badge a status shows: 'valid' for a certificate in force (expiring ones too), else the status."""
    return CertificateStatus.VALID.value if status in IN_FORCE else status.value


def badge_label(stars: int, status: CertificateStatus, lang: str) -> str:
    """The badge's accessible name: 'OCOP 4 sao', or 'OCOP 4 sao – chứng nhận đã hết hạn'."""
    label = f"OCOP {t(lang, 'star_n', n=stars)}"
    return label if status in IN_FORCE else f"{label} – {t(lang, f'badge_status_{status.value}')}"


def star_points(cx: float, cy: float, outer: float, inner_ratio: float = 0.45) -> str:
    """The ten corners of a five-pointed star, as an SVG points list."""
    points = []
    for i in range(10):
        radius = outer if i % 2 == 0 else outer * inner_ratio
        angle = math.pi / 2 + i * math.pi / 5
        points.append(f"{cx + radius * math.cos(angle):.2f},{cy - radius * math.sin(angle):.2f}")
    return " ".join(points)


def badge_svg(stars: int, status: CertificateStatus, lang: str) -> str:
    """The badge for `stars` stars and a certificate `status`, labelled in `lang`."""
    live = status in IN_FORCE
    label = badge_label(stars, status, lang)
    fill, text, star_fill, star_stroke = ("#0b6e4f", "#fff", "#ffc83d", "#ffc83d") if live else ("#eceff1", "#455a64", "none", "#90a4ae")
    caption = t(lang, "star_n", n=stars) if live else t(lang, f"badge_{status.value}")
    last_star = _STARS_X + (stars - 1) * _STAR_STEP
    stars_svg = "".join(
        f'<polygon points="{star_points(_STARS_X + i * _STAR_STEP, 15, 7)}" fill="{star_fill}" stroke="{star_stroke}" stroke-width="1.4"/>'
        for i in range(stars)
    )
    strike = "" if live else f'<line x1="{_STARS_X - 10}" y1="16" x2="{last_star + 10}" y2="16" stroke="#78909c" stroke-width="2"/>'
    border = "" if live else ' stroke="#90a4ae" stroke-width="1.5" stroke-dasharray="4 3"'
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {HEIGHT}" width="{WIDTH}" height="{HEIGHT}" '
        f'role="img" aria-label="{label}" class="ocop-badge ocop-badge--{status.value}"><title>{label}</title>'
        f'<rect x="1" y="1" width="{WIDTH - 2}" height="{HEIGHT - 2}" rx="8" fill="{fill}"{border}/>'
        f'<text x="29" y="27" text-anchor="middle" font-family="{_FONT}" font-size="14" font-weight="700" fill="{text}">OCOP</text>'
        f"{stars_svg}"
        f'<text x="{(_STARS_X + last_star) / 2:.1f}" y="37" text-anchor="middle" font-family="{_FONT}" font-size="11" font-weight="600" '
        f'fill="{text}">{caption}</text>{strike}</svg>\n'
    )
