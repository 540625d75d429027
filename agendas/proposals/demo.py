"""Demo proposals: the scenario contribution (../shared/scenario/proposal-cwg-internet-21.txt,
embedded below) submitted by ``delegate`` (Russian Federation) for the 21st CWG-Internet
meeting and put under consideration by ``secretariat``, so that ``chair`` can include it;
plus a draft by ``delegate2`` and a rejected proposal, so that no list is empty.

Called by the agendas demo (``agendas.demo``) after the agenda of the meeting exists.
Idempotent: each proposal is looked up by meeting, proposer and title first, and one that
exists is left as it is (a person may have decided on it meanwhile).
"""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.db import transaction

from agendas.enums import Decision
from agendas.models import Proposal
from agendas.proposals.services import (
    proposal_consider,
    proposal_create,
    proposal_decide,
    proposal_submit,
)
from agendas.services import agenda_get_or_create
from meetings.models import Meeting, MemberState

SCENARIO_TITLE = (
    "WSIS+20 report on ITU's contribution to the implementation of and follow-up to WSIS "
    "outcomes and its role in achieving the SDGs"
)

# The contribution as the Russian Federation wrote it, section by section (the text keeps
# its tabs, its no-break spaces and its typography).
SCENARIO = {
    "title": SCENARIO_TITLE,
    "purpose": (
        "To include to the Draft agenda for 21st CWG-Internet meeting a new item on WSIS+20 "
        "report on ITU's contribution to the implementation of and follow-up to WSIS outcomes "
        "and its role in achieving the SDGs."
    ),
    "action_required": (
        "The Council Working Group on international Internet-related public policy issues is "
        "invited to consider the present proposal and decide on inclusion in the agenda of a "
        "new item: WSIS+20 report on ITU's contribution to the implementation of and "
        "follow-up to WSIS outcomes and its role in achieving the SDGs."
    ),
    "references": (
        "Document CWG-Internet-21/1, Document CWG-WSIS&SDG-42/13, PP Resolutions 102 and 140 "
        "(Rev.\u00a0Bucharest, 2022)"
    ),
    "introduction": "\n".join(
        [
            "Resolution 102 (Rev.\u00a0Bucharest, 2022) resolves",
            "1\tto explore ways and means, in accordance with the Tunis Agenda, for greater "
            "reciprocal collaboration and coordination between ITU and relevant organizations "
            "involved in the development of IP-based networks and the future Internet in the "
            "context of new and emerging telecommunications/ICTs, through cooperation "
            "agreements, as appropriate, in order to increase the role of ITU in Internet "
            "governance, and to promote greater participation by Member States in Internet "
            "governance, so as to ensure maximum benefits to the global community and promote "
            "affordable international connectivity; 2 that ITU may assist Member States to "
            "identify and access the advice and support that is available from other relevant "
            "entities and organizations.",
            "...",
            "4\tto continue undertaking activities on international Internet related public "
            "policy issues within ITU's mandate, including in CWG-Internet, in collaboration "
            "and cooperation with relevant organizations and stakeholders, as appropriate, "
            "with special attention to the needs of developing countries.",
            "Resolution 140 (Rev.\u00a0Bucharest, 2022) instructs the Secretary-General",
            "16\tto prepare and submit a WSIS+20 report on ITU's contribution to the "
            "implementation of and follow-up to  WSIS outcomes and its role in achieving the "
            "SDGs (2015-2025) for submission to the 2025 session of CSTD and UNGA.",
            "The Secretary-General has presented the Draft outline WSIS+20 Report on ITU'S "
            "contribution to the implementation of and follow-up to the WSIS outcomes and its "
            "role in achieving the SDGS for consideration at 42d meeting of CWG WSIS&SDG on "
            "10-11 February 2025 (Document CWG-WSIS&SDG-42/13).",
            "Due to ITU\u2019s involving in the activities on international Internet related "
            "public policy issues within it's mandate, these activities shall be reflected in "
            "the ITU Report \u201cWSIS+20\u201d and to be considered by CWG-Internet within the "
            "framework of its mandate.",
        ]
    ),
    "proposals": "\n".join(
        [
            "2.1\tTo include the new item to the Agenda of the 21st CWG-Internet meeting: a "
            "WSIS+20 report on ITU's contribution to the implementation of and follow-up to "
            "the WSIS outcomes and its role in achieving the SDGs.",
            "2.2\tTo publish the Secretary-General Report \u201cthe Draft outline WSIS+20 "
            "Report on ITU'S contribution to the implementation of and follow-up to WSIS "
            "outcomes and its role in achieving the SDG\u2019s\u201d (Document "
            "CWG-WSIS&SDG-42/13) as the Official document for the 21st CWG-Internet meeting "
            "ASAP.",
        ]
    ),
}

DRAFT = {
    "title": "Progress report on multilingual domain names and universal acceptance",
    "purpose": (
        "To invite the group to take stock of the deployment of internationalized domain "
        "names and of universal acceptance in developing countries."
    ),
    "action_required": (
        "The group is invited to consider including an item on multilingualism of the "
        "Internet in the agenda of its next meeting."
    ),
    "references": "PP Resolution 133 (Rev.\u00a0Bucharest, 2022)",
    "introduction": (
        "Resolution 133 (Rev.\u00a0Bucharest, 2022) invites Member States to promote the use "
        "of internationalized domain names."
    ),
    "proposals": "2.1\tTo add an item on multilingual domain names to the agenda.",
}

REJECTED = {
    "title": "Open consultation on the environmental footprint of Internet infrastructure",
    "purpose": "To hold an additional open consultation before the 21st meeting.",
    "action_required": "The group is invited to decide on an additional open consultation.",
    "references": "Council Resolution 1344 (modified 2019)",
    "introduction": (
        "Council Resolution 1344 (modified 2019) sets how the group consults all stakeholders."
    ),
    "proposals": "2.1\tTo hold an open consultation on the environmental footprint.",
}
REJECTION = (
    "The topics of open consultations are chosen by Council (Resolution 1344); the group "
    "cannot add one by itself. Brazil is invited to bring the proposal to the next session "
    "of Council."
)
CONSIDERATION_NOTE = "Received in time; forwarded to the chair for a decision."


def _existing(meeting: Meeting, proposer, title: str) -> Proposal | None:
    return Proposal.objects.filter(meeting=meeting, proposer=proposer, title=title).first()


@transaction.atomic
def load_proposals(*, context: dict) -> dict:
    """Create the demo proposals (once); returns ``{"proposals": {...}}`` for the context."""
    User = get_user_model()
    users = {u.username: u for u in User.objects.filter(username__in=_USERNAMES)}
    meeting = (
        Meeting.objects.select_related("body")
        .filter(body__acronym="CWG-Internet", number=21)
        .first()
    )
    if meeting is None or set(users) != set(_USERNAMES):
        return {}
    states = {
        s.name: s for s in MemberState.objects.filter(name__in=["Russian Federation", "Brazil"])
    }
    found: dict[str, Proposal] = {}

    scenario = _existing(meeting, users["delegate"], SCENARIO_TITLE)
    if scenario is None:
        # The agenda is document 1 of the meeting, which the contribution cites.
        agenda_get_or_create(meeting=meeting, user=users["secretariat"])
        scenario = proposal_create(
            meeting=meeting,
            proposer=users["delegate"],
            member_state=states["Russian Federation"],
            **SCENARIO,
        )
        scenario = proposal_submit(proposal=scenario, actor=users["delegate"])
        scenario = proposal_consider(
            proposal=scenario, actor=users["secretariat"], note=CONSIDERATION_NOTE
        )
    found["scenario"] = scenario

    draft = _existing(meeting, users["delegate2"], DRAFT["title"])
    if draft is None:
        draft = proposal_create(
            meeting=meeting, proposer=users["delegate2"], member_state=states["Brazil"], **DRAFT
        )
    found["draft"] = draft

    rejected = _existing(meeting, users["delegate2"], REJECTED["title"])
    if rejected is None:
        rejected = proposal_create(
            meeting=meeting,
            proposer=users["delegate2"],
            member_state=states["Brazil"],
            **REJECTED,
        )
        proposal_submit(proposal=rejected, actor=users["delegate2"])
        proposal_consider(proposal=rejected, actor=users["secretariat"])
        rejected = proposal_decide(
            proposal=rejected,
            actor=users["chair"],
            decision=Decision.REJECT,
            rationale=REJECTION,
        )
    found["rejected"] = rejected
    return {"proposals": found}


_USERNAMES = ("delegate", "delegate2", "secretariat", "chair")
