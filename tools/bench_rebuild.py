"""What the first steps of a rebuild cost at scale, with and without what earlier builds kept.

    .venv/bin/python tools/bench_rebuild.py --products 2000 [--site DIR]

On the synthetic catalogue (demo/synth.py, written once into .cache/bench/, as tools/bench_scale.py
does), times in this one process: the code's and the inputs' fingerprints of the build stamp
(catalogue/stamp.py), the fingerprint of a built site folder (`--site`, e.g. one that
tools/bench_scale.py built), and the validation with no cache, filling the records cache
(catalogue/record_cache.py) and with it warm. The whole rebuild is timed by tools/bench_scale.py.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TypeVar

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from catalogue.record_cache import RecordCache  # noqa: E402
from catalogue.stamp import Inputs, code_digest, input_key, site_digest  # noqa: E402
from catalogue.validate import validate  # noqa: E402
from demo.synth import write_catalogue  # noqa: E402

T = TypeVar("T")


def timed(label: str, step: Callable[[], T]) -> T:
    """Run `step` and print its wall time."""
    started = time.perf_counter()
    result = step()
    print(f"{label:<58} {time.perf_counter() - started:>8.2f} s", flush=True)
    return result


def main() -> None:
    """Measure and print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--products", type=int, default=2000)
    parser.add_argument("--site", type=Path, default=None, metavar="DIR", help="a built site whose fingerprint to time")
    args = parser.parse_args()
    root = REPO / ".cache" / "bench" / f"synth-site-{args.products}"
    if not (root / "catalogue.yaml").exists():
        write_catalogue(root, args.products, seed=2)
    products, producers = root / "products", root / "producers"
    timed("code fingerprint", code_digest)
    inputs = Inputs(products, producers, root / "catalogue.yaml", root / "site", date.today())
    timed(f"inputs fingerprint ({args.products} products, producers, settings, code)", lambda: input_key(inputs))
    if args.site:
        entries = sum(1 for _ in args.site.rglob("*"))
        timed(f"site folder fingerprint ({entries} files and folders)", lambda: site_digest(args.site))
    with tempfile.TemporaryDirectory(prefix="bench-rebuild-") as folder:
        timed("validation, no cache", lambda: validate(products, producers))

        def cached() -> object:
            return validate(products, producers, records=RecordCache(Path(folder), code_digest()))

        timed("validation, filling the records cache", cached)
        timed("validation, records cache warm", cached)


if __name__ == "__main__":
    main()
