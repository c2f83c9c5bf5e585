"""A folder made once per test run, however many processes run the tests.

`make test` runs the tests in several processes (pytest-xdist); a session fixture is then made
once in each of them. A site that several processes read (the demo site, the small built site)
is made by the first process that asks, in the run's own temporary folder, while the others wait
for it, and then read the same folder. Tests only read such a folder (those that change a site
copy it first), as they did when one process ran them all."""

from __future__ import annotations

import fcntl
import os
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

DONE = ".made"  # written last in a shared folder: a process that failed to make it left none


def made_once(factory: pytest.TempPathFactory, name: str, make: Callable[[Path], None]) -> Path:
    """The folder `name`, made by `make(folder)` once per run: in this process's temporary folder
    when it runs the tests alone, else in the folder the run's processes share (under a lock)."""
    if not os.environ.get("PYTEST_XDIST_WORKER"):  # set by pytest-xdist in the processes it starts
        folder = factory.mktemp(name, numbered=True)
        make(folder)
        return folder
    shared = factory.getbasetemp().parent  # each process's folder is popen-gw<N> in the run's
    folder = shared / name
    with open(shared / f"{name}.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # released when the file closes
        if not (folder / DONE).is_file():
            if folder.exists():  # a process that failed to make it: its error is its own; start again
                shutil.rmtree(folder)
            folder.mkdir(exist_ok=True)
            make(folder)
            (folder / DONE).touch()
    return folder
