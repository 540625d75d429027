"""The registry as a reader sees it: the list, its filters, search and pages, a document's
page with its text, citations both ways, revisions and listings, and restricted documents
that do not exist for outsiders."""

from __future__ import annotations

import datetime as dt
import re
from html import unescape

import pytest
from django.db import connection
from django.urls import reverse

from documents import registry, services
from documents.enums import Access, DocumentType, SuffixKind
from documents.models import Reference
from meetings.enums import MeetingIdentity
from tests.conftest import ROLE_NAMES
from tests.factories.documents import DocumentFactory, InstrumentFactory, derive
from tests.factories.meetings import MeetingFactory, registrar

LIST = "/documents/"
READERS_OF_RESTRICTED = {"delegate", "secretariat", "chair", "vice_chair", "superuser"}


def page_text(response) -> str:
    """The page as a person reads it: tags removed, entities decoded, spaces collapsed."""
    html = response.content.decode()
    html = re.sub(r"<(script|style)\b.*?</\1>", " ", html, flags=re.S)
    # Inline elements do not separate words; the others do.
    html = re.sub(r"</?(a|span|strong|em|b|i|small|abbr|code)\b[^>]*>", "", html)
    return re.sub(r"\s+", " ", unescape(re.sub(r"<[^>]+>", " ", html))).strip()


def listed_symbols(response) -> list[str]:
    """The symbols of the result table, in order."""
    html = response.content.decode()
    table = html.split('data-testid="documents"', 1)
    if len(table) == 1:
        return []
    return [
        unescape(s) for s in re.findall(r'<a class="symbol" href="[^"]*">([^<]+)</a>', table[1])
    ]


# --------------------------------------------------------------------------------- listing


def test_registry_lists_documents_newest_first(client, meeting):
    DocumentFactory(meeting=meeting, title="Old report", date=dt.date(2025, 1, 5))
    DocumentFactory(
        meeting=meeting, title="Newest contribution", source="Brazil", date=dt.date(2025, 3, 1)
    )
    DocumentFactory(meeting=meeting, title="Middle one", date=dt.date(2025, 2, 1))
    response = client.get(LIST)
    assert listed_symbols(response) == [
        "CWG-Internet-21/2",
        "CWG-Internet-21/3",
        "CWG-Internet-21/1",
    ]
    text = page_text(response)
    assert "Newest contribution" in text
    assert "Brazil" in text
    assert "3 documents, newest first." in text


def test_empty_registry_says_what_to_do(client_for, meeting):
    assert "No documents have been registered yet." in page_text(client_for("anonymous").get(LIST))
    text = page_text(client_for("secretariat").get(LIST))
    assert "Use “Register a document” to register the first one." in text


@pytest.fixture
def varied(meeting, meeting42, council25):
    """Documents that differ in body, meeting, type, source, language and date."""
    return {
        "ru": DocumentFactory(
            meeting=meeting,
            title="Proposals on the future work of the Group",
            source="Russian Federation",
            original_language="ru",
            languages=["en", "ru"],
            date=dt.date(2025, 1, 10),
        ),
        "report": DocumentFactory(
            meeting=meeting42,
            title="Report on WSIS activities",
            source="Secretary-General",
            doc_type=DocumentType.REPORT,
            languages=["ar", "zh", "en", "fr", "ru", "es"],
            date=dt.date(2025, 2, 1),
        ),
        "council": DocumentFactory(
            meeting=council25,
            title="Draft agenda of Council",
            source="Secretary-General",
            doc_type=DocumentType.AGENDA,
            date=dt.date(2025, 5, 2),
        ),
        "inf": DocumentFactory(
            meeting=council25,
            series="INF",
            title="List of participants",
            source="Secretariat",
            doc_type=DocumentType.INFORMATION,
            date=dt.date(2025, 6, 17),
        ),
    }


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"body": "cwg-wsis-sdg"}, ["report"]),
        ({"type": "report"}, ["report"]),
        ({"type": "information"}, ["inf"]),
        ({"source": "secretary-general"}, ["council", "report"]),
        ({"source": "Russian"}, ["ru"]),
        ({"language": "ru"}, ["report", "ru"]),
        ({"language": "fr"}, ["report"]),
        ({"date_from": "2025-02-01"}, ["inf", "council", "report"]),
        ({"date_to": "2025-01-31"}, ["ru"]),
        ({"date_from": "2025-01-15", "date_to": "2025-05-31"}, ["council", "report"]),
        ({"body": "council", "type": "agenda"}, ["council"]),
    ],
)
def test_filters_narrow_the_list(client, varied, params, expected):
    response = client.get(LIST, params)
    assert listed_symbols(response) == [varied[name].symbol for name in expected]
    assert "match the filters" in page_text(response)


def test_meeting_filter_takes_the_meeting_from_the_list(client, varied, council25):
    response = client.get(LIST, {"meeting": council25.pk})
    assert listed_symbols(response) == ["C25/INF/1", "C25/1"]


def test_meeting_filter_names_meetings_as_their_symbols_do(client, council25):
    """Council 2025 is C25 in its documents' symbols, and so in the filter, not C2025."""
    year = MeetingFactory(
        body=council25.body,
        number=2026,
        identity_kind=MeetingIdentity.YEAR,
        start_date=dt.date(2026, 6, 9),
        end_date=dt.date(2026, 6, 19),
    )
    html = client.get(LIST).content.decode()
    assert f'<option value="{year.pk}">C26 (Jun 2026)</option>' in html
    assert f'<option value="{council25.pk}">C25 (Jun 2025)</option>' in html
    assert "C2026" not in html


def test_filters_that_match_nothing_say_so(client, varied):
    response = client.get(LIST, {"type": "agenda", "body": "cwg-internet"})
    assert "No document matches these filters." in page_text(response)


def test_a_period_ending_before_it_starts_is_explained(client, varied):
    response = client.get(LIST, {"date_from": "2025-05-01", "date_to": "2025-01-01"})
    assert "The end of the period is before its start." in page_text(response)


def test_a_bad_filter_is_explained_and_the_others_still_apply(client, varied):
    response = client.get(LIST, {"date_from": "yesterday", "type": "report"})
    assert "Enter a valid date." in page_text(response)
    assert listed_symbols(response) == [varied["report"].symbol]


def test_meeting_list_shows_documents_listed_from_another_body_marked(client, meeting, meeting42):
    own = DocumentFactory(meeting=meeting, title="Draft agenda of the 21st meeting")
    outline = DocumentFactory(meeting=meeting42, title="Draft outline WSIS+20 Report")
    services.document_list_for_meeting(actor=registrar(), document=outline, meeting=meeting)
    DocumentFactory(meeting=meeting42, title="Not listed anywhere else")

    response = client.get(LIST, {"meeting": meeting.pk})
    assert set(listed_symbols(response)) == {own.symbol, outline.symbol}
    text = page_text(response)
    assert re.search(
        r"CWG-WSIS&SDG-42/1 Draft outline WSIS\+20 Report .{0,40} Listed from CWG-WSIS&SDG-42", text
    )
    assert text.count("Listed from") == 1

    meeting_page = page_text(client.get(meeting.get_absolute_url()))
    assert "Documents" in meeting_page
    assert "Draft agenda of the 21st meeting" in meeting_page
    assert re.search(
        r"CWG-WSIS&SDG-42/1 Draft outline WSIS\+20 Report .{0,40} Listed from CWG-WSIS&SDG-42",
        meeting_page,
    )
    assert "Not listed anywhere else" not in meeting_page


def test_meeting_page_without_documents_invites_the_secretariat(client_for, meeting):
    text = page_text(client_for("secretariat").get(meeting.get_absolute_url()))
    assert "No documents have been registered for this meeting yet." in text
    assert "Use “Register a document” to register the first one." in text
    assert "Register a document" in text
    public = page_text(client_for("anonymous").get(meeting.get_absolute_url()))
    assert "Register a document" not in public


# ---------------------------------------------------------------------------------- search


@pytest.fixture
def corpus(meeting, meeting42):
    return {
        "title": DocumentFactory(
            meeting=meeting,
            title="Meaningful connectivity and Internet exchange points",
            text="Brazil shares the experience of its exchange programme.",
            date=dt.date(2024, 9, 1),
        ),
        "text": DocumentFactory(
            meeting=meeting42,
            title="Report on WSIS activities",
            text="Partner2Connect gathered pledges for meaningful connectivity in 2024.",
            date=dt.date(2025, 1, 20),
        ),
        "other": DocumentFactory(
            meeting=meeting42,
            title="WSIS Forum 2025",
            text="The Forum will be held in Geneva together with the AI for Good summit.",
            date=dt.date(2025, 1, 22),
        ),
    }


def test_search_finds_the_documents_containing_every_word(client, corpus):
    response = client.get(LIST, {"q": "meaningful connectivity"})
    assert set(listed_symbols(response)) == {corpus["title"].symbol, corpus["text"].symbol}
    assert "2 documents match “meaningful connectivity”" in page_text(response)
    assert listed_symbols(client.get(LIST, {"q": "Geneva summit"})) == [corpus["other"].symbol]
    assert listed_symbols(client.get(LIST, {"q": "Brazil", "body": "cwg-wsis-sdg"})) == []


def test_search_order_ranks_title_words_on_postgresql_and_is_newest_first_on_sqlite(client, corpus):
    symbols = listed_symbols(client.get(LIST, {"q": "connectivity"}))
    if connection.vendor == "postgresql":
        # Full-text search ranks the title match (weight A) above the text match.
        assert symbols == [corpus["title"].symbol, corpus["text"].symbol]
        assert "most relevant first" in page_text(client.get(LIST, {"q": "connectivity"}))
    else:
        # The LIKE fallback has no relevance: newest first.
        assert connection.vendor == "sqlite"
        assert symbols == [corpus["text"].symbol, corpus["title"].symbol]


def test_a_search_matching_more_than_the_cap_is_shown_newest_first(client, meeting, monkeypatch):
    monkeypatch.setattr(registry, "COUNT_CAP", 3)
    made = [
        DocumentFactory(
            meeting=meeting,
            title="Governance" if i == 0 else f"Note {i}",
            text="Internet governance.",
            date=dt.date(2025, 1, 1 + i),
        )
        for i in range(5)
    ]
    response = client.get(LIST, {"q": "governance"})
    # Newest first on both databases: ranking is given up past the cap, even though the
    # oldest document has the word in its title.
    assert listed_symbols(response) == [d.symbol for d in reversed(made)]
    text = page_text(response)
    if connection.vendor == "postgresql":
        assert (
            "More than 3 documents match “governance”, newest first; add words or filters "
            "to see the matches by relevance."
        ) in text
    else:
        assert "More than 3 documents match “governance”, newest first." in text


def test_search_uses_the_full_text_index_on_postgresql(corpus):
    """On PostgreSQL the search condition is the indexed tsvector column; on SQLite it is
    a LIKE on the search text."""
    qs, ranked = registry.registry_filter(user=None, query=registry.RegistryQuery(q="connectivity"))
    sql = str(qs.query)
    if connection.vendor == "postgresql":
        assert ranked
        # Each distinct reading of the word (exact, English stem) once.
        assert "search_vector @@ ('connect'::tsquery || 'connectivity'::tsquery)" in sql
        with connection.cursor() as cursor:
            # A tiny table lets the planner walk the date index and filter; barring plain
            # scans shows the condition itself can be answered by the GIN index.
            cursor.execute("SET enable_seqscan = off")
            cursor.execute("SET enable_indexscan = off")
            cursor.execute(
                "EXPLAIN " + qs.query.sql_with_params()[0], qs.query.sql_with_params()[1]
            )
            plan = "\n".join(row[0] for row in cursor.fetchall())
            cursor.execute("SET enable_seqscan = on")
            cursor.execute("SET enable_indexscan = on")
        assert "document_search_vector_gin" in plan
    else:
        assert not ranked
        assert "LIKE" in sql


def test_search_for_a_symbol_opens_that_document(client, corpus):
    response = client.get(LIST, {"q": f" {corpus['text'].symbol.lower()} "})
    assert response.status_code == 302
    assert response["Location"] == corpus["text"].get_absolute_url()


def test_search_for_an_unregistered_symbol_says_so_and_finds_its_citations(client, meeting):
    citing = DocumentFactory(meeting=meeting, text="As requested in Document CWG-Internet-21/9.")
    response = client.get(LIST, {"q": "CWG-Internet-21/9"})
    text = page_text(response)
    assert "No document CWG-Internet-21/9 is registered; showing the documents that cite it." in (
        text
    )
    assert listed_symbols(response) == [citing.symbol]


@pytest.mark.parametrize("typed", ["CWG-Internet-21/", "CWG-Internet21/3x", "C25//3"])
def test_a_malformed_symbol_in_the_search_gets_a_sentence(client, meeting, typed):
    text = page_text(client.get(LIST, {"q": typed}))
    assert f"“{typed}” is not a document symbol (symbols look like CWG-Internet-21/3" in text


def test_go_to_symbol(client, meeting):
    document = DocumentFactory(meeting=meeting)
    response = client.get(reverse("documents:goto"), {"symbol": "cwg-internet-21 / 1"})
    assert response["Location"] == document.get_absolute_url()

    response = client.get(reverse("documents:goto"), {"symbol": "CWG-Internet"}, follow=True)
    assert "“CWG-Internet” is not a document symbol. Symbols look like CWG-Internet-21/3" in (
        page_text(response)
    )
    response = client.get(reverse("documents:goto"), {"symbol": "CWG-Internet-21/7"}, follow=True)
    assert "No document CWG-Internet-21/7 is registered." in page_text(response)


# ------------------------------------------------------------------------------ pagination


def _walk(client, params: dict) -> tuple[list[str], list[str]]:
    """Follow the "next" links from the first page; the symbols seen and the last page's
    "previous" link target's symbols."""
    seen: list[str] = []
    url = LIST + "?" + "&".join(f"{k}={v}" for k, v in params.items())
    pages = 0
    last = None
    while url:
        response = client.get(url)
        seen += listed_symbols(response)
        pages += 1
        last = response
        found = re.search(r'href="([^"]+)" rel="next"', response.content.decode())
        url = unescape(found.group(1)) if found else None
        assert pages < 10
    prev = re.search(r'href="([^"]+)" rel="prev"', last.content.decode())
    before = listed_symbols(client.get(unescape(prev.group(1)))) if prev else []
    return seen, before


def test_pages_cover_every_document_once_and_go_back(client, meeting):
    for day in range(60):
        DocumentFactory(meeting=meeting, date=dt.date(2025, 1, 1) + dt.timedelta(days=day // 2))
    seen, before = _walk(client, {})
    assert len(seen) == 60
    assert len(set(seen)) == 60
    assert before == seen[25:50]  # "Newer" from the last page shows the second page
    assert "Older" in page_text(client.get(LIST))


def test_search_results_are_paged_too(client, meeting):
    for _ in range(30):
        DocumentFactory(meeting=meeting, title="Internet governance contribution")
    DocumentFactory(meeting=meeting, title="Something else")
    seen, _ = _walk(client, {"q": "governance"})
    assert len(seen) == 30
    assert len(set(seen)) == 30


def test_the_count_stops_at_the_cap(client, meeting, monkeypatch):
    monkeypatch.setattr(registry, "COUNT_CAP", 5)
    for _ in range(7):
        DocumentFactory(meeting=meeting)
    assert "More than 5 documents, newest first." in page_text(client.get(LIST))


# ------------------------------------------------------------------------- document page


def test_document_page_shows_its_metadata(client, meeting):
    document = DocumentFactory(
        meeting=meeting,
        title="Proposals on the future work of the Group",
        source="Russian Federation",
        purpose="discussion",
        original_language="ru",
        languages=["en", "ru"],
        date=dt.date(2025, 1, 29),
    )
    text = page_text(client.get(document.get_absolute_url()))
    for expected in [
        "CWG-Internet-21/1",
        "Proposals on the future work of the Group",
        "Body CWG-Internet Council Working Group on international Internet-related public "
        "policy issues",
        "Meeting 21st meeting of CWG-Internet",
        "Source Russian Federation",
        "Type Contribution",
        "Purpose For discussion",
        "Date 29 January 2025",
        "Original: Russian",
        "Issued in: English, Russian",
        "Access Public",
        "Status Issued",
    ]:
        assert expected in text


def test_a_document_in_one_language_says_so(client, meeting):
    document = DocumentFactory(meeting=meeting)
    text = page_text(client.get(document.get_absolute_url()))
    assert "Original: English Issued in: English only" in text


def test_document_page_includes_the_publication_panel(client, meeting):
    document = DocumentFactory(meeting=meeting)
    assert 'data-testid="publications"' in client.get(document.get_absolute_url()).content.decode()


@pytest.mark.parametrize(
    "symbol_path",
    ["CWG-WSIS&SDG-42/13", "CWG-WSIS%26SDG-42/13"],
)
def test_symbols_with_ampersands_work_in_addresses(client, meeting42, symbol_path):
    for _ in range(13):
        document = DocumentFactory(meeting=meeting42, title="Draft outline WSIS+20 Report")
    assert document.symbol == "CWG-WSIS&SDG-42/13"
    assert document.get_absolute_url() == "/documents/d/CWG-WSIS&SDG-42/13"
    response = client.get(f"/documents/d/{symbol_path}")
    assert response.status_code == 200
    assert "Draft outline WSIS+20 Report" in page_text(response)


def test_symbols_with_parentheses_work_in_addresses(client, meeting):
    DocumentFactory(meeting=meeting)
    DocumentFactory(meeting=meeting)
    base = DocumentFactory(meeting=meeting, title="Contribution from Brazil")
    revision = derive(base, "Rev", title="Contribution from Brazil, revised")
    assert revision.symbol == "CWG-Internet-21/3(Rev.1)"
    assert revision.get_absolute_url() == "/documents/d/CWG-Internet-21/3(Rev.1)"
    for path in [
        "/documents/d/CWG-Internet-21/3(Rev.1)",
        "/documents/d/CWG-Internet-21/3%28Rev.1%29",
    ]:
        response = client.get(path)
        assert "Contribution from Brazil, revised" in page_text(response)
    # Typed another way: sent to the canonical address.
    response = client.get("/documents/d/cwg-internet-21/3 rev.1")
    assert response.status_code == 302
    assert response["Location"] == "/documents/d/CWG-Internet-21/3(Rev.1)"


def test_unknown_and_malformed_symbols_are_not_found(client, meeting):
    missing = client.get("/documents/d/CWG-Internet-21/99")
    assert missing.status_code == 404
    assert "Page not found" in page_text(missing)
    response = client.get("/documents/d/not-a-symbol")
    assert response.status_code == 404
    assert "Page not found" in page_text(response)


def test_text_is_sanitized_and_cited_symbols_are_links(client, meeting, meeting42):
    for _ in range(13):
        outline = DocumentFactory(meeting=meeting42, title="Draft outline WSIS+20 Report")
    proposal = DocumentFactory(
        meeting=meeting,
        text="<p>We ask that Document CWG-WSIS&amp;SDG-42/13 be published "
        '<script>alert("x")</script><img src=x onerror=alert(1)>'
        "as an official document &lt;b&gt;ASAP&lt;/b&gt;.</p>"
        '<p>See <a href="https://www.itu.int/">ITU, CWG-WSIS&amp;SDG-42/2</a>.</p>',
    )
    html = client.get(proposal.get_absolute_url()).content.decode()
    body = html.split('data-testid="document-text">', 1)[1].split("</div>", 1)[0]
    assert "<script" not in body
    assert "onerror" not in body
    assert "&lt;b&gt;ASAP&lt;/b&gt;" in body  # typed markup stays text
    assert (
        f'<a class="citation" href="/documents/d/CWG-WSIS&amp;SDG-42/13" '
        f'title="{outline.title}">CWG-WSIS&amp;SDG-42/13</a>'
    ) in body
    # Inside an existing link nothing is linked again.
    assert '<a href="https://www.itu.int/" rel="noopener noreferrer nofollow">ITU, ' in body
    assert body.count("<a ") == 2


# ---------------------------------------------------------------------- cross-references


def test_citation_is_resolved_when_the_cited_document_is_registered(client, meeting):
    citing = DocumentFactory(
        meeting=meeting,
        title="Proposal for a new agenda item",
        text="References: Document CWG-Internet-21/2.",
    )
    text = page_text(client.get(citing.get_absolute_url()))
    assert "Cites Documents CWG-Internet-21/2 not in the registry" in text
    html = client.get(citing.get_absolute_url()).content.decode()
    assert 'class="citation citation-unresolved" title="Not in the registry">CWG-Internet-21/2' in (
        html
    )

    cited = DocumentFactory(meeting=meeting, title="Report by the Secretary-General")
    assert cited.symbol == "CWG-Internet-21/2"
    text = page_text(client.get(citing.get_absolute_url()))
    assert "Cites Documents CWG-Internet-21/2 Report by the Secretary-General" in text
    assert 'href="/documents/d/CWG-Internet-21/2"' in (
        client.get(citing.get_absolute_url()).content.decode()
    )
    cited_page = page_text(client.get(cited.get_absolute_url()))
    assert "Cited by CWG-Internet-21/1 Proposal for a new agenda item" in cited_page


def test_a_document_naming_its_own_symbol_does_not_cite_itself(client, meeting):
    document = DocumentFactory(meeting=meeting, text="This document, CWG-Internet-21/1, is new.")
    text = page_text(client.get(document.get_absolute_url()))
    assert "This document cites no other document, resolution or decision." in text
    assert "No registered document cites this one yet." in text


def test_instruments_cited_together_are_two_citations_titled_once_recorded(client, meeting):
    document = DocumentFactory(
        meeting=meeting, text="References: PP Resolutions 102 and 140 (Rev. Bucharest, 2022)."
    )
    text = page_text(client.get(document.get_absolute_url()))
    assert (
        "Resolutions and decisions PP Resolution 102 (Rev. Bucharest, 2022) not yet recorded "
        "PP Resolution 140 (Rev. Bucharest, 2022) not yet recorded"
    ) in text
    assert Reference.objects.filter(source=document, kind="resolution").count() == 2

    InstrumentFactory()  # PP Resolution 102 (Rev. Bucharest, 2022), with its title
    text = page_text(client.get(document.get_absolute_url()))
    assert (
        "PP Resolution 102 (Rev. Bucharest, 2022): ITU's role with regard to international "
        "public policy issues pertaining to the Internet"
    ) in text
    assert "PP Resolution 140 (Rev. Bucharest, 2022) not yet recorded" in text


def test_restricted_documents_are_not_revealed_through_citations(client_for, meeting):
    secret = DocumentFactory(
        meeting=meeting, title="Confidential position paper", access=Access.RESTRICTED
    )
    public = DocumentFactory(
        meeting=meeting, title="Public summary", text=f"See Document {secret.symbol}."
    )
    DocumentFactory(
        meeting=meeting,
        title="Restricted reply",
        access=Access.RESTRICTED,
        text=f"On Document {public.symbol}.",
    )
    outsider = page_text(client_for("outsider").get(public.get_absolute_url()))
    assert "Confidential position paper" not in outsider
    assert f"{secret.symbol} not in the registry" in outsider
    assert "Restricted reply" not in outsider
    assert "No registered document cites this one yet." in outsider

    delegate = page_text(client_for("delegate").get(public.get_absolute_url()))
    assert f"{secret.symbol} Confidential position paper" in delegate
    assert "Cited by CWG-Internet-21/3 Restricted reply" in delegate


# ------------------------------------------------------------- revisions and listings


def test_base_document_lists_its_revisions_addenda_and_corrigenda(client, meeting):
    base = DocumentFactory(meeting=meeting, title="Contribution from Brazil")
    rev1 = derive(base, "Rev", text="Revised once.")
    rev2 = derive(base, "Rev", text="Revised twice.")
    add1 = derive(base, "Add", text="An annex.")
    corr1 = derive(base, "Corr", text="A correction.")
    assert [rev1.symbol, rev2.symbol, add1.symbol, corr1.symbol] == [
        "CWG-Internet-21/1(Rev.1)",
        "CWG-Internet-21/1(Rev.2)",
        "CWG-Internet-21/1(Add.1)",
        "CWG-Internet-21/1(Corr.1)",
    ]
    text = page_text(client.get(base.get_absolute_url()))
    assert "This document has been revised: the latest revision is CWG-Internet-21/1(Rev.2)" in text
    assert "Revisions, addenda and corrigenda" in text
    for symbol in (rev1.symbol, rev2.symbol, add1.symbol, corr1.symbol):
        assert symbol in text
    assert "CWG-Internet-21/1(Rev.2) Revision, 1 Feb 2025 · latest revision" in text

    text = page_text(client.get(rev1.get_absolute_url()))
    assert "Revises CWG-Internet-21/1 (Contribution from Brazil)." in text
    assert "The latest revision is CWG-Internet-21/1(Rev.2)." in text
    assert "Revised once." in text
    text = page_text(client.get(rev2.get_absolute_url()))
    assert "This is the latest revision." in text
    assert "Adds to CWG-Internet-21/1" in page_text(client.get(add1.get_absolute_url()))
    assert "Corrects CWG-Internet-21/1" in page_text(client.get(corr1.get_absolute_url()))


def test_document_page_names_the_meetings_it_is_listed_for(client, meeting, meeting42):
    outline = DocumentFactory(meeting=meeting42, title="Draft outline WSIS+20 Report")
    services.document_list_for_meeting(
        actor=registrar(),
        document=outline,
        meeting=meeting,
        note="Proposal 2.2 of the Russian Federation",
    )
    text = page_text(client.get(outline.get_absolute_url()))
    assert (
        "Also an official document of the 21st meeting of CWG-Internet "
        "(Proposal 2.2 of the Russian Federation)."
    ) in text


def test_uploaded_file_is_served_to_those_who_may_see_the_document(client_for, meeting):
    from django.core.files.uploadedfile import SimpleUploadedFile

    document = services.document_register(
        actor=registrar(),
        meeting=meeting,
        title="Annex in PDF",
        source="Secretariat",
        access=Access.RESTRICTED,
        file=SimpleUploadedFile("annex.pdf", b"%PDF-1.7 annex", "application/pdf"),
    )
    url = reverse("documents:file", kwargs={"symbol": document.symbol})
    response = client_for("delegate").get(url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == b"%PDF-1.7 annex"
    assert "annex" in response["Content-Disposition"]
    refused = client_for("outsider").get(url)
    assert refused.status_code == 404
    assert "Page not found" in page_text(refused)


def _row_of(response, symbol: str) -> str:
    """The HTML of the result table's row showing ``symbol``."""
    html = response.content.decode().split('data-testid="documents"', 1)[1]
    return next(row for row in html.split("<tr")[1:] if f">{symbol}</a>" in row)


def test_a_row_shows_typed_markup_as_text_and_its_badges(client_for, meeting):
    """The rows are written in Python (documents.tables): everything a person typed stays
    text there, on the registry and on the meeting page alike."""
    document = DocumentFactory(
        meeting=meeting,
        title='<script>alert("t")</script> & <b>bold</b> title',
        source="Secretariat <i>&</i>",
        access=Access.RESTRICTED,
        languages=["en"],
    )
    type(document).objects.filter(pk=document.pk).update(status="draft")
    delegate = client_for("delegate")
    for response in (delegate.get(LIST), delegate.get(meeting.get_absolute_url())):
        row = _row_of(response, document.symbol)
        assert not any(tag in row for tag in ("<script", "<b>", "<i>"))
        assert "&lt;script&gt;alert(&quot;t&quot;)&lt;/script&gt; &amp; &lt;b&gt;bold" in row
        assert "Secretariat &lt;i&gt;&amp;&lt;/i&gt;" in row
        assert '<span class="badge text-bg-warning">Restricted</span>' in row
        assert '<span class="badge text-bg-secondary">Draft</span>' in row
        assert 'title="English only">en</td>' in row
        assert f'href="{document.get_absolute_url()}"' in row


# ------------------------------------------------------------ restricted, for every role


@pytest.mark.parametrize("role", ROLE_NAMES)
def test_restricted_documents_exist_only_for_members(client_for, meeting, role):
    DocumentFactory(meeting=meeting, title="Public agenda")
    secret = DocumentFactory(
        meeting=meeting,
        title="Confidential zebra position",
        text="The zebra crossing proposal.",
        access=Access.RESTRICTED,
    )
    client = client_for(role)
    sees = role in READERS_OF_RESTRICTED

    listing = page_text(client.get(LIST))
    assert ("Confidential zebra position" in listing) is sees
    assert "Public agenda" in listing

    detail = client.get(secret.get_absolute_url())
    assert detail.status_code == (200 if sees else 404)
    if sees:
        assert "Restricted to members of CWG-Internet" in page_text(detail)
    else:
        assert "Page not found" in page_text(detail)
        assert "zebra" not in page_text(detail)

    search = client.get(LIST, {"q": "zebra"})
    assert (secret.symbol in listed_symbols(search)) is sees
    by_symbol = client.get(LIST, {"q": secret.symbol})
    assert (by_symbol.status_code == 302) is sees

    meeting_page = page_text(client.get(meeting.get_absolute_url()))
    assert ("Confidential zebra position" in meeting_page) is sees


# ---------------------------------------------------------------------- query counts


def _documents_with_everything(meeting, meeting42, n: int):
    for i in range(n):
        document = DocumentFactory(
            meeting=meeting if i % 2 else meeting42,
            title=f"Document number {i}",
            text="Internet governance",
        )
        if i % 3 == 0:
            services.document_list_for_meeting(
                actor=registrar(), document=document, meeting=meeting42 if i % 2 else meeting
            )


@pytest.mark.parametrize("rows", [1, 20])
def test_registry_list_query_count_is_flat(client_for, meeting, meeting42, rows,
                                           django_assert_max_num_queries):  # fmt: skip
    _documents_with_everything(meeting, meeting42, rows)
    client = client_for("delegate")
    client.get(LIST)  # session and roles warm
    with django_assert_max_num_queries(14):
        response = client.get(LIST, {"meeting": meeting.pk})
    assert len(listed_symbols(response)) >= 1
    with django_assert_max_num_queries(14):
        response = client.get(LIST, {"q": "governance"})
    assert len(listed_symbols(response)) == rows


@pytest.mark.parametrize("rows", [1, 20])
def test_document_page_query_count_is_flat(client_for, meeting, meeting42, rows,
                                           django_assert_max_num_queries):  # fmt: skip
    InstrumentFactory()
    base = DocumentFactory(meeting=meeting, title="The base document")
    cited = [DocumentFactory(meeting=meeting42) for _ in range(rows)]
    document = DocumentFactory(
        meeting=meeting,
        text="Cites "
        + ", ".join(f"Document {c.symbol}" for c in cited)
        + " and Resolution 102 (Rev. Bucharest, 2022). Also CWG-Internet-21/99.",
    )
    for i in range(rows):
        DocumentFactory(
            meeting=meeting42, title=f"Reply {i:02}", text=f"On Document {document.symbol}."
        )
        derive(document, [SuffixKind.REVISION, SuffixKind.ADDENDUM][i % 2], text=f"Change {i}.")
        services.document_list_for_meeting(
            actor=registrar(), document=document, meeting=MeetingFactory(body=meeting42.body)
        )
    assert base.symbol == "CWG-Internet-21/1"
    client = client_for("delegate")
    client.get(LIST)
    with django_assert_max_num_queries(16):
        response = client.get(document.get_absolute_url())
    text = page_text(response)
    assert text.count("Also an official document of the") == rows
    assert all(f"Reply {i:02}" in text for i in range(rows))
    assert all(c.symbol in text for c in cited)
    assert text.count(f"{document.symbol}(") >= rows
    assert "CWG-Internet-21/99 not in the registry" in text


@pytest.mark.parametrize("rows", [1, 20])
def test_meeting_page_documents_query_count_is_flat(client_for, meeting, meeting42, rows,
                                                    django_assert_max_num_queries):  # fmt: skip
    _documents_with_everything(meeting, meeting42, rows)
    client = client_for("secretariat")
    client.get(LIST)
    with django_assert_max_num_queries(16):
        response = client.get(meeting.get_absolute_url())
    assert "Documents" in page_text(response)


def test_arabic_paragraphs_read_right_to_left_on_the_page(client, meeting):
    from documents.services import document_register

    arabic = "يدعى الفريق إلى النظر في هذا الاقتراح واتخاذ قرار بشأنه"
    document = document_register(
        actor=registrar(),
        meeting=meeting,
        title="Mixed languages",
        source="Secretariat",
        text=f"<p>An English paragraph.</p><p>{arabic}</p>",
    )
    page = client.get(document.get_absolute_url()).content.decode()
    assert f'<p lang="ar" dir="rtl">{arabic}</p>' in page
    assert "<p>An English paragraph.</p>" in page
