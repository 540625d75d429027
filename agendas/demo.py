"""Demo agendas: the draft agenda of the 21st CWG-Internet meeting (CWG-Internet-21/1, first
issue published) and the agenda of the 42nd CWG-WSIS&SDG meeting (issued and adopted).

Runs after ``documents.demo`` (which registers nothing for the 21st CWG-Internet meeting, so
that its draft agenda is document 1), then loads the demo proposals, whose scenario cites
CWG-Internet-21/1. Idempotent: an agenda that already has items is left as it is (a person
may have edited it), and an agenda already issued or adopted is not issued or adopted again.
"""

from __future__ import annotations

import datetime as dt

from django.contrib.auth import get_user_model
from django.db import transaction

from agendas import services
from agendas.enums import AgendaState, FixedItem
from agendas.models import Agenda, AgendaRevision
from agendas.proposals.demo import load_proposals
from documents.models import Document
from meetings.models import Meeting, Session

# (title, description, [document symbols], session index, sub-items [(title, [symbols])])
INTERNET21 = [
    ("Opening of the meeting", "", [], 0, FixedItem.OPENING, []),
    ("Adoption of the agenda", "", ["CWG-Internet-21/1"], 0, FixedItem.ADOPTION, []),
    (
        "Report on the activities of CWG-Internet",
        "The Chair reports on the work of the Group since its 20th meeting and on its report "
        "to the 2025 session of Council.",
        ["CWG-Internet-20/8"],
        0,
        "",
        [],
    ),
    (
        "ITU activities on international Internet-related public policy issues",
        "Report by the Secretary-General on the implementation of PP Resolutions 101, 102, "
        "133, 180 and 206 (Rev. Bucharest, 2022). For information.",
        ["CWG-Internet-20/2"],
        1,
        "",
        [],
    ),
    (
        "Online open consultation",
        "",
        [],
        1,
        "",
        [
            (
                "Outcome of the online open consultation on meaningful connectivity",
                ["CWG-Internet-20/3"],
            ),
            ("Topic of the next open consultation and physical open consultation meeting", []),
        ],
    ),
    ("Any other business", "", [], 2, FixedItem.AOB, []),
    ("Closing of the meeting", "", [], 2, FixedItem.CLOSING, []),
]

WSIS42 = [
    ("Opening of the meeting", [], 0, FixedItem.OPENING),
    ("Adoption of the agenda", ["CWG-WSIS&SDG-42/1"], 0, FixedItem.ADOPTION),
    (
        "ITU's activities in implementing the WSIS outcomes and the SDGs",
        ["CWG-WSIS&SDG-42/2", "CWG-WSIS&SDG-42/3"],
        0,
        "",
    ),
    ("WSIS Forum 2025", ["CWG-WSIS&SDG-42/4"], 1, ""),
    (
        "Contributions from Member States",
        [f"CWG-WSIS&SDG-42/{n}" for n in range(5, 12)],
        1,
        "",
    ),
    ("ITU's contribution to the SDGs", ["CWG-WSIS&SDG-42/12"], 2, ""),
    ("Draft outline of the WSIS+20 Report", ["CWG-WSIS&SDG-42/13"], 2, ""),
    ("Any other business", [], 3, FixedItem.AOB),
    ("Closing of the meeting", [], 3, FixedItem.CLOSING),
]


def _say(stdout, message: str) -> None:
    if stdout is not None:
        stdout.write(message)


def _documents(symbols: list[str]) -> list[Document]:
    found = {d.symbol: d for d in Document.objects.filter(symbol__in=symbols)}
    return [found[s] for s in symbols if s in found]


def _session(sessions: list[Session], index: int) -> Session | None:
    return sessions[index] if index < len(sessions) else None


@transaction.atomic
def _internet21(meeting: Meeting, secretariat, stdout) -> Agenda:
    agenda = Agenda.objects.filter(meeting=meeting).first()
    if agenda is None:
        earlier = Document.objects.filter(meeting=meeting).order_by("number").first()
        if earlier is not None:
            _say(
                stdout,
                f"Demo: {earlier.symbol} was registered before the agenda; the agenda will not "
                "be document 1 of the meeting.",
            )
        agenda = services.agenda_get_or_create(meeting=meeting, user=secretariat)
    if not agenda.items.exists():
        sessions = list(Session.objects.filter(meeting=meeting))
        for title, description, symbols, session, fixed, children in INTERNET21:
            item = services.agenda_item_add(
                agenda=agenda,
                actor=secretariat,
                title=title,
                description=description,
                documents=_documents(symbols),
                session=_session(sessions, session),
                fixed=fixed,
            )
            for child_title, child_symbols in children:
                services.agenda_item_add(
                    agenda=agenda,
                    actor=secretariat,
                    title=child_title,
                    parent=item,
                    documents=_documents(child_symbols),
                    session=_session(sessions, session),
                )
    if not AgendaRevision.objects.filter(agenda=agenda).exists():
        services.agenda_issue_revision(agenda=agenda, user=secretariat)
    return agenda


@transaction.atomic
def _wsis42(meeting: Meeting, secretariat, chair, stdout) -> Agenda:
    agenda = Agenda.objects.filter(meeting=meeting).first()
    if agenda is None:
        # The documents demo registered the draft agenda as CWG-WSIS&SDG-42/1.
        document = Document.objects.filter(symbol=f"{meeting.symbol_stem}/1").first()
        if document is not None and Agenda.objects.filter(document=document).exists():
            document = None
        agenda = services.agenda_get_or_create(meeting=meeting, user=secretariat, document=document)
    if not agenda.items.exists():
        sessions = list(Session.objects.filter(meeting=meeting))
        for title, symbols, session, fixed in WSIS42:
            services.agenda_item_add(
                agenda=agenda,
                actor=secretariat,
                title=title,
                documents=_documents(symbols),
                session=_session(sessions, session),
                fixed=fixed,
            )
    if not AgendaRevision.objects.filter(agenda=agenda).exists():
        revision = services.agenda_issue_revision(agenda=agenda, user=secretariat)
        # A past meeting: the agenda went out with its document, a month before.
        issued = dt.datetime.combine(agenda.document.date, dt.time(10, 0), tzinfo=_tz())
        AgendaRevision.objects.filter(pk=revision.pk).update(issued_at=issued)
    if agenda.state != AgendaState.ADOPTED:
        agenda.refresh_from_db()
        opened = dt.datetime.combine(meeting.start_date, dt.time(9, 45), tzinfo=_tz())
        services.agenda_adopt(agenda=agenda, user=chair, at=opened)
    return agenda


def _tz():
    from django.utils import timezone

    return timezone.get_current_timezone()


def load(*, stdout=None, context: dict) -> dict:
    meetings: dict[str, Meeting] = context["meetings"]
    User = get_user_model()
    secretariat = User.objects.filter(username="secretariat").first()
    # The demo has no chair of CWG-WSIS&SDG: the administrator records its adoption.
    admin = User.objects.filter(username="admin").first()
    agendas = {
        "internet21": _internet21(meetings["internet21"], secretariat, stdout),
        "wsis42": _wsis42(meetings["wsis42"], secretariat, admin, stdout),
    }
    for agenda in agendas.values():
        agenda.refresh_from_db()
        _say(
            stdout,
            f"Agenda {agenda.document.symbol}: {agenda.items.count()} items, "
            f"{agenda.revisions.count()} issued, {agenda.get_state_display().lower()}.",
        )
    result: dict = {"agendas": agendas}
    # The proposals come after the agenda: the scenario cites CWG-Internet-21/1 and, once the
    # chair includes it, lands in this draft before "Any other business".
    loaded = load_proposals(context={**context, **result})
    if isinstance(loaded, dict):
        result.update(loaded)
    return result
