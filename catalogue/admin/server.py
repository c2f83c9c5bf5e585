"""`make admin` (`python -m catalogue.admin`): the form editor and the live preview on this computer.

Two servers run: decap-server (Decap's local backend, from node_modules), which reads and writes
the catalogue's files in the current folder, on 127.0.0.1 only; and the preview of
`python -m catalogue serve`, which also answers /admin/ with the editor. Every file the editor
saves rebuilds the preview, and a file that does not pass the checks shows its problems over it.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

from ..cli import module_main
from ..messages import say
from ..render.serve import check_address
from .config import LOCAL_BACKEND_PORT
from .page import DECAP_DIST, DECAP_SCRIPT, PREFIX, PROJECT, admin_response

DECAP_SERVER = PROJECT / "node_modules" / "decap-server" / "dist" / "index.js"


def decap_server(root: Path, port: int) -> subprocess.Popen[bytes]:
    """Start Decap's local backend on 127.0.0.1:`port`, reading and writing the files under `root`."""
    node = shutil.which("node") or "node"
    env = os.environ | {"PORT": str(port), "BIND_HOST": "127.0.0.1", "MODE": "fs", "GIT_REPO_DIRECTORY": str(root.resolve())}
    env.setdefault("LOG_LEVEL", "warn")
    return subprocess.Popen([node, str(DECAP_SERVER)], env=env, cwd=root, start_new_session=False)


def wait_until_listening(port: int, process: subprocess.Popen[bytes], timeout: float = 60) -> bool:
    """True once decap-server answers on `port`; False if it exits or does not answer in time."""
    deadline = time.monotonic() + timeout
    request = urllib.request.Request(
        f"http://127.0.0.1:{port}/api/v1", data=b'{"action":"info"}', headers={"Content-Type": "application/json"}
    )
    while time.monotonic() < deadline and process.poll() is None:
        try:
            with urllib.request.urlopen(request, timeout=5):
                return True
        except (urllib.error.URLError, OSError):
            time.sleep(0.2)
    return False


def missing() -> str | None:
    """What is missing for the editor to run, in the office's words, or None."""
    if shutil.which("node") is None:
        return say("admin.no-node")
    if not (DECAP_DIST / DECAP_SCRIPT).is_file() or not DECAP_SERVER.is_file():
        return say("admin.no-decap")
    return None


def main(argv: list[str] | None = None) -> int:
    """Run the editor and the preview until Ctrl+C; return the exit status."""
    parser = argparse.ArgumentParser(prog="python -m catalogue.admin", description=say("admin.description"))
    parser.add_argument("--host", default="127.0.0.1", help="127.0.0.1 (this computer only)")
    parser.add_argument("--port", type=int, default=8000, help="editor and preview (default: 8000)")
    parser.add_argument("--backend-port", type=int, default=LOCAL_BACKEND_PORT, help="decap-server (default: 8081)")
    parser.add_argument("--site-dir", default="site", help="where the preview is built (default: site)")
    args, rest = parser.parse_known_args(argv)
    problem = missing()
    if problem:
        print(f"{parser.prog}: {problem}", file=sys.stderr)
        return 1
    try:
        check_address("127.0.0.1", args.backend_port)
    except OSError as error:
        print(f"{parser.prog}: {say('admin.port-busy', port=args.backend_port, reason=error.strerror or error)}", file=sys.stderr)
        return 1
    backend = decap_server(Path.cwd(), args.backend_port)
    try:
        if not wait_until_listening(args.backend_port, backend):
            print(f"{parser.prog}: {say('admin.backend-failed', port=args.backend_port)}", file=sys.stderr)
            return 1
        ready = say("admin.ready", editor=f"http://{args.host}:{args.port}{PREFIX}", preview=f"http://{args.host}:{args.port}/")
        serve = ["serve", "--host", args.host, "--port", str(args.port), "--site-dir", args.site_dir, *rest]
        return module_main(serve, routes=lambda path: admin_response(path, args.backend_port), ready=ready)
    finally:
        backend.terminate()
        try:
            backend.wait(timeout=10)
        except subprocess.TimeoutExpired:
            backend.kill()
