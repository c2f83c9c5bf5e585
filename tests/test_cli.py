"""The command line: exit statuses, the OK line, JSON output and usage errors."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from catalogue.cli import main, module_main

from .conftest import REPO


def test_check_prints_ok(base_catalogue: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--lang", "en", "--check", "--today", "2026-11-28"]) == 0
    assert capsys.readouterr().out == "1 products, 1 producers: OK\n"


def test_check_reports_problems_and_exits_1(base_catalogue: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = base_catalogue / "products" / "base-product.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("stars: 4", "stars: 6"), encoding="utf-8")
    assert main(["--lang", "en", "--check"]) == 1
    out = capsys.readouterr().out.splitlines()
    assert out == [
        "products/base-product.yaml:6: error: stars: must be 3, 4 or 5, got 6 [invalid-value]",
        "1 products, 1 producers: 1 error, 0 warnings",
    ]


def test_json_format(base_catalogue: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = base_catalogue / "products" / "base-product.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("producer: base-producer", "producer: nobody"), encoding="utf-8")
    assert main(["--lang", "en", "--check", "--format", "json"]) == 1
    report = json.loads(capsys.readouterr().out)
    assert report["errors"] == 1 and report["ok"] is False
    assert report["problems"] == [
        {
            "file": "products/base-product.yaml",
            "line": 7,
            "severity": "error",
            "message": "producer: 'nobody' has no file in the producers folder; add producers/nobody.yaml",
            "code": "unknown-producer",
        }
    ]


def test_warnings_do_not_fail(base_catalogue: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = base_catalogue / "products" / "base-product.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("[22.38, 103.48]", "[103.48, 22.38]"), encoding="utf-8")
    assert main(["--lang", "en", "--check"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0].endswith("latitude and longitude look swapped [coordinates-outside]")
    assert out[-1] == "1 products, 1 producers: OK (1 warning)"


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["--lang", "en", "--check", "--products", "nowhere"], "nowhere is not a folder"),
        (["--check", "--products", "nowhere"], "nowhere không phải thư mục"),
        (["--lang", "en", "--check", "--settings", "nothing.yaml"], "nothing.yaml is not a file"),
        (["--check", "--format", "xml"], "invalid choice: 'xml'"),
        (["--check", "--today", "28/11/2026"], "argument --today: '28/11/2026' is not a date written YYYY-MM-DD"),
        (["--check", "--today", "9999-12-31"], "argument --today: 9999-12-31 is not between 2000-01-01 and 2099-12-31; check the year"),
        (
            ["--lang", "en", "--site-url", "https://official@evil.example/"],
            "--site-url: 'https://official@evil.example/' has a user name before '@'",
        ),
        (["--lang", "en", "--site-url", "https://ocop.test/?q=<b>/"], "--site-url: 'https://ocop.test/?q=<b>/' has a query or fragment"),
        (["--lang", "en", "--site-url", "https://ocop.test"], "--site-url: must end with '/'"),
        (["--bogus"], "unrecognized arguments: --bogus"),
        (
            ["--site-url", "https://ocop.test"],
            "--site-url: phải kết thúc bằng '/': mã QR nối thêm p/<mã>/ vào sau, nhưng đang là 'https://ocop.test'",
        ),
    ],
)
def test_usage_errors_exit_2(base_catalogue: Path, capsys: pytest.CaptureFixture[str], argv: list[str], message: str) -> None:
    with pytest.raises(SystemExit) as caught:
        main(argv)
    assert caught.value.code == 2
    assert message in capsys.readouterr().err


def test_settings_errors_are_reported(base_catalogue: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (base_catalogue / "catalogue.yaml").write_text("site_url: https://ocop.test\ncertificate_validity_month: 36\n", encoding="utf-8")
    assert main(["--lang", "en", "--check"]) == 1
    out = capsys.readouterr().out.splitlines()
    assert out[:2] == [
        "catalogue.yaml:1: error: site_url: must end with '/': QR codes append p/<id>/ to it, got 'https://ocop.test' [invalid-url]",
        "catalogue.yaml:2: error: certificate_validity_month: unknown field; did you mean 'certificate_validity_months'? [unknown-field]",
    ]


def test_media_command_writes_the_media_and_says_what_it_did(base_catalogue: Path, capsys: pytest.CaptureFixture[str]) -> None:
    argv = ["media", "out", "--cache", "cache", "--workers", "1", "--today", "2026-11-28"]
    assert module_main(argv) == 0
    line = capsys.readouterr().out.strip()
    assert line.startswith("media: ") and " jobs (" in line and "0 from the cache" in line
    assert (base_catalogue / "out" / "qr" / "base-product.svg").is_file()
    assert module_main(argv) == 0  # again: everything from the cache, nothing written
    again = capsys.readouterr().out
    assert "(0 made, " in again and ", 0 files written in " in again


def test_media_command_into_a_file_is_one_line(base_catalogue: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (base_catalogue / "out").write_text("not a folder", encoding="utf-8")
    assert module_main(["media", "out", "--lang", "en", "--cache", "cache", "--workers", "1", "--today", "2026-11-28"]) == 1
    err = capsys.readouterr().err
    assert err.startswith("python -m catalogue media: error: out") and "Not a directory" in err and err.count("\n") == 1


def test_leaving_runs_the_exit_handlers_writes_the_output_and_keeps_the_status(tmp_path: Path) -> None:
    # build_site.py ends with `leave`, which skips Python's freeing of every object on the way out.
    script = (
        "import atexit, sys\n"
        "from catalogue.cli import leave\n"
        "atexit.register(lambda: print('handler ran'))\n"
        "print('a line not yet flushed', end='')\n"
        "sys.stderr.write('to stderr')\n"
        "leave(3)\n"
    )
    result = subprocess.run([sys.executable, "-c", script], cwd=REPO, capture_output=True, text=True, check=False)
    assert (result.returncode, result.stdout, result.stderr) == (3, "a line not yet flushedhandler ran\n", "to stderr")


def test_build_site_script_leaves_with_mains_status(base_catalogue: Path) -> None:
    path = base_catalogue / "products" / "base-product.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("stars: 4", "stars: 6"), encoding="utf-8")
    command = [sys.executable, str(REPO / "build_site.py"), "--lang", "en", "--check"]
    result = subprocess.run(command, cwd=base_catalogue, capture_output=True, text=True, check=False)
    assert result.returncode == 1
    assert result.stdout.splitlines()[-1] == "1 products, 1 producers: 1 error, 0 warnings"
