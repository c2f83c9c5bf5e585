"""Shapes shared by the drawn outputs: the five-pointed star of the share cards and the printed stars."""

from __future__ import annotations

import math


def star_points(cx: float, cy: float, outer: float, inner_ratio: float = 0.45) -> list[tuple[float, float]]:
    """The ten corners of a five-pointed star pointing up, centred on (cx, cy), in page coordinates."""
    points = []
    for i in range(10):
        radius = outer if i % 2 == 0 else outer * inner_ratio
        angle = math.pi / 2 + i * math.pi / 5
        points.append((cx + radius * math.cos(angle), cy - radius * math.sin(angle)))
    return points
