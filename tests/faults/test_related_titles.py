"""Issue 11, item 4: a public revision of a restricted document named the restricted title
("Revises CWG-Internet-21/1 (<restricted title>)") to anyone."""

from __future__ import annotations

import pytest

from documents.enums import Access
from tests.factories.documents import DocumentFactory, derive

pytestmark = pytest.mark.faults

SECRET_TITLE = "Draft position on the WSIS+20 negotiations (members only)"


@pytest.mark.parametrize(
    ("role", "sees_title"),
    [("anonymous", False), ("outsider", False), ("delegate", True), ("secretariat", True)],
)
def test_public_revision_names_a_restricted_base_only_to_those_who_may_see_it(
    client_for, meeting, role, sees_title
):
    base = DocumentFactory(meeting=meeting, title=SECRET_TITLE, access=Access.RESTRICTED)
    revision = derive(base, title="Public revision")
    type(revision).objects.filter(pk=revision.pk).update(access=Access.PUBLIC)
    page = client_for(role).get(revision.get_absolute_url()).content.decode()
    assert "Public revision" in page
    assert "Revises" in page
    assert base.symbol in page
    assert (SECRET_TITLE in page) is sees_title
    if not sees_title:
        assert "(restricted to members of the body)" in page
