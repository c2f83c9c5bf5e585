"""The build works when worker processes are started with `spawn`, the only start method on
Windows and the default on macOS: nothing reaches a media job or a MkDocs build through `fork`."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from .base_site import make_two_product_catalogue

# Media jobs go to a process pool from 4 jobs (the printed catalogues' second wave from 2), so
# this catalogue's jobs run in spawned workers.
# Asking for `fork` fails as it does on Windows.
SCRIPT = """
import multiprocessing, sys
multiprocessing.set_start_method("spawn")
any_context = multiprocessing.get_context
def no_fork(method=None):
    if method == "fork":
        raise ValueError("cannot find context for 'fork'")
    return any_context(method)
multiprocessing.get_context = no_fork
from catalogue.cli import main
sys.exit(main(sys.argv[1:]))
"""


def test_the_site_builds_with_the_spawn_start_method(tmp_path: Path) -> None:
    root = make_two_product_catalogue(tmp_path / "cat")
    command = [sys.executable, "-c", SCRIPT, "--today", "2026-11-28", "--site-dir", "spawned"]
    result = subprocess.run(command, cwd=root, capture_output=True, text=True, check=False, timeout=600)
    assert result.returncode == 0, result.stderr
    assert "built 2 products" in result.stdout
    site = root / "spawned"
    for page in ("p/base-product/index.html", "en/p/base-product/index.html", "print/catalogue-vi.pdf", "qr/extra-product.svg"):
        assert (site / page).is_file(), page
