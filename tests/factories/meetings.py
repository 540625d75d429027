from __future__ import annotations

import datetime as dt

import factory
from django.contrib.auth import get_user_model
from django.utils import timezone

from meetings.enums import MeetingMode, Role
from meetings.models import Body, Meeting, Membership, MemberState, Session

PASSWORD = "correct-horse-battery"


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ("username",)
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    first_name = "Test"
    last_name = factory.Sequence(lambda n: f"Person {n}")
    email = factory.LazyAttribute(lambda u: f"{u.username}@example.org")
    password = factory.PostGenerationMethodCall("set_password", PASSWORD)

    @factory.post_generation
    def _save(obj, create, extracted, **kwargs):
        if create:
            obj.save()


class BodyFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Body
        django_get_or_create = ("acronym",)

    acronym = factory.Sequence(lambda n: f"CWG-Test{chr(65 + n % 26)}{n}")
    name = factory.LazyAttribute(lambda b: f"Council Working Group {b.acronym}")
    slug = factory.LazyAttribute(lambda b: b.acronym.lower().replace("&", "-"))
    symbol_prefix = factory.LazyAttribute(lambda b: b.acronym)
    symbol_joiner = "-"


class MeetingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Meeting

    body = factory.SubFactory(BodyFactory)
    number = factory.Sequence(lambda n: n + 1)
    start_date = factory.LazyFunction(lambda: timezone.localdate() + dt.timedelta(days=30))
    end_date = factory.LazyAttribute(lambda m: m.start_date + dt.timedelta(days=1))
    mode = MeetingMode.HYBRID
    venue = "ITU Headquarters, Geneva"
    contribution_deadline = factory.LazyAttribute(
        lambda m: timezone.make_aware(
            dt.datetime.combine(m.start_date - dt.timedelta(days=14), dt.time(23, 59))
        )
    )


class SessionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Session

    meeting = factory.SubFactory(MeetingFactory)
    date = factory.LazyAttribute(lambda s: s.meeting.start_date)
    start_time = dt.time(9, 30)
    end_time = dt.time(12, 30)
    room = "Popov Room"
    title = "Morning session"


class MemberStateFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = MemberState
        django_get_or_create = ("iso_code",)

    name = factory.Sequence(lambda n: f"State {n}")
    iso_code = factory.Sequence(
        lambda n: f"{chr(65 + n // 676 % 26)}{chr(65 + n // 26 % 26)}{chr(65 + n % 26)}"
    )


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Membership

    user = factory.SubFactory(UserFactory)
    body = factory.SubFactory(BodyFactory)
    role = Role.DELEGATE
    member_state = factory.Maybe(
        factory.LazyAttribute(lambda m: m.role == Role.DELEGATE),
        yes_declaration=factory.SubFactory(MemberStateFactory),
        no_declaration=None,
    )


def registrar():
    """The person factories act for when a test does not name one: an administrator, whom
    every service allows (services check their actor's permission themselves)."""
    return UserFactory(username="registrar", is_superuser=True, is_staff=True)
