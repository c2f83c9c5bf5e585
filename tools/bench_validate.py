"""Benchmark: how long `build_site.py --check` takes on a synthetic catalogue.

    .venv/bin/python tools/bench_validate.py [--products 2000]

Writes the catalogue into a temporary folder once, then times validation (in this process and
through the command line) and prints the figures.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from catalogue.validate import validate  # noqa: E402
from demo.synth import write_catalogue  # noqa: E402


def main() -> None:
    """Print validation times for a synthetic catalogue."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--products", type=int, default=2000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        started = time.perf_counter()
        write_catalogue(root, args.products)
        print(f"synthetic catalogue of {args.products} products written in {time.perf_counter() - started:.1f} s")
        runs = []
        for _ in range(args.repeat):
            started = time.perf_counter()
            catalogue, report = validate(root / "products", root / "producers")
            runs.append(time.perf_counter() - started)
        assert report.ok, report.to_text()
        print(
            f"validate(): best {min(runs):.2f} s of {args.repeat} ({len(catalogue.products)} products, "
            f"{len(catalogue.producers)} producers, {min(runs) / len(catalogue.products) * 1000:.2f} ms per product)"
        )
        command = [sys.executable, str(REPO / "build_site.py"), "--check", "--products", "products", "--producers", "producers"]
        started = time.perf_counter()
        result = subprocess.run(command, cwd=root, capture_output=True, text=True, check=False)
        last = result.stdout.strip().splitlines()[-1]
        print(f"build_site.py --check: {time.perf_counter() - started:.2f} s wall, exit {result.returncode}: {last}")


if __name__ == "__main__":
    main()
