"""A real nginx (Debian's, /usr/sbin/nginx) serving the built demo site with the repository's
configuration, on a free port of 127.0.0.1, started once per test session.

The server block is the one docs/publishing.md gives (deploy/nginx/ocop.conf) with the test's port
and folder: the build's `_headers.conf`, then deploy/nginx/ocop-site.conf. Everything nginx
writes (pid, logs, temporary files) goes into a temporary folder.
"""

from __future__ import annotations

import contextlib
import getpass
import os
import shutil
import socket
import subprocess
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from .browser import skip_or_fail
from .conftest import REPO

NGINX = Path(os.environ.get("OCOP_NGINX", "/usr/sbin/nginx"))
SITE_CONF = REPO / "deploy" / "nginx" / "ocop-site.conf"
MIME_TYPES = Path("/etc/nginx/mime.types")


def free_port() -> int:
    """A TCP port of 127.0.0.1 that nobody listens on now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def server_block(site: Path, port: int) -> str:
    """deploy/nginx/ocop.conf's server block, for `site` on `port`."""
    return (
        "server {\n"
        f"    listen 127.0.0.1:{port};\n"
        "    server_name localhost;\n"
        f"    root {site};\n"
        f"    include {site / '_headers.conf'};\n"
        f"    include {SITE_CONF};\n"
        "}\n"
    )


def nginx_conf(site: Path, port: int, work: Path) -> str:
    """A whole nginx.conf that runs in the foreground and writes only under `work`."""
    temp = "\n".join(f"    {kind}_temp_path {work / kind};" for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi"))
    # As root, nginx would run its workers as `nobody`, who may not read pytest's private folders.
    user = f"user {getpass.getuser()};\n" if os.geteuid() == 0 else ""
    return (
        f"{user}worker_processes 1;\ndaemon off;\npid {work / 'nginx.pid'};\nerror_log {work / 'error.log'} warn;\n"
        "events { worker_connections 128; }\n"
        f"http {{\n    include {MIME_TYPES};\n    default_type application/octet-stream;\n    access_log off;\n{temp}\n"
        + server_block(site, port)
        + "}\n"
    )


def _wait_until_up(origin: str, process: subprocess.Popen[bytes], log: Path) -> None:
    deadline = time.monotonic() + 15
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"nginx stopped at start: {log.read_text(errors='replace') if log.exists() else 'no log'}")
        try:
            urllib.request.urlopen(origin + "/robots.txt", timeout=2).close()
            return
        except OSError:
            time.sleep(0.1)
    raise RuntimeError(f"nginx did not answer on {origin} within 15 s")


def start(site: Path, work: Path) -> tuple[subprocess.Popen[bytes], str]:
    """Start nginx on `site`; the process and its origin (http://127.0.0.1:<port>, no final /)."""
    work.mkdir(parents=True, exist_ok=True)
    port = free_port()
    conf = work / "nginx.conf"
    conf.write_text(nginx_conf(site, port, work), encoding="utf-8")
    command = [str(NGINX), "-p", str(work), "-c", str(conf), "-e", str(work / "error.log")]
    test = subprocess.run([*command, "-t", "-q"], capture_output=True, text=True, check=False)
    if test.returncode != 0:
        raise RuntimeError(f"nginx refuses the configuration:\n{test.stderr}")
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    origin = f"http://127.0.0.1:{port}"
    try:
        _wait_until_up(origin, process, work / "error.log")
    except BaseException:
        process.terminate()
        process.wait(timeout=10)
        raise
    return process, origin


@contextlib.contextmanager
def serving(site: Path, work: Path) -> Iterator[str]:
    """nginx serving `site` (`start`) while the block runs: its origin; stopped at the end."""
    process, origin = start(site, work)
    try:
        yield origin
    finally:
        process.terminate()
        process.wait(timeout=10)


@pytest.fixture(scope="session")
def nginx_origin(demo_site: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The origin of nginx serving the built demo site with the repository's configuration."""
    if not NGINX.is_file() or not shutil.which(str(NGINX)):
        skip_or_fail(f"{NGINX} is missing: install Debian's web server with `apt-get install nginx`")
    with serving(demo_site, tmp_path_factory.mktemp("nginx")) as origin:
        yield origin
