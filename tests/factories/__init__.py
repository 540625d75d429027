from tests.factories.meetings import (
    BodyFactory,
    MeetingFactory,
    MembershipFactory,
    MemberStateFactory,
    SessionFactory,
    UserFactory,
)

__all__ = [
    "BodyFactory",
    "MeetingFactory",
    "MemberStateFactory",
    "MembershipFactory",
    "SessionFactory",
    "UserFactory",
]
