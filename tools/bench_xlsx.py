"""Benchmark: the Excel commands and the TODO scan of `--check` on a synthetic catalogue.

    .venv/bin/python tools/bench_xlsx.py [--products 2000]

Writes the catalogue into a temporary folder once, then times `export-xlsx`, an `import-xlsx` of the
unchanged workbook (which reads every cell, compares it with the files and writes nothing), and the
scan for TODO lines that `--check` adds (reading every file's bytes once more).
"""

from __future__ import annotations

import argparse
import contextlib
import io
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from catalogue.load import yaml_files  # noqa: E402
from catalogue.problems import Report  # noqa: E402
from catalogue.todos import list_todos  # noqa: E402
from catalogue.xlsx.export import write_workbook  # noqa: E402
from catalogue.xlsx.files import CataloguePaths  # noqa: E402
from catalogue.xlsx.importing import plan_import  # noqa: E402
from demo.synth import write_catalogue  # noqa: E402


def _timed(action: object) -> float:
    start = time.perf_counter()
    with contextlib.redirect_stdout(io.StringIO()):
        action()  # type: ignore[operator]
    return time.perf_counter() - start


def main() -> None:
    """Print the timings."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--products", type=int, default=2000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        write_catalogue(root, args.products)
        paths = CataloguePaths.of(root / "products", root / "producers", None)
        book = root / "catalogue.xlsx"
        export = _timed(lambda: write_workbook(paths, book))
        plan = None

        def unchanged() -> None:
            nonlocal plan
            plan = plan_import(book, paths)

        imported = _timed(unchanged)
        assert plan is not None and not plan.texts, "an unchanged workbook must change nothing"
        files = [*yaml_files(paths.products), *yaml_files(paths.producers)]
        scan = _timed(lambda: list_todos(files, {}, Report()))
        print(f"{args.products} products, {len(files)} files, workbook {book.stat().st_size / 1e6:.1f} MB")
        print(f"export-xlsx: {export:.2f} s")
        print(f"import-xlsx of the unchanged workbook (every cell compared, nothing to check or write): {imported:.2f} s")
        print(f"TODO scan added to --check: {scan * 1000:.0f} ms")


if __name__ == "__main__":
    main()
