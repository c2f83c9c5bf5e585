"""A drawing surface in size-independent units, with soft and shaded primitives.

One unit is the shorter side of the picture and the origin is its centre, so a
shape drawn at the same unit coordinates keeps its proportions at any size and
aspect ratio. `Canvas.hw` and `Canvas.hh` give the half width and half height
of the frame in units.
"""

from __future__ import annotations

import math
import random
from collections.abc import Callable, Sequence

from PIL import Image, ImageChops, ImageDraw, ImageFilter

from demo.drawing.colour import Colour, gradient
from demo.drawing.geometry import Box, Point

MaskPainter = Callable[[ImageDraw.ImageDraw, Callable[[Point], Point], float], None]


class Canvas:
    """An RGB image and a random generator, addressed in units (see module docs)."""

    def __init__(self, size: tuple[int, int], rng: random.Random) -> None:
        self.image = Image.new("RGB", size, (200, 200, 200))
        self.rng = rng
        self.w, self.h = size
        self.u = min(size)
        self.hw = self.w / (2 * self.u)
        self.hh = self.h / (2 * self.u)
        self._draw = ImageDraw.Draw(self.image)

    def px(self, point: Point) -> Point:
        """Convert a point in units to pixels."""
        return (self.w / 2 + point[0] * self.u, self.h / 2 + point[1] * self.u)

    def _box(self, box: Box) -> Box:
        (x0, y0), (x1, y1) = self.px(box[:2]), self.px(box[2:])
        return (min(x0, x1), min(y0, y1), max(x0, x1), max(y0, y1))

    def polygon(self, points: Sequence[Point], fill: Colour) -> None:
        """Fill a polygon with a flat colour."""
        self._draw.polygon([self.px(p) for p in points], fill=fill)

    def ellipse(self, box: Box, fill: Colour) -> None:
        """Fill an axis-aligned ellipse with a flat colour."""
        self._draw.ellipse(self._box(box), fill=fill)

    def line(self, points: Sequence[Point], fill: Colour, width: float) -> None:
        """Draw a polyline `width` units wide."""
        pixels = max(1, round(width * self.u))
        joint = "curve" if pixels > 3 else None
        self._draw.line([self.px(p) for p in points], fill=fill, width=pixels, joint=joint)

    def rect(self, box: Box, stops: Sequence[Colour], vertical: bool = True) -> None:
        """Fill a rectangle with a gradient through `stops`."""
        x0, y0, x1, y1 = (round(v) for v in self._box(box))
        if x1 > x0 and y1 > y0:
            self.image.paste(gradient((x1 - x0, y1 - y0), stops, vertical), (x0, y0))

    def shaded(
        self,
        points: Sequence[Point],
        stops: Sequence[Colour],
        vertical: bool = False,
        opacity: float = 1.0,
    ) -> None:
        """Fill a polygon with a gradient (across it unless `vertical`)."""
        pixels = [self.px(p) for p in points]
        self._paste(_bounds(pixels), pixels, stops, vertical, opacity)

    def shaded_ellipse(self, box: Box, stops: Sequence[Colour], vertical: bool = False, opacity: float = 1.0) -> None:
        """Fill an ellipse with a gradient."""
        x0, y0, x1, y1 = self._box(box)
        self._paste((x0, y0, x1, y1), None, stops, vertical, opacity)

    def _paste(
        self,
        bounds: Box,
        pixels: list[Point] | None,
        stops: Sequence[Colour],
        vertical: bool,
        opacity: float,
    ) -> None:
        x0, y0 = math.floor(bounds[0]), math.floor(bounds[1])
        size = (math.ceil(bounds[2]) - x0 + 1, math.ceil(bounds[3]) - y0 + 1)
        mask = Image.new("L", size, 0)
        draw, alpha = ImageDraw.Draw(mask), round(255 * opacity)
        if pixels is None:
            draw.ellipse((bounds[0] - x0, bounds[1] - y0, bounds[2] - x0, bounds[3] - y0), fill=alpha)
        else:
            draw.polygon([(x - x0, y - y0) for x, y in pixels], fill=alpha)
        self.image.paste(gradient(size, stops, vertical), (x0, y0), mask)

    def glow(self, box: Box, colour: Colour, opacity: float, blur: float) -> None:
        """Blend a blurred ellipse: a soft shadow, a light, a patch of mist."""

        def paint(draw: ImageDraw.ImageDraw, to: Callable[[Point], Point], _: float) -> None:
            (x0, y0), (x1, y1) = to(self.px(box[:2])), to(self.px(box[2:]))
            draw.ellipse((min(x0, x1), min(y0, y1), max(x0, x1), max(y0, y1)), fill=255)

        self.soft(self._box(box), paint, colour, opacity, blur)

    def soft_line(self, points: Sequence[Point], colour: Colour, opacity: float, width: float, blur: float) -> None:
        """Blend a blurred polyline: smoke, steam, a soft highlight."""
        pixels = [self.px(p) for p in points]

        def paint(draw: ImageDraw.ImageDraw, to: Callable[[Point], Point], scale: float) -> None:
            draw.line([to(p) for p in pixels], fill=255, width=max(1, round(width * self.u * scale)))

        x0, y0, x1, y1 = _bounds(pixels)
        pad = width * self.u
        self.soft((x0 - pad, y0 - pad, x1 + pad, y1 + pad), paint, colour, opacity, blur)

    def soft_polygon(self, points: Sequence[Point], colour: Colour, opacity: float, blur: float) -> None:
        """Blend a blurred polygon: a highlight along a curved surface."""
        pixels = [self.px(p) for p in points]

        def paint(draw: ImageDraw.ImageDraw, to: Callable[[Point], Point], _: float) -> None:
            draw.polygon([to(p) for p in pixels], fill=255)

        self.soft(_bounds(pixels), paint, colour, opacity, blur)

    def soft(self, bounds: Box, paint: MaskPainter, colour: Colour, opacity: float, blur: float) -> None:
        """Blend `colour` through a mask drawn by `paint` and blurred by `blur` units.

        The mask is drawn at a reduced scale, blurred and enlarged, which keeps
        wide blurs cheap on large pictures.
        """
        radius = max(blur * self.u, 0.5)
        x0, y0 = math.floor(bounds[0] - 2 * radius), math.floor(bounds[1] - 2 * radius)
        x1, y1 = math.ceil(bounds[2] + 2 * radius), math.ceil(bounds[3] + 2 * radius)
        scale = min(1.0, 4.0 / radius)
        small = (max(2, round((x1 - x0) * scale)), max(2, round((y1 - y0) * scale)))
        mask = Image.new("L", small, 0)
        paint(ImageDraw.Draw(mask), lambda p: ((p[0] - x0) * scale, (p[1] - y0) * scale), scale)
        mask = mask.filter(ImageFilter.GaussianBlur(radius * scale))
        mask = mask.resize((x1 - x0, y1 - y0), Image.Resampling.BILINEAR)
        if opacity < 1:
            mask = mask.point([round(v * opacity) for v in range(256)])
        self.image.paste(colour, (x0, y0, x1, y1), mask)

    def blur(self, radius: float) -> None:
        """Soften the whole canvas by a box blur of `radius` units."""
        self.image = self.image.filter(ImageFilter.BoxBlur(radius * self.u))
        self._draw = ImageDraw.Draw(self.image)

    def layer(self, scale: float = 1.0) -> Canvas:
        """Return a blank canvas with the same frame, for clipped drawing.

        A `scale` below 1 gives a cheaper, lower-resolution layer for soft detail.
        """
        size = (max(1, round(self.w * scale)), max(1, round(self.h * scale)))
        return Canvas(size, self.rng)

    def clip(self, layer: Canvas, points: Sequence[Point], opacity: float = 1.0) -> None:
        """Paste `layer` onto this canvas inside the polygon `points`."""
        mask = Image.new("L", (self.w, self.h), 0)
        ImageDraw.Draw(mask).polygon([self.px(p) for p in points], fill=round(255 * opacity))
        image = layer.image
        if image.size != (self.w, self.h):
            image = image.resize((self.w, self.h), Image.Resampling.BILINEAR)
        self.image.paste(image, (0, 0), mask)

    def darken(self, points: Sequence[Point], alphas: Sequence[float], vertical: bool = False) -> None:
        """Darken inside a polygon by a gradient of opacities (curvature, folds)."""
        pixels = [self.px(p) for p in points]
        x0, y0, x1, y1 = _bounds(pixels)
        left, top = math.floor(x0), math.floor(y0)
        size = (math.ceil(x1) - left + 1, math.ceil(y1) - top + 1)
        shape = Image.new("L", size, 0)
        ImageDraw.Draw(shape).polygon([(x - left, y - top) for x, y in pixels], fill=255)
        levels = [(round(255 * a),) * 3 for a in alphas]
        ramp = gradient(size, levels, vertical).getchannel(0)
        self.image.paste((0, 0, 0), (left, top, left + size[0], top + size[1]), ImageChops.multiply(shape, ramp))


def _bounds(pixels: Sequence[Point]) -> Box:
    xs, ys = [p[0] for p in pixels], [p[1] for p in pixels]
    return (min(xs), min(ys), max(xs), max(ys))
