"""Benchmark at scale, side by side with another generator, in one run.

    .venv/bin/python tools/bench_scale.py --products 2000 --languages vi,en [--runs 3]
        [--compare "hugo --quiet --source {twin} --destination {out}"] [--hugo-twin DIR]

Writes the synthetic catalogue (demo/synth.py; once, into .cache/bench/) and copies it into a
temporary folder, makes its media once (not timed: the figures are for builds with media cached),
then times, each in a process of its own:

- full builds into an empty folder (the median of `--runs`), each with nothing kept by earlier
  builds but the media (no records cache, no product pages' store, no plan memo);
- a rebuild into the last full build's folder after editing one product's name (with the stores
  that build filled, which name its pages as published);
- a rebuild with nothing changed.

Each figure is the wall time, the CPU time (user + system, with every child process) and the peak
memory of the largest process. With `--compare "CMD"` the shell command CMD is run the same number
of times, interleaved with ours, and each figure gets a ratio (ours / theirs). In CMD, `{out}`
is the output folder (a new one for each full build, the same one for the rebuilds) and `{twin}`
the folder given with `--hugo-twin`, where a Hugo site with the same product pages is written
(tools/hugo_twin.py; the edit is made there too). With `--hugo-twin` and no `--compare`, the command
is the Hugo one above. The twin carries the catalogue's media as static files, which Hugo copies
into its site as a build copies them into ours (tools/hugo_twin.py; `--twin-without-media` leaves
them out: then Hugo writes the pages alone).

The media cache is the run's own (in the temporary folder, under the catalogue as `.cache/media`)
unless `--media-cache DIR` keeps it for later runs; `--keep-site DIR` keeps the edited site.
"""

from __future__ import annotations

import argparse
import os
import re
import shlex
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "tools"))

from hugo_twin import write_media, write_product_page, write_twin  # noqa: E402

from demo.synth import write_catalogue  # noqa: E402

HUGO = "hugo --quiet --source {twin} --destination {out}"
EDITED = "sp-00000"


@dataclass(frozen=True)
class Run:
    """One timed command: wall and CPU seconds, peak memory of its largest process (MB)."""

    wall: float
    cpu: float
    peak_mb: float


def timed(command: list[str] | str, cwd: Path) -> Run:
    """Run `command` (a list, or a shell line) and measure it with every process it started."""
    started = time.perf_counter()
    with open(os.devnull, "wb") as quiet:
        process = subprocess.Popen(command, cwd=cwd, shell=isinstance(command, str), stdout=quiet, stderr=subprocess.PIPE)
    # wait4 gives the usage of the child and of every descendant it waited for: CPU summed, and
    # the largest resident size among them.
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - started
    errors = process.stderr.read().decode(errors="replace") if process.stderr else ""
    if os.waitstatus_to_exitcode(status) != 0:
        sys.exit(f"bench_scale: {command!r} failed:\n{errors}")
    return Run(wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024)


def median(runs: list[Run]) -> Run:
    """The median of each figure."""
    return Run(*(statistics.median(getattr(run, name) for run in runs) for name in ("wall", "cpu", "peak_mb")))


def catalogue_copy(products: int, languages: list[str] | None, folder: Path) -> Path:
    """The synthetic catalogue (written once into .cache/bench/) copied into `folder`, with the
    languages asked for."""
    source = REPO / ".cache" / "bench" / f"synth-site-{products}"
    if not (source / "catalogue.yaml").exists():
        write_catalogue(source, products, seed=2)
    root = folder / "catalogue"
    shutil.copytree(source, root)
    if languages:
        settings_path = root / "catalogue.yaml"
        settings = yaml.safe_load(settings_path.read_text(encoding="utf-8"))
        settings["languages"] = languages
        settings_path.write_text(yaml.safe_dump(settings, allow_unicode=True), encoding="utf-8")
    return root


def forget_stores(root: Path) -> None:
    """Empty what earlier builds kept beside the media cache (the records read, the product pages
    made, the plan's job keys), so that a full build makes everything but the media."""
    for name in ("records", "pages"):
        shutil.rmtree(root / ".cache" / name, ignore_errors=True)
    (root / ".cache" / "plan-memo.pickle").unlink(missing_ok=True)


def our_command(root: Path, site: Path) -> list[str]:
    """This project's build of the catalogue at `root` into `site`."""
    return [
        sys.executable,
        str(REPO / "build_site.py"),
        "--products",
        str(root / "products"),
        "--producers",
        str(root / "producers"),
        "--site-dir",
        str(site),
    ]


def edit_product(root: Path, twin: Path | None, languages: list[str]) -> None:
    """Change the name of one product, in the catalogue and in the Hugo twin."""
    path = root / "products" / f"{EDITED}.yaml"
    text = re.sub(r"(?m)^name: (.*)$", r"name: \1 (edited)", path.read_text(encoding="utf-8"), count=1)
    path.write_text(text, encoding="utf-8")
    if twin:
        record = yaml.safe_load(text)
        producer = yaml.safe_load((root / "producers" / f"{record['producer']}.yaml").read_text(encoding="utf-8"))
        for lang in languages:
            write_product_page(twin, record, producer, lang, languages[0])


def row(label: str, ours: float, theirs: float | None, unit: str) -> str:
    """One line of figures: ours, theirs and the ratio."""
    line = f"{label:<52} {ours:>10.2f} {unit:<3}"
    if theirs is not None:
        ratio = f"{ours / theirs:.1f}x" if theirs > 0 else "-"
        line += f" {theirs:>10.2f} {unit:<3} {ratio:>8}"
    return line


def report(name: str, ours: Run, theirs: Run | None) -> list[str]:
    """The three lines of one measured step."""
    return [
        row(f"{name}, wall", ours.wall, theirs and theirs.wall, "s"),
        row(f"{name}, CPU (user+sys)", ours.cpu, theirs and theirs.cpu, "s"),
        row(f"{name}, peak memory", ours.peak_mb, theirs and theirs.peak_mb, "MB"),
    ]


def main() -> None:
    """Measure and print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--products", type=int, default=2000)
    parser.add_argument("--languages", default=None, help="comma-separated languages instead of the catalogue's own (vi,en)")
    parser.add_argument("--runs", type=int, default=3, help="full builds of each side (the median is shown)")
    parser.add_argument("--compare", default=None, metavar="CMD", help="a second build command, run as often; {out}, {twin} filled in")
    parser.add_argument("--hugo-twin", type=Path, default=None, metavar="DIR", help="write a comparable Hugo site into DIR")
    parser.add_argument(
        "--media-cache",
        type=Path,
        default=None,
        metavar="DIR",
        help="keep the media cache in DIR (made once, for later runs: 20,000 products take half an hour) instead of the run's folder",
    )
    parser.add_argument("--twin-without-media", action="store_true", help="the Hugo twin without the catalogue's media (pages only)")
    parser.add_argument("--keep-site", type=Path, default=None, metavar="DIR", help="keep the built site in DIR")
    args = parser.parse_args()
    compare = args.compare or (HUGO if args.hugo_twin else None)
    with tempfile.TemporaryDirectory(prefix="bench-scale-") as tmp:
        folder = Path(tmp)
        root = catalogue_copy(args.products, args.languages.split(",") if args.languages else None, folder)
        languages = yaml.safe_load((root / "catalogue.yaml").read_text(encoding="utf-8")).get("languages", ["vi", "en"])
        if args.media_cache:
            args.media_cache.mkdir(parents=True, exist_ok=True)
            (root / ".cache").mkdir()
            (root / ".cache" / "media").symlink_to(args.media_cache.resolve(), target_is_directory=True)
        twin = args.hugo_twin.resolve() if args.hugo_twin else None
        if twin:
            write_twin(root, twin, languages)

        def theirs(out: Path) -> Run | None:
            if not compare:
                return None
            return timed(compare.format(out=shlex.quote(str(out)), twin=shlex.quote(str(twin or ""))), folder)

        media = timed(our_command(root, folder / "warm"), root)
        twin_media = write_media(root, twin, root / ".cache" / "media") if twin and not args.twin_without_media else 0
        ours_full, theirs_full = [], []
        for number in range(args.runs):
            forget_stores(root)
            ours_full.append(timed(our_command(root, folder / f"site-{number}"), root))
            theirs_full.append(theirs(folder / f"out-{number}"))
        # the folder of the last full build, whose pages the stores name as published
        site, out = folder / f"site-{args.runs - 1}", folder / f"out-{args.runs - 1}"
        edit_product(root, twin, languages)
        ours_edit, theirs_edit = timed(our_command(root, site), root), theirs(out)
        ours_same, theirs_same = timed(our_command(root, site), root), theirs(out)
        pages = sum(1 for _ in site.rglob("index.html"))
        if args.keep_site:
            shutil.rmtree(args.keep_site, ignore_errors=True)
            shutil.move(site, args.keep_site)
    other = [run for run in theirs_full if run is not None]
    sizes = f"{args.products} products x {len(languages)} languages ({', '.join(languages)}): {pages} pages"
    print(f"{sizes}; first build making media {media.wall:.1f} s")
    heading = f"{'':<52} {'this project':>14}"
    if compare:
        print(f"compared with: {compare}")
        if twin:
            print(f"the Hugo twin: {len(languages)} x {args.products} product pages, {twin_media} media files as static files")
        heading += f" {'other':>14} {'ratio':>8}"
    print(heading)
    lines = report(f"full build (median of {args.runs})", median(ours_full), median(other) if other else None)
    lines += report("rebuild after editing one product", ours_edit, theirs_edit)
    lines += report("rebuild with nothing changed", ours_same, theirs_same)
    print("\n".join(lines))


if __name__ == "__main__":
    main()
