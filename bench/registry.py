"""Benchmark of the document registry with 100,000 documents (not a test).

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/agendum_bench .venv/bin/python bench/registry.py

Migrates the database, loads 100,000 documents once with COPY (realistic titles and texts
built from a vocabulary, about a third citing other documents or resolutions, a tenth
restricted, some revisions), runs ANALYZE, then times real requests through Django's test
client against the real views and templates: the registry's first page, a page deep in
the list, filtered pages, a meeting's list, searches (common and rare words, a phrase, a
word with a filter, as a member who also sees restricted documents) and a document page.
Prints the median, the 90th percentile and the rows found of each, and the plan of a search
(to show the GIN index at work). Target: median <= 50 ms.

Run it again and it reuses the loaded documents. ``--documents N`` loads another size into
an empty database; ``--runs N`` sets the timed runs per case (default 15).
"""

from __future__ import annotations

import argparse
import io
import os
import random
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
os.environ.setdefault("AGENDUM_VAR_DIR", str(ROOT / "var" / "bench"))
os.environ.setdefault("LOG_LEVEL", "WARNING")

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.contrib.auth import get_user_model  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection, transaction  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import setup_test_environment  # noqa: E402

from documents.models import Document, Instrument, SymbolCounter  # noqa: E402
from documents.references import extract_references  # noqa: E402
from documents.services import instrument_register  # noqa: E402
from documents.text import html_to_text, plain_to_html  # noqa: E402
from meetings.enums import Role  # noqa: E402
from meetings.models import Body, Meeting, Membership  # noqa: E402

TARGET_MS = 50.0
BODIES = [
    # acronym, prefix, joiner, slug, name
    (
        "CWG-Internet",
        "CWG-Internet",
        "-",
        "cwg-internet",
        "international Internet-related public policy issues",
    ),
    ("CWG-WSIS&SDG", "CWG-WSIS&SDG", "-", "cwg-wsis-sdg", "WSIS and the SDGs"),
    ("CWG-FHR", "CWG-FHR", "-", "cwg-fhr", "financial and human resources"),
    ("CWG-COP", "CWG-COP", "-", "cwg-cop", "child online protection"),
    ("CWG-LANG", "CWG-LANG", "-", "cwg-lang", "the use of the six official languages"),
    ("CWG-SFP", "CWG-SFP", "-", "cwg-sfp", "the strategic and financial plans"),
    ("EG-ITRs", "EG-ITRs", "-", "eg-itrs", "the International Telecommunication Regulations"),
    ("Council", "C", "", "council", "the ITU Council"),
]
MEETINGS_PER_BODY = 40
FIRST_MEETING = 10
STATES = [
    "Russian Federation",
    "Brazil",
    "Kenya",
    "India",
    "Saudi Arabia",
    "China",
    "United States",
    "Germany",
    "Egypt",
    "Switzerland",
    "France",
    "Japan",
    "Mexico",
    "Nigeria",
    "Indonesia",
    "Argentina",
    "Canada",
    "Australia",
    "South Africa",
    "Türkiye",
    "Iran (Islamic Republic of)",
    "United Arab Emirates",
    "Republic of Korea",
    "Senegal",
    "Poland",
    "Paraguay",
]
TOPICS = [
    "meaningful connectivity",
    "Internet exchange points",
    "the digital divide",
    "cybersecurity capacity building",
    "child online protection",
    "artificial intelligence",
    "the WSIS+20 review",
    "the Sustainable Development Goals",
    "Internet governance",
    "domain names and addresses",
    "multilingualism on the Internet",
    "satellite broadband",
    "spectrum management",
    "emergency telecommunications",
    "e-waste and the circular economy",
    "digital public infrastructure",
    "the Internet of Things",
    "quantum communications",
    "financial sustainability of the Union",
    "gender equality in ICTs",
    "youth and digital skills",
    "the strategic plan for 2028-2031",
    "accessibility of ICTs",
    "misinformation online",
    "data protection and privacy",
    "the Global Digital Compact",
    "submarine cables",
    "international mobile roaming",
    "numbering resources",
    "counterfeit ICT devices",
    "smart sustainable cities",
    "rural broadband",
    "cloud computing",
    "open source software",
    "digital financial services",
    "the Partner2Connect Digital Coalition",
    "school connectivity",
    "climate change and ICTs",
    "conformance and interoperability",
    "IPv6 deployment",
]
SENTENCES = [
    "The Group is invited to take note of this document and to consider {topic}.",
    "{state} proposes that the Group study {topic} at its next meeting.",
    "This contribution describes national experience with {topic} and {topic2}.",
    "The Secretariat has prepared a summary of the responses on {topic}.",
    "Member States are encouraged to share their policies on {topic}.",
    "Further work on {topic} should take into account the needs of developing countries.",
    "The report presents the activities of the three Sectors related to {topic}.",
    "In accordance with {instrument}, the Secretary-General reports on {topic}.",
    "As noted in Document {cited}, progress on {topic} remains uneven across regions.",
    "See Documents {cited} and {cited2} for the background on {topic2}.",
    "The open consultation received many responses on {topic} from all stakeholders.",
    "Capacity building, affordability and local content are essential for {topic}.",
]
INSTRUMENTS = [
    "Resolution 102 (Rev. Bucharest, 2022)",
    "Resolution 140 (Rev. Bucharest, 2022)",
    "Council Resolution 1305 (2009)",
    "Resolution 130 (Rev. Bucharest, 2022)",
    "Resolution 179 (Rev. Bucharest, 2022)",
]
KINDS = [
    ("contribution", "Contribution from {state}: Proposals on {topic}"),
    ("report", "Report by the Secretary-General on {topic}"),
    ("information", "Information on {topic}"),
    ("report", "Report of the Chair on {topic}"),
    ("other", "Summary of the open consultation on {topic}"),
]
LANGS = [",en,", ",en,", ",en,ru,", ",ar,en,", ",en,fr,es,", ",ar,zh,en,fr,ru,es,"]

COLUMNS = (
    "body_id, meeting_id, series, number, parent_id, suffix_kind, suffix_number, symbol, "
    "title, source, doc_type, purpose, date, original_language, languages, access, status, "
    "text, file, search_text, version, created_at, updated_at"
)


def log(message: str) -> None:
    print(message, flush=True)


# ---------------------------------------------------------------------------------- load


def _admin():
    """Services check their actor's permission: the set-up acts as an administrator."""
    User = get_user_model()
    return User.objects.get_or_create(
        username="bench-admin", defaults={"is_superuser": True, "is_staff": True}
    )[0]


def ensure_structure() -> list[Meeting]:
    import datetime as dt

    meetings = []
    for i, (acronym, prefix, joiner, slug, subject) in enumerate(BODIES):
        body, _ = Body.objects.get_or_create(
            acronym=acronym,
            defaults={
                "name": f"Council Working Group on {subject}",
                "slug": slug,
                "symbol_prefix": prefix,
                "symbol_joiner": joiner,
            },
        )
        # From 10: Council symbols take two digits (C10/1; "C9/1" is not a symbol).
        for number in range(FIRST_MEETING, FIRST_MEETING + MEETINGS_PER_BODY):
            start = dt.date(2005, 1, 10) + dt.timedelta(days=(number - 10) * 140 + i * 9)
            meeting, _ = Meeting.objects.get_or_create(
                body=body,
                number=number,
                defaults={"start_date": start, "end_date": start + dt.timedelta(days=1)},
            )
            meetings.append(meeting)
    for key in INSTRUMENTS:
        full = key if key.startswith("Council") else f"PP {key}"
        instrument_register(actor=_admin(), kind="resolution", key=full, title=f"Title of {full}")
    return meetings


# French and Spanish words of the language versions (a third of the documents have both).
VERSION_WORDS = {
    "fr": (
        "Proposition sur",
        [
            "gouvernance",
            "internet",
            "cybersécurité",
            "connectivité",
            "numérique",
            "réseaux",
            "accessibilité",
            "développement",
            "infrastructure",
            "confiance",
        ],
    ),
    "es": (
        "Propuesta sobre",
        [
            "gobernanza",
            "internet",
            "ciberseguridad",
            "conectividad",
            "digital",
            "redes",
            "accesibilidad",
            "desarrollo",
            "infraestructura",
            "confianza",
        ],
    ),
}


def _copy_value(value) -> str:
    if value is None:
        return "\\N"
    text = str(value)
    return text.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r")


def load_documents(total: int, meetings: list[Meeting]) -> None:
    """Build ``total`` documents in memory and COPY them in, with their references."""
    import datetime as dt

    rng = random.Random(20261129)
    per_meeting = total // len(meetings)
    rows: list[str] = []
    texts: dict[str, str] = {}
    symbols_by_meeting: dict[int, list[str]] = {}
    counters: dict[tuple[int, str], int] = {}
    versions: list[tuple[str, str, str, str]] = []
    now = "2026-11-29 12:00:00+00"
    made = 0
    for m_index, meeting in enumerate(meetings):
        count = per_meeting + (1 if m_index < total - per_meeting * len(meetings) else 0)
        earlier = symbols_by_meeting.get(m_index - 1, [])
        mine: list[str] = []
        for _ in range(count):
            series = "INF" if rng.random() < 0.08 else ""
            number = counters.get((meeting.pk, series), 0) + 1
            counters[(meeting.pk, series)] = number
            symbol = f"{meeting.symbol_stem}/{series + '/' if series else ''}{number}"
            doc_type, pattern = rng.choice(KINDS)
            state = rng.choice(STATES)
            topic, topic2 = rng.sample(TOPICS, 2)
            title = pattern.format(state=state, topic=topic)
            title = title[0].upper() + title[1:]
            source = (
                state
                if doc_type == "contribution"
                else rng.choice(["Secretary-General", "Secretariat", "Chair"])
            )
            pool = mine[-30:] + earlier[-30:]
            sentences = []
            for _ in range(rng.randint(4, 8)):
                template = rng.choice(SENTENCES)
                if "{cited" in template and len(pool) < 2:
                    continue
                cited, cited2 = rng.sample(pool, 2) if len(pool) >= 2 else ("", "")
                sentences.append(
                    template.format(
                        topic=rng.choice([topic, topic2]),
                        topic2=topic2,
                        state=rng.choice(STATES),
                        instrument=rng.choice(INSTRUMENTS),
                        cited=cited,
                        cited2=cited2,
                    )
                )
            plain = " ".join(sentences[:3]) + "\n\n" + " ".join(sentences[3:])
            html = plain_to_html(plain)
            texts[symbol] = html
            date = meeting.start_date - dt.timedelta(days=rng.randint(0, 40))
            access = "restricted" if rng.random() < 0.1 else "public"
            search_text = "\n".join([symbol, title, source, html_to_text(html)])
            languages = rng.choice(LANGS)
            if rng.random() < 1 / 3:
                # Two language versions on a third of the documents, their words searched.
                for code, (lead, words) in VERSION_WORDS.items():
                    v_title = f"{lead} {rng.choice(words)} ({state})"
                    v_text = " ".join(rng.sample(words, 3)) + "."
                    versions.append((symbol, code, v_title, v_text))
                    search_text += f"\n{v_title}\n{v_text}"
                languages = ",en,es,fr,"
            rows.append(
                "\t".join(
                    _copy_value(v)
                    for v in (
                        meeting.body_id,
                        meeting.pk,
                        series,
                        number,
                        None,
                        "",
                        None,
                        symbol,
                        title,
                        source,
                        doc_type,
                        "",
                        date.isoformat(),
                        "en",
                        languages,
                        access,
                        "issued",
                        html,
                        "",
                        search_text,
                        1,
                        now,
                        now,
                    )
                )
            )
            mine.append(symbol)
            made += 1
        symbols_by_meeting[m_index] = mine
        symbols_by_meeting.pop(m_index - 2, None)
    log(f"  built {made:,} documents in memory; copying…")

    raw = connection.connection
    with (
        raw.cursor() as cursor,
        cursor.copy(f"COPY documents_document ({COLUMNS}) FROM STDIN") as copy,
    ):
        buffer = io.StringIO()
        for i, row in enumerate(rows, start=1):
            buffer.write(row + "\n")
            if i % 5000 == 0:
                copy.write(buffer.getvalue())
                buffer = io.StringIO()
        copy.write(buffer.getvalue())
    log("  documents copied; revisions, references and counters…")

    ids = dict(Document.objects.values_list("symbol", "pk"))
    # Revisions: 3 % of the documents get a Rev.1 (a copy of the base with a new symbol).
    revisions = [s for s in ids if rng.random() < 0.03]
    with connection.cursor() as cursor:
        cursor.execute(
            f"""INSERT INTO documents_document ({COLUMNS})
            SELECT body_id, meeting_id, series, number, id, 'Rev', 1, symbol || '(Rev.1)',
                   title, source, doc_type, purpose, date + 3, original_language, languages,
                   access, status, text, file, search_text, version, created_at, updated_at
            FROM documents_document WHERE symbol = ANY(%s)""",
            [revisions],
        )
    instruments = dict(Instrument.objects.values_list("key", "pk"))
    refs = io.StringIO()
    ref_count = 0
    for symbol, html in texts.items():
        for citation in extract_references(html_to_text(html)):
            target = ids.get(citation.key) if citation.kind == "document" else None
            refs.write(
                "\t".join(
                    _copy_value(v)
                    for v in (
                        ids[symbol],
                        citation.kind,
                        citation.key,
                        citation.text[:300],
                        citation.start,
                        citation.end,
                        target,
                        instruments.get(citation.key),
                    )
                )
                + "\n"
            )
            ref_count += 1
    with (
        raw.cursor() as cursor,
        cursor.copy(
            'COPY documents_reference (source_id, kind, key, text, start, "end", target_id, '
            "instrument_id) FROM STDIN"
        ) as copy,
    ):
        copy.write(refs.getvalue())
    SymbolCounter.objects.bulk_create(
        [
            SymbolCounter(meeting_id=meeting_id, series=series, last_number=last)
            for (meeting_id, series), last in counters.items()
        ],
        update_conflicts=True,
        unique_fields=["meeting", "series"],
        update_fields=["last_number"],
    )
    with (
        raw.cursor() as cursor,
        cursor.copy(
            "COPY documents_documentversion (document_id, language, title, text, file, status, "
            "updated_at) FROM STDIN"
        ) as copy,
    ):
        copy.write(
            "".join(
                "\t".join(
                    _copy_value(v)
                    for v in (ids[symbol], code, title, f"<p>{text}</p>", "", "available", now)
                )
                + "\n"
                for symbol, code, title, text in versions
            )
        )
    log(f"  {len(revisions):,} revisions, {ref_count:,} references, {len(versions):,} versions")


def ensure_data(total: int) -> None:
    existing = Document.objects.count()
    if existing >= total:
        log(f"Reusing the {existing:,} documents already loaded.")
        return
    if existing:
        sys.exit(
            f"The database holds {existing:,} documents, fewer than {total:,}: use an empty "
            "database (or the one this script loaded before)."
        )
    started = time.perf_counter()
    log(f"Loading {total:,} documents…")
    with transaction.atomic():
        meetings = ensure_structure()
        load_documents(total, meetings)
    log(f"Loaded in {time.perf_counter() - started:.1f} s.")
    started = time.perf_counter()
    with connection.cursor() as cursor:
        cursor.execute("VACUUM (ANALYZE) documents_document")
        cursor.execute("VACUUM (ANALYZE) documents_reference")
    log(f"VACUUM ANALYZE in {time.perf_counter() - started:.1f} s.")


# -------------------------------------------------------------------------------- timing


def member_client() -> Client:
    User = get_user_model()
    user, _ = User.objects.get_or_create(username="bench-delegate")
    body = Body.objects.get(acronym="CWG-Internet")
    from meetings.models import MemberState

    state, _ = MemberState.objects.get_or_create(name="Brazil", defaults={"iso_code": "BRA"})
    Membership.objects.get_or_create(
        user=user, body=body, role=Role.DELEGATE, defaults={"member_state": state}
    )
    client = Client()
    client.force_login(user)
    return client


def time_case(client: Client, url: str, runs: int) -> tuple[float, float, float, int, int]:
    """Median and 90th percentile of the wall-clock time, median of this process's CPU time
    (ms; the database's own work is not in it), the status and the rows shown."""
    for _ in range(2):
        response = client.get(url)
    times, cpu = [], []
    for _ in range(runs):
        started, started_cpu = time.perf_counter(), time.process_time()
        response = client.get(url)
        times.append((time.perf_counter() - started) * 1000)
        cpu.append((time.process_time() - started_cpu) * 1000)
    rows = response.content.decode().count('<a class="symbol" href=')
    times.sort()
    return (
        statistics.median(times),
        times[int(len(times) * 0.9) - 1],
        statistics.median(cpu),
        response.status_code,
        rows,
    )


def load_average() -> str:
    one, five, _ = os.getloadavg()
    return f"load average {one:.2f} (1 min), {five:.2f} (5 min) on {os.cpu_count()} CPUs"


def deep_cursor(client: Client) -> str:
    """The "Older" link of a page 2,000 documents into the list."""
    middle = Document.objects.order_by("-date", "-pk").values_list("date", "pk")[2000]
    return f"/documents/?after={middle[0].isoformat()}.{middle[1]}"


def explain(query: str) -> list[str]:
    """EXPLAIN ANALYZE of the queries the registry runs for a search (as the public)."""
    from django.contrib.auth.models import AnonymousUser
    from django.test.utils import CaptureQueriesContext

    from documents.registry import RegistryQuery, registry_page

    with CaptureQueriesContext(connection) as captured:
        registry_page(user=AnonymousUser(), query=RegistryQuery(q=query))
    lines = []
    number = 0
    # In one transaction, with the planner settings the registry sets (SET, RESET) applied
    # as it applies them, so each plan shown is the plan the page ran.
    with transaction.atomic(), connection.cursor() as cursor:
        for executed in captured.captured_queries:
            sql = executed["sql"]
            if sql.startswith(("BEGIN", "COMMIT", "SAVEPOINT", "RELEASE SAVEPOINT")):
                continue
            if sql.startswith(("SET ", "RESET ")):
                cursor.execute(sql)
                continue
            number += 1
            cursor.execute("EXPLAIN (ANALYZE, TIMING OFF) " + sql)
            lines += [f"query {number}: {sql[:90]}…"]
            lines += ["    " + row[0] for row in cursor.fetchall()]
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--documents", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()
    if connection.vendor != "postgresql":
        sys.exit("Set DATABASE_URL to a PostgreSQL database, e.g. postgres://…/agendum_bench.")
    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "testserver"]
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
    setup_test_environment()
    call_command("prepare_var", verbosity=0)  # settings make no folder
    call_command("migrate", verbosity=0)
    ensure_data(args.documents)

    public = Client()
    member = member_client()
    internet = Body.objects.get(acronym="CWG-Internet")
    meeting = Meeting.objects.get(body=internet, number=FIRST_MEETING + MEETINGS_PER_BODY // 2)
    cited = (
        Document.objects.filter(cited_by__isnull=False, access="public", parent__isnull=True)
        .order_by("pk")
        .first()
    )
    cases = [
        # The floor: Django, the middleware and base.html around a small form.
        ("yardstick: the login page", public, "/accounts/login/"),
        ("list, first page", public, "/documents/"),
        ("list, 2,000 documents deep", public, deep_cursor(public)),
        ("list, first page, member", member, "/documents/"),
        ("filter: body + type", public, "/documents/?body=cwg-internet&type=contribution"),
        (
            "filter: language + dates",
            public,
            "/documents/?language=ru&date_from=2010-01-01&date_to=2012-12-31",
        ),
        ("filter: source", public, "/documents/?source=Kenya"),
        ("filter: meeting", public, f"/documents/?meeting={meeting.pk}"),
        ("search: common word", public, "/documents/?q=connectivity"),
        ("search: two words", public, "/documents/?q=submarine+cables"),
        ("search: rare phrase", public, "/documents/?q=%22quantum+communications%22+Kenya"),
        ("search: word + body", public, "/documents/?q=cybersecurity&body=council"),
        ("search: very common word", public, "/documents/?q=group"),
        ("search: common word, member", member, "/documents/?q=broadband"),
        ("search: word of a French version", public, "/documents/?q=gouvernance"),
        ("search: French inflected form", public, "/documents/?q=gouvernances"),
        ("search: word of a Spanish version", public, "/documents/?q=ciberseguridad"),
        ("search: symbol (redirect)", public, f"/documents/?q={cited.symbol}"),
        ("document page", member, cited.get_absolute_url()),
    ]
    total = Document.objects.count()
    log(
        f"\nRegistry with {total:,} documents; {args.runs} timed runs per case (after 2 warm-up "
        f"runs), through Django's test client (middleware, view, template).\n"
    )
    log(f"Before: {load_average()}.")
    header = (
        f"{'case':<32} {'median ms':>10} {'p90 ms':>8} {'cpu ms':>7} {'rows':>5} {'status':>6}"
        "  target"
    )
    log(header)
    log("-" * len(header))
    worst = 0.0
    for name, client, url in cases:
        median, p90, cpu, status, rows = time_case(client, url, args.runs)
        if not name.startswith("yardstick"):
            worst = max(worst, median)
        ok = "ok" if median <= TARGET_MS else "SLOW"
        log(f"{name:<32} {median:>10.1f} {p90:>8.1f} {cpu:>7.1f} {rows:>5} {status:>6}  {ok}")
    log(f"After: {load_average()}.")
    log(f"\nSlowest median: {worst:.1f} ms (target {TARGET_MS:.0f} ms).")
    for words in ("quantum communications", "connectivity"):
        log(f"\nPlans of the queries of a search for {words!r} (count, page ids, rows):")
        for line in explain(words):
            if line.startswith("query") or any(
                word in line for word in ("Index", "Scan", "Limit", "Sort", "Execution")
            ):
                log("  " + line.rstrip())


if __name__ == "__main__":
    main()
