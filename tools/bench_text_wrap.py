"""Benchmark: the cost of fitting a long word without spaces into a PDF text box.

    .venv/bin/python tools/bench_text_wrap.py [--lengths 100 200 400 800 4800] [--limit 60]

For a word of each length, prints two calls: `fit` into the A5 poster's name box (128 mm, 22 to
14 pt by half points, 2 lines: a layout call) and `wrap` of the whole word into every line it
takes at 14 pt. For each: the time, how many times the font was asked for a width
(`FPDF.get_string_width`) and how many characters those calls measured in all. Cutting a long
word should cost about n log n, not n² or n³; `fit` should not grow with the lines it cannot show.
A length whose calls take longer than `--limit` seconds is stopped and reported as such.
"""

from __future__ import annotations

import argparse
import multiprocessing
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from catalogue.makers.fonts import new_pdf  # noqa: E402
from catalogue.printing import text  # noqa: E402

BOX = (128.0, 20.0)  # the A5 poster's name box, mm
SIZES = (22.0, 14.0)


Figures = tuple[float, int, int]


def measure(length: int) -> tuple[Figures, Figures]:
    """(seconds, width calls, characters measured) for one `fit` and one whole `wrap` of a `length`-character word."""
    pdf = new_pdf(weights=("regular", "bold"))
    measured = pdf.get_string_width
    calls = [0, 0]

    def counting(value: str, *args: object, **kwargs: object) -> float:
        calls[0] += 1
        calls[1] += len(value)
        return measured(value, *args, **kwargs)

    pdf.get_string_width = counting  # type: ignore[method-assign]
    word = ("Chè" * length)[:length]
    figures = []
    for call in (lambda: text.fit(pdf, word, BOX, "bold", SIZES, 2), lambda: text.wrap(pdf, word, BOX[0])):
        calls[:] = [0, 0]
        started = time.perf_counter()
        call()
        figures.append((time.perf_counter() - started, calls[0], calls[1]))
    return figures[0], figures[1]


def _run(length: int, queue: multiprocessing.Queue) -> None:
    queue.put(measure(length))


def main() -> None:
    """Print one line of figures per word length."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--lengths", type=int, nargs="+", default=[100, 200, 400, 800, 4800])
    parser.add_argument("--limit", type=float, default=60.0, help="seconds before a call is given up (default: 60)")
    args = parser.parse_args()
    print(f"{'':>6} {'fit (one layout call)':^38}  {'wrap (every line, 14 pt)':^38}")
    print(f"{'chars':>6}" + f" {'seconds':>9} {'width calls':>12} {'chars measured':>15} " * 2)
    for length in args.lengths:
        queue: multiprocessing.Queue = multiprocessing.Queue()
        worker = multiprocessing.Process(target=_run, args=(length, queue))
        worker.start()
        worker.join(args.limit)
        if worker.is_alive():
            worker.terminate()
            worker.join()
            print(f"{length:>6} {'> ' + str(int(args.limit)):>9} {'(stopped)':>12}")
            continue
        print(f"{length:>6}" + "".join(f" {s:>9.3f} {calls:>12,} {chars:>15,} " for s, calls, chars in queue.get()))


if __name__ == "__main__":
    main()
