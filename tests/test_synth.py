"""The synthetic catalogue generator: valid output, the same for the same seed."""

from __future__ import annotations

import hashlib
import subprocess
import sys
from pathlib import Path

from catalogue.validate import validate
from demo.synth import main, write_catalogue


def digest(root: Path) -> str:
    sha = hashlib.sha256()
    for path in sorted(root.rglob("*")):
        if path.is_file():
            sha.update(path.relative_to(root).as_posix().encode())
            sha.update(path.read_bytes())
    return sha.hexdigest()


def test_synthetic_catalogue_is_valid(tmp_path: Path) -> None:
    write_catalogue(tmp_path, 40, seed=3)
    catalogue, report = validate(tmp_path / "products", tmp_path / "producers")
    assert report.errors == []
    assert len(catalogue.products) == 40
    assert len(catalogue.producers) == 10
    assert all((tmp_path / "products" / p.images[0].src).is_file() for p in catalogue.products.values())


def test_same_seed_same_files(tmp_path: Path) -> None:
    write_catalogue(tmp_path / "a", 12, seed=7)
    write_catalogue(tmp_path / "b", 12, seed=7)
    write_catalogue(tmp_path / "c", 12, seed=8)
    assert digest(tmp_path / "a") == digest(tmp_path / "b")
    assert digest(tmp_path / "a") != digest(tmp_path / "c")


def test_command_line(tmp_path: Path, capsys) -> None:
    assert main(["--products", "5", str(tmp_path / "out")]) == 0
    assert len(list((tmp_path / "out" / "products").glob("*.yaml"))) == 5
    assert "wrote 5 products" in capsys.readouterr().out


def test_the_readme_command_runs_from_the_project_folder(tmp_path: Path) -> None:
    """`python -m demo.synth` as the README shows it: demo/ is beside the package, not in it."""
    repo = Path(__file__).resolve().parent.parent
    command = [sys.executable, "-m", "demo.synth", "--products", "4", str(tmp_path / "synth")]
    result = subprocess.run(command, cwd=repo, capture_output=True, text=True, check=False, timeout=300)
    assert result.returncode == 0, result.stderr
    assert len(list((tmp_path / "synth" / "products").glob("*.yaml"))) == 4
