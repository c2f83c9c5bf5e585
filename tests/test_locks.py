"""Reproducible installs: the lock files in requirements/ pin every package with its hashes, the
test lock is the runtime lock plus the test tools, and `make site` installs only the runtime lock."""

from __future__ import annotations

import os
import re
import subprocess
import tomllib
from pathlib import Path

import pytest

from .conftest import REPO

RUNTIME = REPO / "requirements" / "runtime.txt"
TEST = REPO / "requirements" / "test.txt"
_PIN = re.compile(r"^([A-Za-z0-9_.-]+)==(\S+) \\$", re.MULTILINE)


def pins(path: Path) -> dict[str, str]:
    """{normalised name: version} of a lock file."""
    return {re.sub(r"[-_.]+", "-", name).lower(): version for name, version in _PIN.findall(path.read_text(encoding="utf-8"))}


def requirement_names(requirements: list[str]) -> set[str]:
    return {re.sub(r"[-_.]+", "-", re.match(r"[A-Za-z0-9_.-]+", r)[0]).lower() for r in requirements}


PROJECT = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]


@pytest.mark.parametrize("lock", [RUNTIME, TEST])
def test_every_package_is_pinned_with_its_hashes(lock: Path) -> None:
    text = lock.read_text(encoding="utf-8")
    blocks = [block for block in re.split(r"\n(?=[A-Za-z0-9])", text) if re.match(r"[A-Za-z0-9]", block)]
    assert blocks
    for block in blocks:
        assert _PIN.match(block), block.splitlines()[0]
        assert "--hash=sha256:" in block, block.splitlines()[0]
    assert "file://" not in text and "\n--index-url" not in text and "\n--extra-index-url" not in text  # no machine's package mirror


def test_the_runtime_lock_holds_the_dependencies_and_no_test_tool() -> None:
    runtime = pins(RUNTIME)
    assert requirement_names(PROJECT["dependencies"]) <= set(runtime)
    assert not requirement_names(PROJECT["optional-dependencies"]["test"]) & set(runtime)
    assert runtime["mkdocs"] == "1.6.1" and runtime["mkdocs-material"].startswith("9.8.")


def test_the_test_lock_is_the_runtime_lock_plus_the_test_tools() -> None:
    runtime, test = pins(RUNTIME), pins(TEST)
    assert {name: test.get(name) for name in runtime} == runtime
    assert requirement_names(PROJECT["optional-dependencies"]["test"]) <= set(test)


def make_commands(target: str, tmp_path: Path) -> list[str]:
    """What `make TARGET` would run in a fresh clone (a virtual environment not made yet)."""
    venv = tmp_path / "venv"
    quiet = {k: v for k, v in os.environ.items() if k not in ("MAKEFLAGS", "MAKELEVEL", "MFLAGS")}  # also when run by `make test`
    command = ["make", "--no-print-directory", "-n", target, f"VENV={venv}"]
    result = subprocess.run(command, cwd=REPO, capture_output=True, text=True, check=True, env=quiet)
    return [line.replace(str(venv), ".venv") for line in result.stdout.splitlines()]


def test_make_site_installs_only_the_runtime_lock(tmp_path: Path) -> None:
    commands = make_commands("site", tmp_path)
    installs = [c for c in commands if "pip install" in c and "--upgrade pip" not in c]
    assert installs == [
        ".venv/bin/python -m pip install --quiet --require-hashes -r ./requirements/runtime.txt",
        ".venv/bin/python -m pip install --quiet --no-deps -e .",
    ]
    assert commands[-1] == ".venv/bin/python build_site.py"


def test_make_test_installs_the_test_lock(tmp_path: Path) -> None:
    installs = [c for c in make_commands("test", tmp_path) if "pip install" in c and "--upgrade pip" not in c]
    assert installs == [
        ".venv/bin/python -m pip install --quiet --require-hashes -r ./requirements/test.txt",
        ".venv/bin/python -m pip install --quiet --no-deps -e .",
    ]
