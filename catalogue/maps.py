"""What the site's maps rest on: Leaflet (npm, see package.json), copied into each language's
assets by the build, and OpenStreetMap's tiles, the one host outside the site that pages may load
images from (catalogue/hosting/policy.py).

The offline copy has no map: a USB stick at a fair has no network, and a map without tiles is a
grey box. Its pages keep the plain list with coordinates and directions links.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlencode

REPO = Path(__file__).resolve().parents[1]
LEAFLET = REPO / "node_modules" / "leaflet" / "dist"
# The files a page needs: the script and its stylesheet (our markers are drawn as SVG circles, so
# Leaflet's marker images are not needed).
LEAFLET_FILES = ("leaflet.js", "leaflet.css")
LEAFLET_FOLDER = "leaflet"  # within a language's assets

TILE_ORIGIN = "https://tile.openstreetmap.org"
TILES = TILE_ORIGIN + "/{z}/{x}/{y}.png"
# OpenStreetMap's tile policy asks for this credit on every map, linked to its copyright page.
ATTRIBUTION = '&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a>'
MAX_ZOOM = 18


def leaflet_ready() -> bool:
    """Whether Leaflet's files are installed (`npm ci`, run by `make site`)."""
    return all((LEAFLET / name).is_file() for name in LEAFLET_FILES)


def maps_in_build(offline: bool) -> bool:
    """Whether a build's pages get maps: not the offline copy, and only with Leaflet installed."""
    return not offline and leaflet_ready()


def leaflet_asset(name: str) -> str:
    """A Leaflet file's name within the assets folder, e.g. 'leaflet/leaflet.js'."""
    return f"{LEAFLET_FOLDER}/{name}"


def directions_url(lat: float, lon: float) -> str:
    """A link that opens the phone's map app (Google Maps' cross-platform address: the app on
    Android and iPhone when it is installed, the web map otherwise) with directions to a place."""
    return "https://www.google.com/maps/dir/?" + urlencode({"api": "1", "destination": f"{lat:.6f},{lon:.6f}"})


def osm_url(lat: float, lon: float, zoom: int = 16) -> str:
    """The place on openstreetmap.org, with a marker."""
    return f"https://www.openstreetmap.org/?mlat={lat:.6f}&mlon={lon:.6f}#map={zoom}/{lat:.6f}/{lon:.6f}"
