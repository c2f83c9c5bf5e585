"""The preview server: `python -m catalogue serve` and `make serve` build a small catalogue and
serve it; after a bad edit every page lists the problems (escaped) until a fix rebuilds the site."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from catalogue.cli import module_main

from .base_site import copy_catalogue
from .conftest import REPO

# Deadlines for a build on a busy machine; the tests measure no speed.
DEADLINE = 600.0


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def fetch(url: str) -> tuple[int, str]:
    """The status and text of `url`, or (0, reason) when nothing answers."""
    try:
        with urllib.request.urlopen(url, timeout=60) as response:
            return response.status, response.read().decode("utf-8")
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode("utf-8", "replace")
    except OSError as error:
        return 0, str(error)


@contextmanager
def running(command: list[str], cwd: Path) -> Iterator[Callable[[], str]]:
    """Run `command` in its own process group; yield a function returning its output so far;
    stop the group with Ctrl+C (SIGINT) at the end."""
    log = cwd / "serve.log"
    with log.open("w") as out:
        process = subprocess.Popen(command, cwd=cwd, stdout=out, stderr=subprocess.STDOUT, start_new_session=True)
    try:
        yield (
            lambda: (
                log.read_text(encoding="utf-8", errors="replace") + ("" if process.poll() is None else f"\n[exited {process.returncode}]")
            )
        )
    finally:
        os.killpg(process.pid, signal.SIGINT)
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()


def wait_for(condition: Callable[[], bool], output: Callable[[], str], what: str) -> None:
    """Poll until `condition` holds; fail with the server's output if the deadline passes or it exits."""
    deadline = time.monotonic() + DEADLINE
    while not condition():
        if "[exited " in output() or time.monotonic() > deadline:
            pytest.fail(f"{what}; the server said:\n{output()}")
        time.sleep(0.5)


def serves_product(base: str) -> bool:
    status, html = fetch(f"{base}p/base-product/")
    return status == 200 and 'data-ocop-id="base-product"' in html


def test_serve_shows_the_problems_of_a_bad_edit_until_it_is_fixed(built_base: Path, tmp_path: Path) -> None:
    root = copy_catalogue(built_base, tmp_path / "cat", site=False)
    port = free_port()
    base = f"http://127.0.0.1:{port}/"
    command = [
        sys.executable,
        "-m",
        "catalogue",
        "serve",
        "--lang",
        "en",
        "--host",
        "127.0.0.1",
        "--port",
        str(port),
        "--site-dir",
        "preview",
    ]
    product = root / "products" / "base-product.yaml"
    good = product.read_text(encoding="utf-8")
    with running([*command, "--today", "2026-11-28"], root) as output:
        wait_for(lambda: serves_product(base), output, "the product page was never served")
        assert f"serving preview on {base} (Ctrl+C to stop)" in output()
        assert "ocop-preview-problems" not in fetch(f"{base}p/base-product/")[1]

        product.write_text(good.replace("stars: 4", 'stars: "<b>7</b>"'), encoding="utf-8")
        wait_for(lambda: "ocop-preview-problems" in fetch(base)[1], output, "the problems never showed")
        status, html = fetch(f"{base}p/base-product/")
        assert status == 200 and 'data-ocop-id="base-product"' in html  # the last good site, under the problems
        assert (
            "products/base-product.yaml:6: error: stars: must be 3, 4 or 5, got &#39;&lt;b&gt;7&lt;/b&gt;&#39; [invalid-value]\n"
            "site not built, preview left as it was: 1 error, 0 warnings</pre>"
        ) in html
        assert "<b>7</b>" not in html
        # A page that does not exist says so too, and reloads with the rest.
        status, missing = fetch(f"{base}nowhere/")
        assert status == 404 and "ocop-preview-problems" in missing and "livereload(" in missing

        product.write_text(good, encoding="utf-8")
        wait_for(lambda: "ocop-preview-problems" not in fetch(base)[1], output, "the problems never cleared")
        assert serves_product(base)


def test_make_serve_serves_the_catalogue_of_the_working_folder(built_base: Path, tmp_path: Path) -> None:
    root = copy_catalogue(built_base, tmp_path / "cat", site=False)
    # The project's Makefile and virtual environment, run in the small catalogue's folder.
    (root / "pyproject.toml").symlink_to(REPO / "pyproject.toml")
    port = free_port()
    command = ["make", "-s", "-f", str(REPO / "Makefile"), "serve", "HOST=127.0.0.1", f"PORT={port}", f"VENV={REPO / '.venv'}"]
    with running(command, root) as output:
        wait_for(lambda: serves_product(f"http://127.0.0.1:{port}/"), output, "make serve never served the product page")
        assert f"serving site on http://127.0.0.1:{port}/ (Ctrl+C to stop)" in output()
    assert (root / "site" / "data" / "published.json").is_file()


def test_serve_refuses_a_port_in_use_before_building(base_catalogue: Path, capsys) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        assert module_main(["serve", "--lang", "en", "--port", str(port)]) == 1
    assert capsys.readouterr().err == (
        f"python -m catalogue serve: error: cannot listen on 127.0.0.1 port {port}: Address already in use; choose another --port\n"
    )
    assert not (base_catalogue / "site").exists()
