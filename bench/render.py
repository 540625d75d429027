"""PDF render time: WeasyPrint alone against Agendum's publication pipeline (not a test).

    .venv/bin/python bench/render.py [--runs 7] [--long-runs 3]

For a 5-page and a 50-page document of mixed-language text (English, French, Spanish,
Russian, Arabic, Chinese; headings, lists and a table) it times, interleaved and after one
warm-up run each:

  (a) WeasyPrint alone: ``HTML(string=...).write_pdf()`` on the same HTML the pipeline lays
      out, with WeasyPrint's stock URL fetcher reading pdf.css from disk;
  (b) the pipeline without the broker: ``publication_run`` on a queued Publication — claim
      the row, build the HTML from the template, sanitize the text again, render through
      the static-only URL fetcher, store through Django's storage, SHA-256, mark published.

and prints the median of each and the pipeline's overhead (target: +10% at most), in
wall-clock seconds and in CPU seconds of this process (the fair comparison when other
programs share the machine; it leaves out the pipeline's waits on disk).

With ``--agenda-items 200`` (the default; 0 skips it) it also issues an agenda of that many
items (a fifth top-level, four sub-items each, five documents allocated to each item, four
sessions) and times its publication in the worker (``publication_run``), with the PDF's page
count (issue 15, item 3: 200 items in at most 20 pages and 1.0 s).

It runs on a throwaway SQLite database and media folder in a temporary directory, so it
never touches real data (set BENCH_KEEP=1 to keep the folder and look at the PDFs).
"""

from __future__ import annotations

import argparse
import gc
import os
import shutil
import statistics
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
WORK = Path(tempfile.mkdtemp(prefix="agendum-bench-render-"))
os.environ["AGENDUM_VAR_DIR"] = str(WORK)
os.environ["DATABASE_URL"] = f"sqlite:///{WORK / 'bench.sqlite3'}"
os.environ["CELERY_BROKER_URL"] = "filesystem://"
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
os.environ.setdefault("LOG_LEVEL", "WARNING")

import django  # noqa: E402

django.setup()

import datetime as dt  # noqa: E402

from django.conf import settings  # noqa: E402
from django.contrib.auth import get_user_model  # noqa: E402
from django.core.files.storage import default_storage  # noqa: E402
from django.core.management import call_command  # noqa: E402
from weasyprint import HTML  # noqa: E402

from documents.enums import PublicationState  # noqa: E402
from documents.models import Document, Publication  # noqa: E402
from documents.publishing import publication_run  # noqa: E402
from documents.rendering import STATIC_BASE_URL, render_document, render_document_html  # noqa: E402
from documents.services import document_register, document_update  # noqa: E402
from meetings.models import Body, Meeting  # noqa: E402

PARAGRAPHS = [
    "The Council Working Group on international Internet-related public policy issues is "
    "invited to consider the present proposal and to decide on the inclusion in the agenda of "
    "a new item on the WSIS+20 report on ITU's contribution to the implementation of and "
    "follow-up to the WSIS outcomes and its role in achieving the SDGs.",
    "Le Groupe de travail du Conseil est invité à examiner la présente proposition et à "
    "décider de l'inscription à l'ordre du jour d'un nouveau point relatif au rapport SMSI+20.",
    "Se invita al Grupo de Trabajo del Consejo a examinar la presente propuesta y a decidir "
    "sobre la inclusión en el orden del día de un nuevo punto relativo al informe CMSI+20.",
    "Рабочей группе Совета предлагается рассмотреть настоящее предложение и принять решение о "
    "включении в повестку дня нового пункта, касающегося отчета ВВУИО+20 о вкладе МСЭ.",
    "يُدعى فريق العمل التابع للمجلس إلى النظر في هذا الاقتراح واتخاذ قرار بشأن إدراج بند جديد "
    "في جدول الأعمال يتعلق بتقرير القمة العالمية لمجتمع المعلومات بعد عشرين عاماً.",
    "请理事会工作组审议本提案，并就在议程中增加关于信息社会世界峰会二十周年报告的新议项作出决定，"
    "该报告涉及国际电联对落实和跟进信息社会世界峰会成果的贡献及其在实现可持续发展目标方面的作用。",
]


def mixed_text(paragraphs: int) -> str:
    parts = []
    for n in range(paragraphs):
        if n % 12 == 0:
            parts.append(f"<h2>{n // 12 + 1}\tSection {n // 12 + 1}</h2>")
        if n % 12 == 6:
            parts.append(
                "<ul>"
                + "".join(f"<li>{PARAGRAPHS[(n + k) % 6][:90]}</li>" for k in range(3))
                + "</ul>"
            )
        if n % 24 == 18:
            parts.append(
                "<table><tr><th>Resolution</th><th>Edition</th></tr>"
                "<tr><td>Resolution 102</td><td>Rev. Bucharest, 2022</td></tr>"
                "<tr><td>Resolution 140</td><td>Rev. Bucharest, 2022</td></tr></table>"
            )
        parts.append(f"<p>{n + 1}\t{PARAGRAPHS[n % len(PARAGRAPHS)]}</p>")
    return "".join(parts)


def document_of(meeting: Meeting, pages: int) -> Document:
    """A document whose PDF has exactly ``pages`` pages (calibrated, untimed)."""
    paragraphs = max(4, pages * 9)
    # Services check their actor's permission: the bench acts as an administrator.
    admin = get_user_model().objects.get_or_create(
        username="bench-admin", defaults={"is_superuser": True, "is_staff": True}
    )[0]
    document = document_register(
        actor=admin,
        meeting=meeting,
        title=f"Mixed-language document of {pages} pages",
        source="Russian Federation",
        purpose="decision",
        text=mixed_text(paragraphs),
    )
    for _ in range(12):
        got = render_document(document).pages
        if got == pages:
            return document
        step = max(1, abs(pages - got) * paragraphs // max(got, 1) // 2)
        paragraphs += step if got < pages else -step
        document = document_update(actor=admin, document=document, text=mixed_text(paragraphs))
    raise SystemExit(f"Could not make a {pages}-page document (last try: {got} pages).")


@dataclass
class Runs:
    """Wall-clock and CPU seconds of each timed run. CPU time (this process only) is what
    to compare when other programs share the machine: it does not count waiting for a
    core, though it also leaves out the pipeline's waits on disk (which wall time has)."""

    wall: list[float] = field(default_factory=list)
    cpu: list[float] = field(default_factory=list)

    def add(self, wall: float, cpu: float) -> None:
        self.wall.append(wall)
        self.cpu.append(cpu)


class _Timer:
    def __enter__(self):
        gc.collect()  # the garbage of the previous render is not this one's cost
        self.wall, self.cpu = time.perf_counter(), time.process_time()
        return self

    def __exit__(self, *exc):
        self.wall = time.perf_counter() - self.wall
        self.cpu = time.process_time() - self.cpu


def weasyprint_alone(document: Document, runs: Runs) -> None:
    html = render_document_html(document)
    # Stock WeasyPrint: the stylesheet read from disk by its default fetcher.
    static_dir = (settings.BASE_DIR / "static").as_uri() + "/"
    html = html.replace(STATIC_BASE_URL, static_dir)
    with _Timer() as timer:
        HTML(string=html, base_url=static_dir).write_pdf()
    runs.add(timer.wall, timer.cpu)


def pipeline(document: Document, runs: Runs) -> None:
    Publication.objects.filter(document=document).delete()
    publication = Publication.objects.create(
        document=document, version=document.version, state=PublicationState.QUEUED
    )
    with _Timer() as timer:
        outcome = publication_run(publication_id=publication.pk, token="bench")
    if not outcome.rendered:
        raise SystemExit(f"The pipeline did not publish: {outcome.publication.error}")
    default_storage.delete(outcome.publication.file.name)
    runs.add(timer.wall, timer.cpu)


def measure(document: Document, count: int) -> tuple[Runs, Runs]:
    weasyprint_alone(document, Runs())  # warm-up: fonts, caches
    pipeline(document, Runs())
    alone, piped = Runs(), Runs()
    for n in range(count):
        # Alternate which goes first, so neither always follows the other.
        if n % 2:
            pipeline(document, piped)
            weasyprint_alone(document, alone)
        else:
            weasyprint_alone(document, alone)
            pipeline(document, piped)
    return alone, piped


def agenda_of(meeting: Meeting, items: int) -> Document:
    """Issue an agenda of ``items`` items (untimed) and return its document."""
    from agendas.services import agenda_get_or_create, agenda_issue_revision, agenda_item_add
    from meetings.models import Session

    admin = get_user_model().objects.get_or_create(
        username="bench-admin", defaults={"is_superuser": True, "is_staff": True}
    )[0]
    sessions = [
        Session.objects.create(
            meeting=meeting,
            date=meeting.start_date + dt.timedelta(days=n // 2),
            start_time=dt.time(9, 30) if n % 2 == 0 else dt.time(14, 30),
            end_time=dt.time(12, 30) if n % 2 == 0 else dt.time(17, 30),
            room="Popov Room",
        )
        for n in range(4)
    ]
    agenda = agenda_get_or_create(meeting=meeting, user=admin)
    documents = [
        document_register(
            actor=admin,
            meeting=meeting,
            title=f"Contribution {n} on international Internet-related public policy issues",
            source="Secretary-General",
        )
        for n in range(items * 5)
    ]
    made = 0
    top = None
    while made < items:
        session = sessions[made * len(sessions) // items]
        kwargs = {"agenda": agenda, "actor": admin, "session": session}
        docs = documents[made * 5 : made * 5 + 5]
        if made % 5 == 0:
            top = agenda_item_add(title=f"Item {made} on WSIS+20", documents=docs, **kwargs)
        else:
            agenda_item_add(title=f"Sub-item {made}", parent=top, documents=docs, **kwargs)
        made += 1
    return agenda_issue_revision(agenda=agenda, user=admin).document


def agenda_pdf(meeting: Meeting, items: int, count: int) -> None:
    document = agenda_of(meeting, items)
    pipeline(document, Runs())  # warm-up
    runs = Runs()
    for _ in range(count):
        pipeline(document, runs)
    pages = render_document(document).pages
    wall, cpu = statistics.median(runs.wall), statistics.median(runs.cpu)
    verdict = "within target" if pages <= 20 and wall <= 1.0 else "OVER target"
    print(
        f"Agenda of {items} items, PDF in the worker: {pages} pages, median {wall:.3f} s wall, "
        f"{cpu:.3f} s CPU over {count} runs (target <= 20 pages, <= 1.0 s): {verdict}."
    )


def _runs(values: list[float]) -> str:
    return " ".join(f"{v:.3f}" for v in sorted(values))


def _overhead(alone: list[float], piped: list[float]) -> float:
    return (statistics.median(piped) - statistics.median(alone)) / statistics.median(alone) * 100


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=7, help="timed runs of the 5-page document")
    parser.add_argument("--long-runs", type=int, default=3, help="timed runs of the 50-page one")
    parser.add_argument("--pages", default="5,50", help="document sizes, e.g. 5 or 5,50")
    parser.add_argument("--agenda-items", type=int, default=200, help="0: no agenda case")
    parser.add_argument("--agenda-runs", type=int, default=3)
    args = parser.parse_args()

    call_command("prepare_var", verbosity=0)  # settings make no folder
    call_command("migrate", verbosity=0)
    body = Body.objects.create(
        acronym="CWG-Internet",
        name="Council Working Group on international Internet-related public policy issues",
        slug="cwg-internet",
        symbol_prefix="CWG-Internet",
    )
    meeting = Meeting.objects.create(
        body=body,
        number=21,
        start_date=dt.date(2025, 2, 10),
        end_date=dt.date(2025, 2, 11),
        venue="ITU Headquarters, Geneva",
    )
    load = os.getloadavg()[0]
    print(
        f"Agendum PDF render benchmark ({WORK}); load average {load:.2f} on {os.cpu_count()} CPUs"
    )
    if load > 0.8 * (os.cpu_count() or 1):
        print("The machine is busy: wall-clock figures are noisy, compare the CPU columns.")
    print("Medians of the runs, in seconds.")
    print(
        f"{'document':<9} {'runs':>4} | {'wall: alone':>11} {'pipeline':>9} {'overhead':>9} "
        f"| {'CPU: alone':>10} {'pipeline':>9} {'overhead':>9}"
    )
    worst_wall = worst_cpu = 0.0
    details = []
    if args.agenda_items:
        agenda_pdf(meeting, args.agenda_items, args.agenda_runs)
    for pages in (int(p) for p in args.pages.split(",") if p):
        count = args.runs if pages < 20 else args.long_runs
        document = document_of(meeting, pages)
        alone, piped = measure(document, count)
        wall, cpu = _overhead(alone.wall, piped.wall), _overhead(alone.cpu, piped.cpu)
        worst_wall, worst_cpu = max(worst_wall, wall), max(worst_cpu, cpu)
        print(
            f"{pages:>2} pages  {count:>4} | {statistics.median(alone.wall):>11.3f} "
            f"{statistics.median(piped.wall):>9.3f} {wall:>+8.1f}% "
            f"| {statistics.median(alone.cpu):>10.3f} {statistics.median(piped.cpu):>9.3f} "
            f"{cpu:>+8.1f}%"
        )
        details += [
            f"  {pages} pages, WeasyPrint alone, wall: {_runs(alone.wall)}",
            f"  {pages} pages, pipeline,         wall: {_runs(piped.wall)}",
            f"  {pages} pages, WeasyPrint alone, CPU:  {_runs(alone.cpu)}",
            f"  {pages} pages, pipeline,         CPU:  {_runs(piped.cpu)}",
        ]
    print("Every run, sorted:")
    print("\n".join(details))
    for name, worst in (("wall-clock", worst_wall), ("CPU", worst_cpu)):
        verdict = "within target" if worst <= 10 else "OVER target"
        print(f"Target (pipeline at most +10%), {name}: worst {worst:+.1f}%, {verdict}.")
    if os.environ.get("BENCH_KEEP") != "1":
        shutil.rmtree(WORK, ignore_errors=True)
    return 0 if worst_wall <= 10 else 1


if __name__ == "__main__":
    sys.exit(main())
