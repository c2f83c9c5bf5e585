"""Videos on a product page (`videos:`): a poster that loads the player only when tapped.

Until a visitor taps, the page makes no request to the video's host: the poster is drawn by the
stylesheet, and the link beside it is a plain link. overrides/assets/ocop-video.js turns a tap on a
YouTube poster into YouTube's privacy-enhanced player (youtube-nocookie.com, the only frame the
site's content security policy allows); other hosts, and every video of the offline copy
(`file://`), stay plain links that open the video where it is.
"""

from __future__ import annotations

import re
from urllib.parse import parse_qs, urlsplit

from markupsafe import Markup

from ..model import Product, Video
from .context import Site
from .html import NOTHING, html, join, relative
from .i18n import t

# The only host whose player is embedded (catalogue/hosting/policy.py allows it as a frame).
PLAYER = "https://www.youtube-nocookie.com/embed/"
_YOUTUBE_ID = re.compile(r"[A-Za-z0-9_-]{11}")
_YOUTUBE_HOSTS = {"youtube.com", "www.youtube.com", "m.youtube.com", "youtube-nocookie.com", "www.youtube-nocookie.com"}


def youtube_id(url: str) -> str | None:
    """The id of a YouTube video from any of its usual links (watch?v=, youtu.be/, shorts/, embed/);
    None for a link that is not one."""
    parts = urlsplit(url)
    host = (parts.hostname or "").lower()
    candidate = ""
    if host == "youtu.be":
        candidate = parts.path.strip("/")
    elif host in _YOUTUBE_HOSTS:
        if parts.path == "/watch":
            candidate = (parse_qs(parts.query).get("v") or [""])[0]
        else:
            match = re.fullmatch(r"/(?:shorts|embed|live)/([^/]+)/?", parts.path)
            candidate = match.group(1) if match else ""
    return candidate if _YOUTUBE_ID.fullmatch(candidate) else None


def player_url(url: str) -> str | None:
    """The address of the embedded player for a video, or None when it is only linked to."""
    video = youtube_id(url)
    return f"{PLAYER}{video}?autoplay=1&rel=0" if video else None


def videos_section(site: Site, product: Product, page: str, lang: str) -> Markup:
    """The product's videos, each a poster and its title; nothing for a product without videos."""
    if not product.videos:
        return NOTHING
    items = join(_video(video, lang) for video in product.videos)
    script = relative(site.urls.asset("ocop-video.js", lang), page)
    return html(
        '<section class="ocop-videos"><h2>{}</h2><ul class="ocop-videos__list">{}</ul><script src="{}" defer></script></section>',
        t(lang, "videos"),
        items,
        script,
    )


def _video(video: Video, lang: str) -> Markup:
    player = player_url(video.url)
    host = (urlsplit(video.url).hostname or "").removeprefix("www.")
    embed = html(' data-ocop-player="{}"', player) if player else NOTHING
    return html(
        '<li class="ocop-video"{embed}><a class="ocop-video__poster" href="{url}" rel="noopener noreferrer" aria-label="{label}">'
        '<span class="ocop-video__play" aria-hidden="true"></span></a>'
        '<p class="ocop-video__title">{title} <a href="{url}" rel="noopener noreferrer">{elsewhere}</a></p></li>',
        embed=embed,
        url=video.url,
        label=t(lang, "video_play", title=video.title),
        title=video.title,
        elsewhere=t(lang, "video_elsewhere", host=host),
    )
