"""Demo data of the meetings app: bodies, meetings, sessions, Member States, one user per role.

Idempotent: every object is looked up by its natural key first, so running it twice changes
nothing. The 21st CWG-Internet meeting is placed a few weeks after the day of the first load,
with its contribution deadline still open; the 42nd CWG-WSIS&SDG meeting keeps its real dates.
"""

from __future__ import annotations

import datetime as dt

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from meetings import services
from meetings.enums import MeetingMode, Role
from meetings.models import Body, Meeting, MemberState

DEMO_PASSWORD = "agendum-demo"

BODIES = [
    # acronym, full name, slug, symbol prefix, joiner
    (
        "CWG-Internet",
        "Council Working Group on international Internet-related public policy issues",
        "cwg-internet",
        "CWG-Internet",
        "-",
    ),
    (
        "CWG-WSIS&SDG",
        "Council Working Group on the World Summit on the Information Society and the "
        "Sustainable Development Goals",
        "cwg-wsis-sdg",
        "CWG-WSIS&SDG",
        "-",
    ),
    ("Council", "ITU Council", "council", "C", ""),
]

MEMBER_STATES = [
    ("Russian Federation", "RUS"),
    ("Switzerland", "CHE"),
    ("Brazil", "BRA"),
    ("Kenya", "KEN"),
    ("India", "IND"),
    ("Saudi Arabia", "SAU"),
    ("China", "CHN"),
    ("United States", "USA"),
    ("Germany", "DEU"),
    ("Egypt", "EGY"),
]

# username, full name, [(body acronym, role, member state or None)]
USERS = [
    (
        "secretariat",
        "Sam Secretariat",
        [("CWG-Internet", Role.SECRETARIAT, None), ("CWG-WSIS&SDG", Role.SECRETARIAT, None)],
    ),
    ("chair", "Chris Chair", [("CWG-Internet", Role.CHAIR, None)]),
    ("vicechair", "Val Vice-Chair", [("CWG-Internet", Role.VICE_CHAIR, None)]),
    (
        "delegate",
        "Dana Delegate",
        [
            ("CWG-Internet", Role.DELEGATE, "Russian Federation"),
            ("CWG-WSIS&SDG", Role.DELEGATE, "Russian Federation"),
        ],
    ),
    ("delegate2", "Dev Delegate", [("CWG-Internet", Role.DELEGATE, "Brazil")]),
]


def _next_weekday(day: dt.date, weekday: int) -> dt.date:
    return day + dt.timedelta(days=(weekday - day.weekday()) % 7)


@transaction.atomic
def load(*, stdout=None, context: dict | None = None, today: dt.date | None = None) -> dict:
    today = today or timezone.localdate()
    tz = timezone.get_current_timezone()
    User = get_user_model()
    # The demo is set up by the administrator: every service call below acts as them.
    admin = User.objects.filter(username="admin").first() or User.objects.create_superuser(
        username="admin", password=DEMO_PASSWORD, email="admin@example.org"
    )
    bodies: dict[str, Body] = {}
    for acronym, name, slug, prefix, joiner in BODIES:
        body = Body.objects.filter(acronym=acronym).first()
        if body is None:
            body = services.body_create(
                actor=admin,
                acronym=acronym,
                name=name,
                slug=slug,
                symbol_prefix=prefix,
                symbol_joiner=joiner,
            )
        bodies[acronym] = body

    states = {}
    for name, code in MEMBER_STATES:
        state = MemberState.objects.filter(iso_code=code).first()
        states[name] = state or services.member_state_create(actor=admin, name=name, iso_code=code)

    meetings: dict[str, Meeting] = {}
    # CWG-WSIS&SDG-42: the real meeting, 10-11 February 2025, Geneva.
    wsis = bodies["CWG-WSIS&SDG"]
    meetings["wsis42"] = Meeting.objects.filter(body=wsis, number=42).first() or _meeting(
        actor=admin,
        body=wsis,
        number=42,
        start=dt.date(2025, 2, 10),
        end=dt.date(2025, 2, 11),
        deadline=dt.datetime(2025, 1, 31, 12, 0, tzinfo=tz),
        venue="ITU Headquarters, Geneva",
    )
    # CWG-Internet-21: five weeks ahead of the load, deadline two weeks before it opens.
    internet = bodies["CWG-Internet"]
    start = _next_weekday(today + dt.timedelta(days=35), 0)
    meetings["internet21"] = Meeting.objects.filter(body=internet, number=21).first() or _meeting(
        actor=admin,
        body=internet,
        number=21,
        start=start,
        end=start + dt.timedelta(days=1),
        deadline=dt.datetime.combine(start - dt.timedelta(days=14), dt.time(23, 59), tzinfo=tz),
        venue="ITU Headquarters, Geneva",
    )
    # A past meeting of CWG-Internet so the body's list has history.
    meetings["internet20"] = Meeting.objects.filter(body=internet, number=20).first() or _meeting(
        actor=admin,
        body=internet,
        number=20,
        start=dt.date(2024, 9, 19),
        end=dt.date(2024, 9, 20),
        deadline=dt.datetime(2024, 9, 9, 12, 0, tzinfo=tz),
        venue="ITU Headquarters, Geneva",
    )
    council = bodies["Council"]
    meetings["council25"] = Meeting.objects.filter(body=council, number=25).first() or _meeting(
        actor=admin,
        body=council,
        number=25,
        start=dt.date(2025, 6, 17),
        end=dt.date(2025, 6, 27),
        deadline=dt.datetime(2025, 5, 17, 23, 59, tzinfo=tz),
        venue="ITU Headquarters, Geneva",
        sessions=False,
    )

    logins = []
    for username, full_name, roles in USERS:
        user = User.objects.filter(username=username).first()
        if user is None:
            first, last = full_name.split(" ", 1)
            user = User.objects.create_user(
                username=username,
                password=DEMO_PASSWORD,
                first_name=first,
                last_name=last,
                email=f"{username}@example.org",
            )
        for acronym, role, state in roles:
            services.membership_grant(
                actor=admin,
                user=user,
                body=bodies[acronym],
                role=role,
                member_state=states[state] if state else None,
            )
        logins.append((username, ", ".join(f"{r.label} of {a}" for a, r, _ in roles)))
    logins.append(("admin", "administrator (all bodies, admin pages)"))
    return {
        "admin": admin,
        "bodies": bodies,
        "meetings": meetings,
        "states": states,
        "logins": logins,
    }


def _meeting(
    *,
    actor,
    body: Body,
    number: int,
    start: dt.date,
    end: dt.date,
    deadline,
    venue: str,
    sessions: bool = True,
) -> Meeting:
    meeting = services.meeting_create(
        actor=actor,
        body=body,
        number=number,
        start_date=start,
        end_date=end,
        mode=MeetingMode.HYBRID,
        venue=venue,
        contribution_deadline=deadline,
    )
    if sessions:
        day = start
        while day <= end:
            services.session_create(
                actor=actor,
                meeting=meeting,
                date=day,
                start_time=dt.time(9, 30),
                end_time=dt.time(12, 30),
                room="Popov Room",
                title="Morning session",
            )
            services.session_create(
                actor=actor,
                meeting=meeting,
                date=day,
                start_time=dt.time(14, 30),
                end_time=dt.time(17, 30),
                room="Popov Room",
                title="Afternoon session",
            )
            day += dt.timedelta(days=1)
    return meeting
