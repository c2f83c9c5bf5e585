"""The preview server of `python -m catalogue serve`: MkDocs' live-reload server, which rebuilds on
every change and shows the problems of a failed rebuild over the page."""

from __future__ import annotations

import socket
from collections.abc import Callable
from pathlib import Path
from typing import Any

from markupsafe import Markup


def check_address(host: str, port: int) -> None:
    """Raise OSError now, before a long first build, when the preview could not listen there."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    with socket.socket(family, socket.SOCK_STREAM) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as the server itself does
        probe.bind((host, port))


# Answers to requests outside the site (the form editor's /admin/): a path gets (status, headers, body), or None.
Routes = Callable[[str], tuple[str, list[tuple[str, str]], bytes] | None]


def serve(
    rebuild: Callable[[], list[str]],
    problems: list[str],
    site_dir: Path,
    watched: list[Path],
    host: str = "127.0.0.1",
    port: int = 8000,
    routes: Routes | None = None,
) -> None:
    """Serve `site_dir` with live reload: `rebuild` runs whenever a watched file changes and
    returns the problems of a failed build (none when it built); `problems` are the first build's.
    `routes` answers first, for paths that are not the site's."""
    server = _preview_server(rebuild, problems, routes, host=host, port=port, root=str(site_dir.resolve()))
    for path in watched:
        if path.exists():
            server.watch(str(path.resolve()))
    try:
        server.serve()
    except KeyboardInterrupt:
        pass
    finally:
        server.shutdown()


def _preview_server(rebuild: Callable[[], list[str]], problems: list[str], routes: Routes | None, **options: Any) -> Any:
    from mkdocs.livereload import LiveReloadServer

    class PreviewServer(LiveReloadServer):
        """MkDocs' live-reload server, which shows the problems of a failed rebuild over every
        page it serves until a rebuild succeeds, instead of silently keeping the old site.

        A rebuild never raises here, so browsers reload after a failed one too (MkDocs' server
        reloads them only after a build that did not raise)."""

        def __init__(self) -> None:
            self.problems = problems
            super().__init__(builder=self.rebuild, **options)
            self.error_handler = self.error_page

        def rebuild(self) -> None:
            self.problems = rebuild()

        def _serve_request(self, environ: dict[str, Any], start_response: Callable[..., Any]) -> Any:
            path = environ["PATH_INFO"].encode("latin-1").decode("utf-8", "ignore")
            answer = routes(path) if routes else None
            if answer is None:
                return super()._serve_request(environ, start_response)
            status, headers, body = answer
            start_response(status, headers)
            return [body]

        def _inject_js_into_html(self, content: bytes, epoch: int) -> bytes:
            content = super()._inject_js_into_html(content, epoch)
            if not self.problems:
                return content
            overlay = problems_overlay(self.problems).encode()
            end = content.rfind(b"</body>")
            end = len(content) if end < 0 else end
            return content[:end] + overlay + content[end:]

        def error_page(self, code: int) -> bytes | None:
            # A missing page (or no site yet, when the first build failed) still reloads and
            # shows the problems.
            if code != 404:
                return None
            page = Path(self.root) / "404.html"
            content = page.read_bytes() if page.is_file() else b"<!doctype html><title>404</title><body><h1>404 Not Found</h1></body>"
            return self._inject_js_into_html(content, self._visible_epoch)

    return PreviewServer()


def problems_overlay(problems: list[str]) -> str:
    """The box over a previewed page that lists the problems of the last rebuild, escaped."""
    return Markup(
        '<div id="ocop-preview-problems" role="alert" style="position:fixed;top:0;left:0;right:0;z-index:100000;'
        "max-height:60vh;overflow:auto;margin:0;padding:1rem;background:#fff4f4;color:#5c0011;"
        'border-bottom:4px solid #b00020;font:14px/1.45 system-ui,sans-serif">'
        '<p style="margin:0 0 .5rem"><strong>{}</strong></p>'
        '<pre style="margin:0;white-space:pre-wrap;font:13px/1.45 monospace">{}</pre></div>'
    ).format(_OVERLAY_TITLE, "\n".join(problems))


# Read by the programme office first: Vietnamese, then English.
_OVERLAY_TITLE = (
    "Lần dựng trang mới nhất bị lỗi: trang đang xem là bản dựng trước đó (nếu có). Sửa các lỗi dưới đây rồi lưu tệp, "
    "trang sẽ tự tải lại. / The last rebuild failed: what you see is the previous build, if any. "
    "Fix these problems and save: the page reloads by itself."
)
