"""Benchmark of the citation extractor (not a test).

    .venv/bin/python bench/references.py [--mb 5] [--runs 3]

Builds a mixed-language text (English, French, Spanish, Russian, Arabic and Chinese
paragraphs of council minutes, reports and contributions, a citation every few lines, with
near misses: agenda codes, years, amounts, standards) of 1 MB and of ``--mb`` MB, and times
``extract_references`` on each. Prints MB/s and citations found for both sizes: the two
rates must be about the same (the extractor is linear), and one pathological input (long
runs of digits, slashes, and "Resolutions 1, 1, 1, ...") must run at a similar rate.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from documents.references import extract_references

PARAGRAPHS = [
    "The Council took note of Documents C{s}/{n} to {m} and C{s}/INF/{n}(Rev.1), and of "
    "Resolutions {r}, {r2} and {r3} (Rev. Dubai, 2018). Agenda item PL {n}.{n2}; room C2.",
    "The Group considered contributions {n}, {n2} and {m} of CWG-WCIT12 and "
    "WG-Internet {n}/{n2}-E, "
    "with reference to General Assembly resolution 70/{r} and A/{s}/{r}.",
    "Le Conseil a examiné le Document C{s}/{n} et la Résolution {r} (Rév. Dubaï, 2018) "
    "ainsi que la Décision {d} du Conseil; montant de CHF 2 300 000 en 2019.",
    "El Consejo examinó el Documento C{s}/{n} y la Resolución {r} (Rev. Dubái, 2018), "
    "conforme a ISO/IEC 27001 y a la cláusula {n}.{n2}.",
    "Совет рассмотрел Документ С{s}/{n} и Резолюцию {r} (Пересм. Дубай, 2018 г.) "
    "в {year} году; пункт {n}.{n2} повестки дня.",
    "نظر المجلس في الوثيقة C{s}/{n} وفي القرار {r} (المراجَع في دبي، 2018) لعام {year}.",
    "理事会审议了C{s}/{n}号文件和第{r}号决议（2018年，迪拜，修订版），议程项目{n}.{n2}。",
    "Council Decision {d}; Decision {d2}; R {rc} and D {d}; E/{year}/{n}-E/CN.16/{year}/{n2}; "
    "C{s}/{n}C{s}/{m} glued; TDAG-09/0{n}; Resolution {r} of the 2014 Plenipotentiary Conference.",
    "Nothing here is a citation: the meeting of {year} lasted {n} days, 24/7 support, "
    "a 2/3 majority, Article {n}.{n2}, COVID-19 measures and USD 1,500 per delegate.",
]


def make_text(size: int, rng: random.Random) -> str:
    parts, length = [], 0
    while length < size:
        n = rng.randrange(1, 90)
        p = rng.choice(PARAGRAPHS).format(
            s=rng.randrange(10, 26),
            n=n,
            n2=rng.randrange(1, 9),
            m=n + rng.randrange(1, 4),
            r=rng.randrange(1, 200),
            r2=rng.randrange(1, 200),
            r3=rng.randrange(1, 200),
            d=rng.randrange(500, 640),
            d2=rng.randrange(500, 640),
            rc=rng.randrange(1000, 1420),
            year=rng.randrange(1995, 2026),
        )
        parts.append(p)
        length += len(p) + 1
    return "\n".join(parts)[:size]


def hostile(size: int) -> str:
    unit = "1/" * 50 + "Resolutions " + "1, " * 60 + "C24/" * 30 + "(Rev. " * 20 + "\n"
    return (unit * (size // len(unit) + 1))[:size]


def measure(text: str, runs: int) -> tuple[float, int]:
    best, found = float("inf"), 0
    for _ in range(runs):
        start = time.perf_counter()
        found = len(extract_references(text))
        best = min(best, time.perf_counter() - start)
    return len(text.encode()) / 1e6 / best, found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--mb", type=float, default=5.0)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    rng = random.Random(8)
    for label, text in [
        ("mixed 1 MB", make_text(1_000_000, rng)),
        (f"mixed {args.mb:g} MB", make_text(int(args.mb * 1_000_000), rng)),
        ("hostile 1 MB", hostile(1_000_000)),
    ]:
        rate, found = measure(text, args.runs)
        size = len(text.encode()) / 1e6
        print(f"{label:>16}: {size:6.2f} MB (UTF-8), {rate:6.2f} MB/s, {found} citations")


if __name__ == "__main__":
    main()
