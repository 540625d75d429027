"""Every write of documents.services checks its actor's permission itself: one test per
service over every role of the ``people`` fixture. A refusal changes nothing."""

from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied

from documents import services
from documents.enums import DocumentType, SuffixKind
from documents.models import Document, DocumentListing, Instrument
from meetings.models import MemberState
from tests.conftest import ROLE_NAMES
from tests.factories import MeetingFactory
from tests.factories.documents import DocumentFactory

STAFF = {"secretariat", "superuser"}


def _outcome(allowed: bool, write) -> None:
    if allowed:
        write()
    else:
        with pytest.raises(PermissionDenied, match="Only the secretariat"):
            write()


@pytest.mark.parametrize("role", ROLE_NAMES)
@pytest.mark.parametrize(
    ("doc_type", "also_allowed"),
    [
        (DocumentType.REPORT, set()),
        # A delegate's proposal registers its contribution; the chair's include step may
        # register the agenda.
        (DocumentType.CONTRIBUTION, {"delegate"}),
        (DocumentType.AGENDA, {"chair", "vice_chair"}),
    ],
)
def test_document_register_as_each_role(role, doc_type, also_allowed, people, meeting):
    allowed = role in STAFF | also_allowed
    _outcome(
        allowed,
        lambda: services.document_register(
            actor=people[role],
            meeting=meeting,
            title="Report on the work of the Group",
            source="Secretariat",
            doc_type=doc_type,
        ),
    )
    registered = Document.objects.filter(meeting=meeting, title="Report on the work of the Group")
    assert list(registered.values_list("symbol", "created_by")) == (
        [("CWG-Internet-21/1", people[role].pk)] if allowed else []
    )


@pytest.mark.parametrize("role", ROLE_NAMES)
def test_document_derive_as_each_role(role, people, meeting):
    base = DocumentFactory(meeting=meeting)
    _outcome(
        role in STAFF,
        lambda: services.document_derive(actor=people[role], base=base, kind=SuffixKind.REVISION),
    )
    revisions = Document.objects.filter(parent=base).values_list("symbol", flat=True)
    assert list(revisions) == ([f"{base.symbol}(Rev.1)"] if role in STAFF else [])


@pytest.mark.parametrize("role", ROLE_NAMES)
@pytest.mark.parametrize(
    ("doc_type", "also_allowed"),
    [
        (DocumentType.REPORT, set()),
        # The delegates of the Member State a contribution comes from edit and withdraw it.
        (DocumentType.CONTRIBUTION, {"delegate"}),
    ],
)
def test_document_update_as_each_role(role, doc_type, also_allowed, people, meeting):
    document = DocumentFactory(
        meeting=meeting,
        doc_type=doc_type,
        source="Russian Federation",
        source_state=MemberState.objects.get(name="Russian Federation"),
        title="First title",
    )
    allowed = role in STAFF | also_allowed
    _outcome(
        allowed,
        lambda: services.document_update(actor=people[role], document=document, title="Changed"),
    )
    document.refresh_from_db()
    assert document.title == ("Changed" if allowed else "First title")


@pytest.mark.parametrize("role", ROLE_NAMES)
def test_document_list_for_meeting_as_each_role(role, people, meeting):
    earlier = MeetingFactory(body=meeting.body, number=20)
    document = DocumentFactory(meeting=earlier)
    _outcome(
        role in STAFF,
        lambda: services.document_list_for_meeting(
            actor=people[role], document=document, meeting=meeting
        ),
    )
    listed = DocumentListing.objects.filter(document=document, meeting=meeting)
    assert listed.exists() is (role in STAFF)


@pytest.mark.parametrize("role", ROLE_NAMES)
def test_instrument_register_as_each_role(role, people):
    # Resolutions are shared by every body: the secretariat of any body records them.
    allowed = role in STAFF | {"other_body_secretariat"}
    _outcome(
        allowed,
        lambda: services.instrument_register(
            actor=people[role], kind="resolution", key="Resolution 1305 (MOD)"
        ),
    )
    assert Instrument.objects.filter(key="Resolution 1305 (MOD)").exists() is allowed
