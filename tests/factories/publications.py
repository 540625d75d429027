"""Publications in a given state, for pages and query counts (the real ones come from
``documents.publishing``)."""

from __future__ import annotations

import hashlib

import factory
from django.utils import timezone

from documents.enums import PublicationState
from documents.models import Publication


class PublicationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Publication

    version = factory.LazyAttribute(lambda p: p.document.version)
    state = PublicationState.PUBLISHED
    file = factory.LazyAttribute(
        lambda p: (
            f"publications/{p.document.pk}/doc-v{p.version}.pdf"
            if p.state == PublicationState.PUBLISHED
            else ""
        )
    )
    checksum = factory.LazyAttribute(
        lambda p: (
            hashlib.sha256(f"{p.document.pk}-{p.version}".encode()).hexdigest()
            if p.state == PublicationState.PUBLISHED
            else ""
        )
    )
    size = factory.LazyAttribute(
        lambda p: 48_213 if p.state == PublicationState.PUBLISHED else None
    )
    pages = factory.LazyAttribute(lambda p: 3 if p.state == PublicationState.PUBLISHED else None)
    error = factory.LazyAttribute(
        lambda p: (
            "The text refers to file:///etc/passwd, which publications may not load."
            if p.state == PublicationState.FAILED
            else ""
        )
    )
    attempts = 1
    started_at = factory.LazyFunction(timezone.now)
    finished_at = factory.LazyAttribute(
        lambda p: (
            timezone.now()
            if p.state in (PublicationState.PUBLISHED, PublicationState.FAILED)
            else None
        )
    )
