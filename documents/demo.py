"""Demo data of the documents app: the registry of the 20th CWG-Internet meeting, the 42nd
CWG-WSIS&SDG meeting (with CWG-WSIS&SDG-42/13, the Draft outline WSIS+20 Report) and the
2025 session of Council, the resolutions they cite, revisions, an addendum, restricted
documents and a listing for another body's meeting.

Nothing is registered for the 21st CWG-Internet meeting: its draft agenda must be
CWG-Internet-21/1, which the agendas demo registers after this one.

Idempotent: every document is looked up by its symbol first. Every document is then
handed to ``documents.publishing.publication_request`` when that module exists, so the
worker started by ``make run`` publishes them as PDFs.
"""

from __future__ import annotations

import datetime as dt

from django.db import transaction

from documents import allocation, services
from documents.enums import Access, DocumentType, Language, Purpose, ReferenceKind, SuffixKind
from documents.exceptions import DocumentsError
from documents.models import Document, DocumentListing
from documents.publishing import publication_request
from meetings.models import Meeting

D = dt.date
ALL = [code for code, _ in Language.choices]
EN = ["en"]
CONTRIB, REPORT, INFO, AGENDA = (
    DocumentType.CONTRIBUTION,
    DocumentType.REPORT,
    DocumentType.INFORMATION,
    DocumentType.AGENDA,
)
DECISION, DISCUSSION, INFORMATION = Purpose.DECISION, Purpose.DISCUSSION, Purpose.INFORMATION

INSTRUMENTS = [
    (
        ReferenceKind.RESOLUTION,
        "PP Resolution 102 (Rev. Bucharest, 2022)",
        "ITU's role with regard to international public policy issues pertaining to the "
        "Internet and the management of Internet resources, including domain names and "
        "addresses",
    ),
    (
        ReferenceKind.RESOLUTION,
        "PP Resolution 140 (Rev. Bucharest, 2022)",
        "ITU's role in implementing the outcomes of the World Summit on the Information "
        "Society and the 2030 Agenda for Sustainable Development, as well as in their "
        "follow-up and review processes",
    ),
    (
        ReferenceKind.RESOLUTION,
        "Council Resolution 1305 (2009)",
        "Role of the dedicated group on international Internet-related public policy issues",
    ),
]

OUTLINE_TITLE = (
    "Draft outline WSIS+20 Report on ITU's contribution to the implementation of and "
    "follow-up to the WSIS outcomes and its role in achieving the SDGs"
)

# meeting key, series, number, title, source, type, purpose, date, original, languages,
# access, text
# fmt: off
DOCUMENTS: list[tuple] = [
    # ------------------------------------------------------------- CWG-Internet, 20th meeting
    (
        "internet20", "", 1, "Draft agenda of the 20th meeting of CWG-Internet", "Chair",
        AGENDA, DECISION, D(2024, 7, 26), "en", ALL, Access.PUBLIC,
        "1 Opening of the meeting\n\n2 Adoption of the agenda (Document CWG-Internet-20/1)\n\n"
        "3 Report by the Secretary-General on ITU's activities related to Resolution 102 "
        "(Rev. Bucharest, 2022) (Document CWG-Internet-20/2)\n\n"
        "4 Open consultation on meaningful connectivity (Document CWG-Internet-20/3)\n\n"
        "5 Contributions from Member States (Documents CWG-Internet-20/4, /5, /6 and /7)\n\n"
        "6 Draft report of the Chair to Council 2025 (Document CWG-Internet-20/8)\n\n"
        "7 Any other business",
    ),
    (
        "internet20", "", 2,
        "Report by the Secretary-General on ITU's activities related to Resolution 102 "
        "(Rev. Bucharest, 2022)",
        "Secretary-General", REPORT, INFORMATION, D(2024, 8, 20), "en", ALL, Access.PUBLIC,
        "This report describes the activities that ITU has undertaken since the 19th meeting "
        "of the Group in implementing PP Resolutions 102 and 140 (Rev. Bucharest, 2022) and "
        "Council Resolution 1305 (2009).\n\n"
        "ITU continued to cooperate with the Internet Corporation for Assigned Names and "
        "Numbers, the regional Internet registries and the Internet Society on capacity "
        "building for country-code top-level domain managers, and took part in the Internet "
        "Governance Forum held in Riyadh.\n\n"
        "The Group is invited to take note of this report.",
    ),
    (
        "internet20", "", 3,
        "Summary of the responses to the open consultation on meaningful connectivity",
        "Secretariat", INFO, INFORMATION, D(2024, 8, 28), "en", ["en", "fr", "es"],
        Access.PUBLIC,
        "In accordance with Council Resolution 1305 (2009), the Group held an open online "
        "consultation from 1 March to 30 June 2024. Thirty-one responses were received from "
        "governments, the private sector, civil society and the technical community.\n\n"
        "Respondents stressed affordable access, local content in local languages, digital "
        "skills and safe use as the conditions of meaningful connectivity. The full "
        "responses are available on the website of the Group.",
    ),
    (
        "internet20", "", 4,
        "Contribution from the Russian Federation: Proposals on the future work of "
        "CWG-Internet",
        "Russian Federation", CONTRIB, DISCUSSION, D(2024, 9, 6), "ru", ["en", "ru"],
        Access.PUBLIC,
        "Resolution 102 (Rev. Bucharest, 2022) instructs the Secretary-General to continue "
        "undertaking activities on international Internet-related public policy issues "
        "within ITU's mandate.\n\n"
        "Having studied the report in Document CWG-Internet-20/2, the Russian Federation "
        "proposes that the Group consider, at its next meetings, the role of ITU in the "
        "WSIS+20 review and the security of the Internet's critical infrastructure.",
    ),
    (
        "internet20", "", 5,
        "Contribution from Brazil: Meaningful connectivity and the role of Internet exchange "
        "points",
        "Brazil", CONTRIB, DISCUSSION, D(2024, 9, 5), "en", EN, Access.PUBLIC,
        "Brazil shares its experience with the IX.br programme, which operates Internet "
        "exchange points in 37 cities, and proposes that the Group take up local traffic "
        "exchange as an element of meaningful connectivity (see Document CWG-Internet-20/3).",
    ),
    (
        "internet20", "", 6,
        "Contribution from Saudi Arabia: International Internet-related public policy issues "
        "in the WSIS+20 review",
        "Saudi Arabia", CONTRIB, DISCUSSION, D(2024, 9, 6), "ar", ["ar", "en"], Access.PUBLIC,
        "The General Assembly, in resolution A/RES/70/125, decided to hold a high-level "
        "meeting on the overall review of the WSIS outcomes in 2025. PP Resolution 140 "
        "(Rev. Bucharest, 2022) asks ITU to contribute to that review.\n\n"
        "Saudi Arabia proposes that the Group's work on international Internet-related "
        "public policy issues be reflected in ITU's WSIS+20 report.",
    ),
    (
        "internet20", "", 7,
        "Contribution from Egypt: Multilingualism and local content on the Internet",
        "Egypt", CONTRIB, DISCUSSION, D(2024, 9, 9), "ar", ["ar", "en"], Access.RESTRICTED,
        "Egypt proposes a survey of the availability of internationalized domain names in "
        "Arabic script and of the obstacles to their universal acceptance.",
    ),
    (
        "internet20", "", 8,
        "Draft report of the Chair of CWG-Internet to the 2025 session of Council",
        "Chair", REPORT, DECISION, D(2024, 9, 20), "en", ALL, Access.PUBLIC,
        "The 20th meeting of the Group was held on 19 and 20 September 2024 in Geneva. It "
        "took note of the report of the Secretary-General (Document CWG-Internet-20/2) and "
        "of the summary of the open consultation (Document CWG-Internet-20/3).\n\n"
        "The Group discussed the contributions in Documents CWG-Internet-20/4, "
        "CWG-Internet-20/5(Rev.1) and CWG-Internet-20/6, and agreed to hold its next open "
        "consultation on the WSIS+20 review.",
    ),
    (
        "internet20", "INF", 1, "List of participants", "Secretariat", INFO, INFORMATION,
        D(2024, 9, 20), "en", EN, Access.RESTRICTED,
        "Delegations of 46 Member States and 3 Sector Members attended the meeting, "
        "in person or remotely.",
    ),
    (
        "internet20", "INF", 2, "List of documents", "Secretariat", INFO, INFORMATION,
        D(2024, 9, 19), "en", EN, Access.PUBLIC,
        "Documents CWG-Internet-20/1, /2, /3, /4, /5, /6, /7 and /8; information document "
        "CWG-Internet-20/INF/1.",
    ),
    # ----------------------------------------------------------- CWG-WSIS&SDG, 42nd meeting
    (
        "wsis42", "", 1, "Draft agenda of the 42nd meeting of CWG-WSIS&SDG", "Chair", AGENDA,
        DECISION, D(2025, 1, 10), "en", ALL, Access.PUBLIC,
        "1 Opening of the meeting\n\n2 Adoption of the agenda (Document CWG-WSIS&SDG-42/1)\n\n"
        "3 ITU's activities in implementing the WSIS outcomes and the SDGs (Documents "
        "CWG-WSIS&SDG-42/2 and /3)\n\n"
        "4 WSIS Forum 2025 (Document CWG-WSIS&SDG-42/4)\n\n"
        "5 Contributions from Member States (Documents CWG-WSIS&SDG-42/5, /6, /7, /8, /9, "
        "/10 and /11)\n\n"
        "6 ITU's contribution to the SDGs (Document CWG-WSIS&SDG-42/12)\n\n"
        "7 Draft outline of the WSIS+20 Report (Document CWG-WSIS&SDG-42/13)\n\n"
        "8 Any other business",
    ),
    (
        "wsis42", "", 2,
        "Report on ITU's activities in implementing the WSIS outcomes and the 2030 Agenda for "
        "Sustainable Development",
        "Secretary-General", REPORT, INFORMATION, D(2025, 1, 20), "en", ALL, Access.PUBLIC,
        "As the facilitator of WSIS Action Lines C2 (information and communication "
        "infrastructure), C5 (building confidence and security in the use of ICTs) and C6 "
        "(enabling environment), ITU reports yearly on its activities under PP Resolution "
        "140 (Rev. Bucharest, 2022).\n\n"
        "In 2024 the Partner2Connect Digital Coalition gathered new pledges for connecting "
        "the 2.6 billion people who remain offline.",
    ),
    (
        "wsis42", "", 3,
        "ITU's preparations for the WSIS+20 review by the United Nations General Assembly",
        "Secretariat", INFO, INFORMATION, D(2025, 1, 21), "en", ALL, Access.PUBLIC,
        "Resolution A/RES/70/125 of the General Assembly calls for a high-level meeting on "
        "the overall review of the implementation of the WSIS outcomes in 2025. This "
        "document sets out the timetable of ITU's contributions to the Commission on Science "
        "and Technology for Development and to the General Assembly.",
    ),
    (
        "wsis42", "", 4, "WSIS Forum 2025: results of the open consultation process",
        "Secretariat", INFO, INFORMATION, D(2025, 1, 22), "en", ["en", "fr", "es"],
        Access.PUBLIC,
        "The open consultation process on the format and themes of the WSIS Forum 2025 "
        "received 312 submissions. The Forum will be held in Geneva from 7 to 11 July 2025 "
        "together with the AI for Good Global Summit.",
    ),
    (
        "wsis42", "", 5,
        "Contribution from the Russian Federation: Proposals on the structure of the WSIS+20 "
        "Report",
        "Russian Federation", CONTRIB, DISCUSSION, D(2025, 1, 29), "ru", ["en", "ru"],
        Access.PUBLIC,
        "The Russian Federation welcomes the draft outline in Document CWG-WSIS&SDG-42/13 "
        "and proposes to add a chapter on ITU's activities under Resolution 102 (Rev. "
        "Bucharest, 2022) on international Internet-related public policy issues.",
    ),
    (
        "wsis42", "", 6, "Contribution from Brazil: Digital inclusion and the SDGs", "Brazil",
        CONTRIB, DISCUSSION, D(2025, 1, 30), "en", EN, Access.PUBLIC,
        "Brazil proposes that the WSIS+20 Report measure progress on digital inclusion with "
        "the indicators of the Partnership on Measuring ICT for Development.",
    ),
    (
        "wsis42", "", 7, "Contribution from Saudi Arabia: The WSIS framework beyond 2025",
        "Saudi Arabia", CONTRIB, DISCUSSION, D(2025, 1, 30), "ar", ["ar", "en"],
        Access.PUBLIC,
        "Saudi Arabia supports the continuation of the WSIS framework and of the WSIS Forum "
        "after 2025, building on the review called for in A/RES/70/125.",
    ),
    (
        "wsis42", "", 8, "Contribution from Kenya: Connecting every school by 2030", "Kenya",
        CONTRIB, DISCUSSION, D(2025, 1, 31), "en", EN, Access.PUBLIC,
        "Kenya shares the results of the school connectivity mapping carried out with the "
        "Giga initiative and proposes that the Report give it a section.",
    ),
    (
        "wsis42", "", 9,
        "Contribution from India: Digital public infrastructure for sustainable development",
        "India", CONTRIB, DISCUSSION, D(2025, 1, 31), "en", EN, Access.PUBLIC,
        "India describes its experience with digital identity, payments and data exchange "
        "platforms and their contribution to SDGs 1, 8 and 9.",
    ),
    (
        "wsis42", "", 10,
        "Contribution from China: Strengthening ITU's role in WSIS Action Lines C2, C5 and C6",
        "China", CONTRIB, DISCUSSION, D(2025, 1, 31), "zh", ["en", "zh"], Access.PUBLIC,
        "China proposes that the Report describe ITU's facilitation of Action Lines C2, C5 "
        "and C6 in more detail, with reference to Document CWG-WSIS&SDG-42/2.",
    ),
    (
        "wsis42", "", 11, "Contribution from the United States: Views on the WSIS+20 review",
        "United States", CONTRIB, DISCUSSION, D(2025, 1, 31), "en", EN, Access.RESTRICTED,
        "The United States supports a focused WSIS+20 Report that stays within ITU's "
        "mandate and avoids duplicating the work of the Internet Governance Forum.",
    ),
    (
        "wsis42", "", 12,
        "ITU's contribution to the 2025 High-Level Political Forum on Sustainable Development",
        "Secretariat", INFO, INFORMATION, D(2025, 1, 24), "en", ALL, Access.PUBLIC,
        "The 2025 High-Level Political Forum reviews SDGs 3, 5, 8, 14 and 17. ITU's input "
        "describes the contribution of ICTs to each of them.",
    ),
    (
        "wsis42", "", 13, OUTLINE_TITLE, "Secretary-General", REPORT, DISCUSSION,
        D(2025, 1, 27), "en", ALL, Access.PUBLIC,
        "Resolution 140 (Rev. Bucharest, 2022) instructs the Secretary-General to prepare "
        "and submit a WSIS+20 report on ITU's contribution to the implementation of and "
        "follow-up to WSIS outcomes and its role in achieving the SDGs (2015-2025) for "
        "submission to the 2025 session of CSTD and UNGA.\n\n"
        "This document presents the draft outline of that report for consideration by the "
        "Group:\n"
        "1 Introduction: the WSIS outcomes and resolution A/RES/70/125\n"
        "2 ITU as facilitator of Action Lines C2, C5 and C6 (see Document "
        "CWG-WSIS&SDG-42/2)\n"
        "3 ITU's contribution to the SDGs\n"
        "4 Partnerships and the WSIS Forum\n"
        "5 Lessons learned and the way forward beyond 2025\n\n"
        "The Group is invited to comment on the outline.",
    ),
    (
        "wsis42", "INF", 1, "List of documents", "Secretariat", INFO, INFORMATION,
        D(2025, 2, 10), "en", EN, Access.PUBLIC,
        "Documents CWG-WSIS&SDG-42/1, /2, /3, /4, /5, /6, /7, /8, /9, /10, /11, /12 and /13.",
    ),
    (
        "wsis42", "INF", 2, "List of participants", "Secretariat", INFO, INFORMATION,
        D(2025, 2, 11), "en", EN, Access.RESTRICTED,
        "Delegations of 52 Member States attended the meeting.",
    ),
    # ------------------------------------------------------------------ Council, 2025 session
    (
        "council25", "", 1, "Draft agenda of the 2025 session of Council",
        "Secretary-General", AGENDA, DECISION, D(2025, 5, 2), "en", ALL, Access.PUBLIC,
        "1 Opening of the session\n\n2 Adoption of the agenda (Document C25/1)\n\n"
        "3 Report on the implementation of the strategic plan (Document C25/2)\n\n"
        "4 Reports of the Council Working Groups (Documents C25/3 and C25/4)\n\n"
        "5 Any other business",
    ),
    (
        "council25", "", 2,
        "Report on the implementation of the strategic plan and the activities of the Union",
        "Secretary-General", REPORT, INFORMATION, D(2025, 5, 9), "en", ALL, Access.PUBLIC,
        "This report covers the implementation of the strategic plan of the Union for "
        "2024-2027 from May 2024 to April 2025.",
    ),
    (
        "council25", "", 3,
        "Report by the Chair of the Council Working Group on international Internet-related "
        "public policy issues",
        "Chair", REPORT, DECISION, D(2025, 5, 16), "en", ALL, Access.PUBLIC,
        "This report covers the 20th meeting of the Group, held in September 2024, whose "
        "conclusions are set out in Document CWG-Internet-20/8. It is submitted under "
        "Council Resolution 1305 (2009) and Resolution 102 (Rev. Bucharest, 2022).",
    ),
    (
        "council25", "", 4,
        "Report by the Chair of the Council Working Group on WSIS and the SDGs",
        "Chair", REPORT, DECISION, D(2025, 5, 16), "en", ALL, Access.PUBLIC,
        "The 42nd meeting of the Group discussed the draft outline of the WSIS+20 Report "
        "(Document CWG-WSIS&SDG-42/13) and the report of the Secretary-General in Document "
        "CWG-WSIS&SDG-42/2.",
    ),
    (
        "council25", "INF", 1, "Logistical arrangements for the 2025 session of Council",
        "Secretariat", INFO, INFORMATION, D(2025, 5, 2), "en", ALL, Access.PUBLIC,
        "The session will be held at ITU Headquarters, Geneva, from 17 to 27 June 2025.",
    ),
    (
        "council25", "INF", 2, "List of participants", "Secretariat", INFO, INFORMATION,
        D(2025, 6, 17), "en", EN, Access.RESTRICTED,
        "Delegations of the 48 Member States of Council and observers.",
    ),
    (
        "council25", "INF", 3, "ITU's contribution to the WSIS+20 review: status report",
        "Secretary-General", INFO, INFORMATION, D(2025, 6, 2), "en", ALL, Access.PUBLIC,
        "Since the Council Working Group on WSIS&SDG considered the draft outline in "
        "Document CWG-WSIS&SDG-42/13, the report has been drafted and the consultation with "
        "the membership closed on 30 May 2025.",
    ),
]

# fmt: on

# base symbol, kind, date, title (None keeps the base's), text
DERIVED: list[tuple] = [
    (
        "CWG-Internet-20/5",
        SuffixKind.REVISION,
        D(2024, 9, 12),
        None,
        "Brazil shares its experience with the IX.br programme, which operates Internet "
        "exchange points in 39 cities, and proposes that the Group take up local traffic "
        "exchange as an element of meaningful connectivity (see Document CWG-Internet-20/3). "
        "This revision adds the figures for 2024.",
    ),
    (
        "CWG-Internet-20/8",
        SuffixKind.ADDENDUM,
        D(2024, 9, 20),
        "Draft report of the Chair of CWG-Internet to the 2025 session of Council: summary "
        "of the discussions",
        "The discussions on the contribution in Document CWG-Internet-20/4 are summarized "
        "below for the information of Council.",
    ),
    (
        "CWG-WSIS&SDG-42/5",
        SuffixKind.REVISION,
        D(2025, 2, 5),
        None,
        "The Russian Federation welcomes the draft outline in Document CWG-WSIS&SDG-42/13 "
        "and proposes to add a chapter on ITU's activities under Resolution 102 (Rev. "
        "Bucharest, 2022) on international Internet-related public policy issues, and a "
        "section on the work of CWG-Internet (see Document CWG-Internet-20/8).",
    ),
    (
        "CWG-WSIS&SDG-42/2",
        SuffixKind.ADDENDUM,
        D(2025, 1, 28),
        "Report on ITU's activities in implementing the WSIS outcomes: activities by Action Line",
        "This addendum lists ITU's activities of 2024 under each WSIS Action Line it "
        "facilitates or co-facilitates.",
    ),
    (
        "C25/1",
        SuffixKind.REVISION,
        D(2025, 6, 10),
        None,
        "1 Opening of the session\n\n2 Adoption of the agenda (Document C25/1(Rev.1))\n\n"
        "3 Report on the implementation of the strategic plan (Document C25/2)\n\n"
        "4 Reports of the Council Working Groups (Documents C25/3 and C25/4)\n\n"
        "5 ITU's contribution to the WSIS+20 review (Document C25/INF/3)\n\n"
        "6 Any other business",
    ),
]

# document symbol, meeting key, note
LISTINGS = [
    (
        "CWG-Internet-20/6",
        "wsis42",
        "At the request of Saudi Arabia, for the discussion of the WSIS+20 Report",
    ),
    # The scenario's proposal 2.2 (CWG-WSIS&SDG-42/13 for the 21st CWG-Internet meeting) is
    # not listed here: the chair's decision to include the proposal grants it.
]


def _say(stdout, message: str) -> None:
    if stdout is not None:
        stdout.write(message)


@transaction.atomic
def load(*, stdout=None, context: dict) -> dict:
    meetings: dict[str, Meeting] = context["meetings"]
    documents: dict[str, Document] = {}
    # The registry is filled by the administrator set up in meetings/demo.py.
    admin = context["admin"]
    for kind, key, title in INSTRUMENTS:
        services.instrument_register(actor=admin, kind=kind, key=key, title=title)

    for row in DOCUMENTS:
        (meeting_key, series, number, title, source, doc_type, purpose, date, original,
         languages, access, text) = row  # fmt: skip
        meeting = meetings[meeting_key]
        symbol = allocation.symbol_for(meeting=meeting, series=series, number=number)
        document = Document.objects.filter(symbol=symbol).first()
        if document is None:
            document = services.document_register(
                actor=admin,
                meeting=meeting,
                series=series,
                title=title,
                source=source,
                doc_type=doc_type,
                purpose=purpose,
                date=date,
                original_language=original,
                languages=languages,
                access=access,
                text=text,
            )
            if document.symbol != symbol:
                _say(stdout, f"Demo: {title!r} was registered as {document.symbol}, not {symbol}.")
        documents[document.symbol] = document

    for base_symbol, kind, date, title, text in DERIVED:
        base = documents.get(base_symbol) or Document.objects.get(symbol=base_symbol)
        symbol = allocation.derived_symbol(base=base, kind=kind, number=1)
        document = Document.objects.filter(symbol=symbol).first()
        if document is None:
            document = services.document_derive(
                actor=admin, base=base, kind=kind, title=title, text=text, date=date
            )
        documents[document.symbol] = document

    for symbol, meeting_key, note in LISTINGS:
        meeting = meetings[meeting_key]
        if not DocumentListing.objects.filter(document__symbol=symbol, meeting=meeting).exists():
            services.document_list_for_meeting(
                actor=admin, document=documents[symbol], meeting=meeting, note=note
            )

    published = _publish_all(list(documents.values()))
    _say(
        stdout,
        f"Documents: {len(documents)} in the registry"
        + (f", {published} sent for publication as PDF." if published else "."),
    )
    return {"documents": documents}


def _publish_all(documents: list[Document]) -> int:
    """Ask for the PDF of every demo document (the worker renders them). Asking again for a
    version already published changes nothing."""
    count = 0
    for document in documents:
        try:
            publication_request(document=document, user=None)
        except DocumentsError:
            continue
        count += 1
    return count
