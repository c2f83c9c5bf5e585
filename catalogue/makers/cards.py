"""Share cards: the 1200×630 JPEG that chat apps (Zalo, Facebook) show for a page without a photo.

A product's card shows its name, its stars (our own star shapes, as on the badges, not the
national mark) and the site and province; the site's card, for the home and index pages, shows
the site's name and province. A card whose certificate is no longer in force is grey, its stars
hollow and struck through, with the words for what happened: it never looks certified.
"""

from __future__ import annotations

import io
from dataclasses import dataclass, field

from PIL import Image, ImageDraw

from .card_text import Fitted, fit
from .images import JPEG_OPTIONS, OG_SIZE
from .shapes import star_points

WIDTH, HEIGHT = OG_SIZE
MARGIN = 72
WHITE = (255, 255, 255)
GOLD, GOLD_EDGE = (255, 200, 61), (122, 92, 0)  # the badges' star colours
# (band and accent, name, other text, rule) for a certificate in force and for one that is not.
LIVE = ((11, 110, 79), (20, 40, 33), (55, 71, 79), (207, 216, 220))
MUTED = ((144, 164, 174), (69, 90, 100), (96, 125, 139), (207, 216, 220))
STRUCK = (120, 144, 156)
DEMO_INK, DEMO_FILL = (150, 60, 20), (253, 236, 222)
Rgb = tuple[int, int, int]


@dataclass(frozen=True)
class CardFrame:
    """What every card shows around its subject: the site, the province, the address, the demo notice."""

    site_name: str
    province: str  # 'Tỉnh Lai Châu' / 'Lai Châu province'
    host: str  # 'ocop-laichau.example'
    demo: str | None = None  # 'Dữ liệu minh họa' when the data is illustrative


@dataclass(frozen=True)
class ProductCard:
    """A product's card: `status_words` is 'OCOP 4 sao', or 'OCOP 4 sao – chứng nhận đã hết hạn'."""

    name: str
    stars: int
    in_force: bool
    status_words: str
    frame: CardFrame


@dataclass(frozen=True)
class SiteCard:
    """The site's card: its name and a line saying what it is."""

    tagline: str
    frame: CardFrame


@dataclass
class Drawn:
    """A drawn card: its JPEG bytes and, for checking, the box of every text drawn on it by role."""

    jpeg: bytes
    boxes: dict[str, list[tuple[int, int, int, int]]] = field(default_factory=dict)


class _Canvas:
    """A white card being drawn, that remembers where its text went."""

    def __init__(self) -> None:
        self.image = Image.new("RGB", OG_SIZE, WHITE)
        self.draw = ImageDraw.Draw(self.image)
        self.boxes: dict[str, list[tuple[int, int, int, int]]] = {}

    def lines(self, role: str, fitted: Fitted, x: int, y: int, ink: Rgb, right: bool = False) -> None:
        """Draw `fitted` with the top of its first line at `y`, from `x` (or ending at `x` when `right`)."""
        for line in fitted.lines:
            anchor = "ra" if right else "la"
            self.draw.text((x, y), line, font=fitted.font, fill=ink, anchor=anchor)
            self.boxes.setdefault(role, []).append(self.draw.textbbox((x, y), line, font=fitted.font, anchor=anchor))
            y += fitted.line_height

    def finish(self) -> Drawn:
        out = io.BytesIO()
        self.image.save(out, "JPEG", **JPEG_OPTIONS)
        return Drawn(out.getvalue(), self.boxes)


def product_card(card: ProductCard) -> Drawn:
    """Draw a product's card."""
    accent, ink, soft, rule = LIVE if card.in_force else MUTED
    canvas = _Canvas()
    _top(canvas, card.frame, accent)
    name = fit(card.name, "bold", (WIDTH - 2 * MARGIN, 270), (84, 36), 4)
    canvas.lines("name", name, MARGIN, 128 + (270 - name.height) // 2, ink)
    _star_row(canvas, card, 460)
    _footer(canvas, card.frame, soft, rule)
    if not card.in_force:
        canvas.draw.rectangle((6, 6, WIDTH - 7, HEIGHT - 7), outline=accent, width=4)
    return canvas.finish()


def site_card(card: SiteCard) -> Drawn:
    """Draw the site's card (the home and index pages)."""
    accent, ink, soft, rule = LIVE
    canvas = _Canvas()
    _top(canvas, card.frame, accent, heading=False)
    for i in range(5):
        _star(canvas.draw, MARGIN + 26 + i * 62, 120, 26, GOLD, GOLD_EDGE)
    name = fit(card.frame.site_name, "bold", (WIDTH - 2 * MARGIN, 220), (84, 44), 2)
    canvas.lines("name", name, MARGIN, 176, ink)
    tagline = fit(card.tagline, "regular", (WIDTH - 2 * MARGIN, 90), (36, 24), 2, step=2)
    canvas.lines("tagline", tagline, MARGIN, 176 + name.height + 24, soft)
    _footer(canvas, card.frame, soft, rule)
    return canvas.finish()


def _top(canvas: _Canvas, frame: CardFrame, accent: Rgb, heading: bool = True) -> None:
    """The coloured band, the site's name (on product cards) and the demo notice."""
    canvas.draw.rectangle((0, 0, WIDTH, 15), fill=accent)
    room = WIDTH - 2 * MARGIN
    if frame.demo:
        tag = fit(frame.demo, "semibold", (360, 40), (24, 18), 1, step=2)
        tag_width = round(tag.font.getlength(tag.lines[0]))
        canvas.draw.rounded_rectangle((WIDTH - MARGIN - tag_width - 32, 40, WIDTH - MARGIN, 88), 10, fill=DEMO_FILL)
        canvas.lines("demo", tag, WIDTH - MARGIN - 16, 64 - tag.line_height // 2, DEMO_INK, right=True)
        room -= tag_width + 56
    if heading:
        site = fit(frame.site_name, "semibold", (room, 44), (30, 22), 1, step=2)
        canvas.lines("site", site, MARGIN, 48, accent)


def _star_row(canvas: _Canvas, card: ProductCard, middle: int) -> None:
    """The stars, then the words: gold when the certificate is in force; else hollow, grey, struck through."""
    radius, step = 27, 64
    for i in range(card.stars):
        cx = MARGIN + radius + i * step
        if card.in_force:
            _star(canvas.draw, cx, middle, radius, GOLD, GOLD_EDGE)
        else:
            _star(canvas.draw, cx, middle, radius, None, STRUCK)
    end = MARGIN + (card.stars - 1) * step + 2 * radius
    if not card.in_force:
        canvas.draw.line((MARGIN - 10, middle + 2, end + 10, middle + 2), fill=STRUCK, width=5)
    x = end + 36
    words = fit(card.status_words, "semibold", (WIDTH - MARGIN - x, 84), (36, 22), 2, step=2)
    ink = LIVE[1] if card.in_force else MUTED[1]
    canvas.lines("status", words, x, middle - words.height // 2 - 4, ink)


def _footer(canvas: _Canvas, frame: CardFrame, soft: Rgb, rule: Rgb) -> None:
    """A rule, then the province on the left and the site's address on the right."""
    canvas.draw.line((MARGIN, 540, WIDTH - MARGIN, 540), fill=rule, width=2)
    half = (WIDTH - 2 * MARGIN - 32) // 2
    canvas.lines("province", fit(frame.province, "semibold", (half, 40), (28, 20), 1, step=2), MARGIN, 560, soft)
    canvas.lines("host", fit(frame.host, "regular", (half, 40), (26, 18), 1, step=2), WIDTH - MARGIN, 562, soft, right=True)


def _star(draw: ImageDraw.ImageDraw, cx: float, cy: float, outer: float, fill: Rgb | None, edge: Rgb) -> None:
    """A five-pointed star pointing up (the badges' and the PDFs' shape)."""
    draw.polygon(star_points(cx, cy, outer), fill=fill, outline=edge, width=3)
