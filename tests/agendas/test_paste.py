"""Paste an agenda as printed (issue 10, 8): the parser, the saved tree, and import_agenda."""

from io import StringIO

import pytest
from django.core.management import call_command

from agendas.models import Agenda
from agendas.paste import agenda_paste, parse_agenda
from agendas.services import agenda_get_or_create
from tests.factories.agendas import SYSTEM, document_for

# 30 rows as a secretariat pastes them from last year's Word file: sub-items, letter
# sub-items, codes, unnumbered rows, a continued item and document ranges.
PASTED = """\
1 Opening of the meeting
2. Adoption of the agenda (Document CWG-Internet-21/1)
Morning session
3 Reports
3.1 Report of the Secretary-General (CWG-Internet-21/2)
3.2 Report on the open consultation - Documents CWG-Internet-21/3 to 5
3.3 Oral report of the Chair
4. Work plan
5 Internet governance
5 a) Public policy issues (CWG-Internet-21/6)
5 b) Capacity building
5 c) Multilingualism (CWG-Internet-21/7, CWG-Internet-21/8)
Coffee break
6 Open consultation
6.1 Themes
6.1.1 Theme 1 (CWG-Internet-21/9)
6.1.2 Theme 2
6.2 Dates of the next consultation
Afternoon session
PL 1.3 Presentation by the Secretariat
PL 1.3 Questions and answers
Oral presentation
7 Contributions
7.1 Contribution of Brazil (CWG-Internet-21/10)
7.2 Contribution of India
Documents CWG-Internet-21/11 and 12
8 WSIS follow-up (CWG-Internet-21/13; CWG-Internet-21/14)
5 (cont'd) Internet governance
9 Dates of the next meetings
10 Any other business
11. Closing of the meeting
"""

EXPECTED = [
    ("1", "Opening of the meeting", ""),
    ("2", "Adoption of the agenda", "CWG-Internet-21/1"),
    ("", "Morning session", ""),
    ("3", "Reports", ""),
    ("3.1", "Report of the Secretary-General", "CWG-Internet-21/2"),
    (
        "3.2",
        "Report on the open consultation",
        "CWG-Internet-21/3; CWG-Internet-21/4; CWG-Internet-21/5",
    ),
    ("3.3", "Oral report of the Chair", ""),
    ("4", "Work plan", ""),
    ("5", "Internet governance", ""),
    ("5.a", "Public policy issues", "CWG-Internet-21/6"),
    ("5.b", "Capacity building", ""),
    ("5.c", "Multilingualism", "CWG-Internet-21/7; CWG-Internet-21/8"),
    ("", "Coffee break", ""),
    ("6", "Open consultation", ""),
    ("6.1", "Themes", ""),
    ("6.1.1", "Theme 1", "CWG-Internet-21/9"),
    ("6.1.2", "Theme 2", ""),
    ("6.2", "Dates of the next consultation", ""),
    ("", "Afternoon session", ""),
    ("PL 1.3", "Presentation by the Secretariat", ""),
    ("PL 1.3", "Questions and answers", ""),
    ("", "Oral presentation", ""),
    ("7", "Contributions", ""),
    ("7.1", "Contribution of Brazil", "CWG-Internet-21/10"),
    ("7.2", "Contribution of India", "CWG-Internet-21/11; CWG-Internet-21/12"),
    ("8", "WSIS follow-up", "CWG-Internet-21/13; CWG-Internet-21/14"),
    ("5 (cont'd)", "Internet governance", ""),
    ("9", "Dates of the next meetings", ""),
    ("10", "Any other business", ""),
    ("11", "Closing of the meeting", ""),
]


@pytest.fixture
def registered(meeting):
    agenda = agenda_get_or_create(meeting=meeting, user=SYSTEM)  # CWG-Internet-21/1
    for number in range(2, 15):
        document_for(meeting, f"Document {number}")
    return agenda


def _read_back(agenda):
    from agendas.management.commands.import_agenda import read_back

    return [tuple(line.split("\t")) for line in read_back(agenda).splitlines()]


def test_the_preview_shows_every_number_title_and_document_before_saving(meeting):
    pasted = parse_agenda(PASTED)
    assert len(pasted.rows) == 30
    assert [(r.number, r.title) for r in pasted.rows] == [(n, t) for n, t, _ in EXPECTED]
    assert pasted.rows[5].symbols == [f"CWG-Internet-21/{n}" for n in (3, 4, 5)]
    assert (
        not Agenda.objects.get(meeting=meeting).items.exists() if Agenda.objects.exists() else True
    )


def test_a_pasted_30_item_agenda_is_saved_as_printed(registered):
    agenda_paste(agenda=registered, actor=SYSTEM, pasted=parse_agenda(PASTED))
    assert _read_back(registered) == EXPECTED


def test_import_agenda_gives_the_same_tree(registered, tmp_path):
    path = tmp_path / "agenda.txt"
    path.write_text(PASTED, encoding="utf-8")
    out = StringIO()
    call_command(
        "import_agenda", str(path), "--body", "CWG-Internet", "--meeting", "21", stdout=out
    )
    printed = [tuple(line.split("\t")) for line in out.getvalue().rstrip("\n").splitlines()]
    assert printed == EXPECTED
    assert _read_back(registered) == EXPECTED


def test_import_agenda_creates_a_missing_meeting_and_flags_unregistered_documents(
    db, body, tmp_path
):
    path = tmp_path / "plan.txt"
    path.write_text("PL 1.1 Opening (CWG-Internet-30/7)\nBreak\nPL 1.2 Elections\n", "utf-8")
    out, err = StringIO(), StringIO()
    call_command(
        "import_agenda",
        str(path),
        "--body",
        "CWG-Internet",
        "--meeting",
        "30",
        "--kind",
        "time_plan",
        "--create",
        stdout=out,
        stderr=err,
    )
    assert out.getvalue().rstrip("\n").splitlines() == [
        "PL 1.1\tOpening\t",
        "\tBreak\t",
        "PL 1.2\tElections\t",
    ]
    assert "CWG-Internet-30/7" in err.getvalue()
    assert Agenda.objects.get(meeting__number=30).kind == "time_plan"


def test_the_secretariat_previews_then_confirms_a_paste_in_the_editor(
    client_for, registered, meeting
):
    from django.urls import reverse

    url = reverse("agendas:agenda_paste", kwargs={"body": meeting.body.slug, "number": 21})
    client = client_for("secretariat")
    text = PASTED + "12 Annex (CWG-Internet-21/99)\n"
    preview = client.post(url, {"text": text, "preview": "1"}).content.decode()
    assert "Create these 31 items" in preview
    assert "not registered" in preview
    assert "CWG-Internet-21/99" in preview
    assert not registered.items.exists()

    client.post(url, {"text": text, "confirm": "1"})
    assert _read_back(registered)[:30] == EXPECTED
    assert _read_back(registered)[30] == ("12", "Annex", "")


@pytest.mark.parametrize("role", ["delegate", "chair", "outsider"])
def test_only_the_secretariat_pastes(role, client_for, registered, meeting):
    from django.urls import reverse

    url = reverse("agendas:agenda_paste", kwargs={"body": meeting.body.slug, "number": 21})
    client_for(role).post(url, {"text": PASTED, "confirm": "1"})
    assert not registered.items.exists()
