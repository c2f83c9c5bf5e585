"""File modes of a built site: folders 0755, files 0644, for the web server that serves it."""

from __future__ import annotations

import contextlib
import os
import stat
from pathlib import Path


def make_world_readable(folder: Path) -> None:
    """Folders 0755 and files 0644 under `folder`, whatever the umask they were made with.

    File systems that keep no Unix modes (FAT on a USB stick) refuse some changes; their mount
    options decide what everyone may read, so a refusal there is left as it is."""
    set_mode(str(folder), 0o755)
    for parent, folders, files in os.walk(folder):
        for name in folders:
            set_mode(os.path.join(parent, name), 0o755)
        for name in files:
            set_mode(os.path.join(parent, name), 0o644)


def set_mode(path: str, mode: int) -> None:
    """Give `path` `mode` unless it has it already or is a symbolic link (see `make_world_readable`)."""
    current = os.lstat(path)
    if stat.S_ISLNK(current.st_mode) or stat.S_IMODE(current.st_mode) == mode:
        return
    with contextlib.suppress(PermissionError):  # FAT and the like: see make_world_readable
        os.chmod(path, mode)
