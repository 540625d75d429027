"""Documents registered through the real service (so symbols, search text and references are
what the application makes), and instruments."""

from __future__ import annotations

import datetime as dt

import factory

from documents import services
from documents.enums import Access, DocumentType, Language, ReferenceKind
from documents.models import Document, Instrument
from tests.factories.meetings import MeetingFactory, registrar


class DocumentFactory(factory.django.DjangoModelFactory):
    """``DocumentFactory(meeting=m, title=..., text=...)`` registers the next document of
    ``m`` (``series="INF"`` for an information document)."""

    class Meta:
        model = Document

    meeting = factory.SubFactory(MeetingFactory)
    series = ""
    title = factory.Sequence(lambda n: f"Contribution on Internet public policy number {n}")
    source = "Secretariat"
    doc_type = DocumentType.CONTRIBUTION
    purpose = ""
    date = factory.LazyFunction(lambda: dt.date(2025, 1, 20))
    original_language = Language.ENGLISH
    languages = ("en",)
    access = Access.PUBLIC
    text = "The Group is invited to take note of this document."
    actor = factory.LazyFunction(registrar)

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        return services.document_register(**kwargs)


def derive(base: Document, kind: str = "Rev", **kwargs) -> Document:
    """A revision (``"Rev"``), addendum (``"Add"``) or corrigendum (``"Corr"``) of ``base``."""
    kwargs.setdefault("date", dt.date(2025, 2, 1))
    kwargs.setdefault("actor", registrar())
    return services.document_derive(base=base, kind=kind, **kwargs)


class InstrumentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Instrument

    kind = ReferenceKind.RESOLUTION
    key = "PP Resolution 102 (Rev. Bucharest, 2022)"
    title = (
        "ITU's role with regard to international public policy issues pertaining to the "
        "Internet and the management of Internet resources, including domain names and "
        "addresses"
    )

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        return services.instrument_register(actor=registrar(), **kwargs)
