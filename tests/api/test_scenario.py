"""The scenario through the API alone, with personal tokens: a delegate submits the WSIS+20
proposal, the secretariat puts it under consideration, the chair includes it, and the
agenda JSON shows the new item with CWG-WSIS&SDG-42/13."""

from __future__ import annotations

import datetime as dt

import pytest

from agendas.services import agenda_get_or_create
from documents.enums import Access
from documents.models import SymbolCounter
from documents.services import document_register
from meetings.models import Body
from tests.factories.meetings import MeetingFactory, registrar
from tests.factories.proposals import scenario_fields

pytestmark = pytest.mark.django_db

WSIS_TITLE = (
    "WSIS+20 report on ITU's contribution to the implementation of and follow-up to WSIS "
    "outcomes and its role in achieving the SDGs"
)


@pytest.fixture
def wsis_outline(people):
    """CWG-WSIS&SDG-42/13, the document the proposal asks to list."""
    wsis = Body.objects.get(slug="cwg-wsis-sdg")
    wsis42 = MeetingFactory(
        body=wsis, number=42, start_date=dt.date(2025, 2, 10), end_date=dt.date(2025, 2, 11)
    )
    SymbolCounter.objects.create(meeting=wsis42, series="", last_number=12)
    return document_register(
        actor=registrar(),
        meeting=wsis42,
        title="Draft outline WSIS+20 report on ITU's contribution",
        source="Secretary-General",
    )


def _post(client, url: str, data: dict | None = None):
    return client.post(url, data or {}, content_type="application/json")


def test_the_scenario_through_the_api_alone(api_as, people, meeting, wsis_outline):
    agenda = agenda_get_or_create(meeting=meeting, user=people["secretariat"])
    delegate, secretariat, chair = api_as("delegate"), api_as("secretariat"), api_as("chair")

    created = _post(delegate, "/api/v1/proposals/", {"meeting": meeting.pk, **scenario_fields()})
    assert created.status_code == 201, created.json()
    proposal = created.json()
    assert proposal["state"] == "draft"
    assert proposal["member_state"] == "Russian Federation"
    assert proposal["allowed_actions"] == ["submit", "withdraw"]

    url = f"/api/v1/proposals/{proposal['id']}/"
    submitted = _post(delegate, url + "submit/").json()
    assert submitted["state"] == "submitted"
    assert submitted["document"] == "CWG-Internet-21/2"  # /1 is the agenda

    considered = _post(secretariat, url + "consider/", {"note": "On the list."}).json()
    assert considered["state"] == "under_consideration"

    decided = _post(
        chair,
        url + "decide/",
        {"decision": "include", "rationale": "Within the mandate of the group."},
    ).json()
    assert decided["state"] == "included"
    assert decided["decision_rationale"] == "Within the mandate of the group."

    # The members' view of the agenda: the live draft, with the new item.
    shown = delegate.get(f"/api/v1/agendas/{agenda.pk}/").json()
    assert shown["symbol"] == "CWG-Internet-21/1"
    item = next(i for i in shown["draft"] if i["proposal"] == proposal["id"])
    assert item["title"] == WSIS_TITLE
    assert item["number"] == "1"
    assert [d["symbol"] for d in item["documents"]] == [
        "CWG-Internet-21/2",
        "CWG-WSIS&SDG-42/13",
    ]
    # The agenda is found from the meeting too.
    listed = api_as("anonymous").get(f"/api/v1/agendas/?meeting={meeting.pk}").json()
    assert [a["symbol"] for a in listed["results"]] == ["CWG-Internet-21/1"]


def test_a_step_that_is_not_yours_is_refused_with_the_pages_sentence(api_as, people, meeting):
    created = _post(
        api_as("delegate"), "/api/v1/proposals/", {"meeting": meeting.pk, **scenario_fields()}
    ).json()
    answer = _post(api_as("secretariat"), f"/api/v1/proposals/{created['id']}/submit/")
    # A draft is its writer's alone: the secretariat does not even see it.
    assert answer.status_code == 404
    delegate = api_as("delegate")
    _post(delegate, f"/api/v1/proposals/{created['id']}/submit/")
    refused = _post(
        delegate,
        f"/api/v1/proposals/{created['id']}/decide/",
        {"decision": "include", "rationale": "Mine."},
    )
    assert refused.status_code == 403
    assert refused["Content-Type"] == "application/problem+json"
    assert refused.json()["detail"] == (
        "Only the chair or a vice-chair of CWG-Internet can decide on proposals."
    )
    twice = _post(delegate, f"/api/v1/proposals/{created['id']}/submit/")
    assert twice.status_code == 409
    assert twice.json()["detail"] == "This proposal has already been submitted."


def test_a_decision_without_rationale_says_so_like_the_form(api_as, people, meeting):
    from tests.factories.proposals import proposal_in_state

    proposal = proposal_in_state("under_consideration", people=people, meeting=meeting)
    answer = _post(
        api_as("chair"), f"/api/v1/proposals/{proposal.pk}/decide/", {"decision": "include"}
    )
    assert answer.status_code == 400
    problem = answer.json()
    assert problem["errors"]["rationale"] == ["Give the rationale of the decision."]
    assert problem["detail"] == "Give the rationale of the decision."


def test_outsiders_token_gets_404_on_a_restricted_document(api_as, meeting):
    secret = document_register(
        actor=registrar(),
        meeting=meeting,
        title="Draft elements of the report",
        source="Chair",
        access=Access.RESTRICTED,
    )
    url = f"/api/v1/documents/{secret.pk}/"
    refused = api_as("outsider").get(url)
    assert refused.status_code == 404
    assert refused.json()["detail"] == "No document is registered under this id."
    assert "Draft elements" not in refused.content.decode()
    # Nor is it in the outsider's list, while a member reads it.
    listed = api_as("outsider").get("/api/v1/documents/").json()["results"]
    assert secret.symbol not in [d["symbol"] for d in listed]
    assert api_as("delegate").get(url).json()["title"] == "Draft elements of the report"


def test_a_revoked_token_authenticates_nobody(people, meeting):
    from django.test import Client

    from meetings.services import api_token_create, api_token_revoke

    token, key = api_token_create(user=people["delegate"], name="sync")
    client = Client(headers={"Authorization": f"Bearer {key}"})
    assert client.get("/api/v1/proposals/").status_code == 200
    api_token_revoke(token=token, actor=people["delegate"])
    refused = client.get("/api/v1/proposals/")
    assert refused.status_code == 401
    assert refused.json()["detail"] == (
        "This token is unknown or was revoked: make a new one on “My account”."
    )


def test_an_unchanged_answer_is_not_sent_twice(api_as, meeting):
    client = api_as("anonymous")
    first = client.get(f"/api/v1/meetings/{meeting.pk}/")
    assert first.json()["name"] == "21st meeting of CWG-Internet"
    again = client.get(f"/api/v1/meetings/{meeting.pk}/", headers={"If-None-Match": first["ETag"]})
    assert again.status_code == 304
    assert again.content == b""


def test_document_filters_are_the_registrys(api_as, meeting):
    document_register(
        actor=registrar(), meeting=meeting, title="Report of the chair", source="Chair"
    )
    document_register(
        actor=registrar(), meeting=meeting, title="Contribution", source="Russian Federation"
    )
    client = api_as("anonymous")
    found = client.get("/api/v1/documents/?source=russ").json()["results"]
    assert [d["source"] for d in found] == ["Russian Federation"]
    wrong = client.get("/api/v1/documents/?date_from=2025-02-01&date_to=2025-01-01")
    assert wrong.status_code == 400
    assert wrong.json()["errors"]["date_to"] == ["The end of the period is before its start."]


def test_a_token_over_its_rate_is_told_when_to_come_back(api_as, monkeypatch):
    from config.api import TokenRateThrottle

    monkeypatch.setattr(TokenRateThrottle, "THROTTLE_RATES", {"token": "3/hour"})
    client = api_as("delegate")
    answers = [client.get("/api/v1/bodies/") for _ in range(4)]
    assert [a.status_code for a in answers] == [200, 200, 200, 429]
    refused = answers[-1]
    assert refused["Content-Type"] == "application/problem+json"
    assert refused.json()["title"] == "Too Many Requests"
    assert 0 < int(refused["Retry-After"]) <= 3600
    # Another token of someone else is not held back.
    assert api_as("chair").get("/api/v1/bodies/").json()[0]["acronym"] == "CWG-Internet"
