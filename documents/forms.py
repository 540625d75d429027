"""Forms that write the registry: registration, editing, derived documents (revisions,
addenda, corrigenda) and listing for another meeting. The list's filters and "go to
symbol" are in ``documents.search_forms``."""

from __future__ import annotations

import html
import re
import uuid

from crispy_forms.helper import FormHelper
from crispy_forms.layout import HTML, Div, Field, Fieldset, Layout, Submit
from django import forms
from django.conf import settings
from django.template.defaultfilters import filesizeformat
from django.urls import reverse
from django.utils.functional import lazy
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext, pgettext_lazy
from django.utils.translation import gettext_lazy as _

from documents.enums import (
    KNOWN_SERIES,
    Access,
    DocumentStatus,
    DocumentType,
    Language,
    Purpose,
    SuffixKind,
)
from documents.services import EDITABLE_FIELD_NAMES, EDITABLE_FIELDS
from documents.text import looks_like_html
from meetings.models import Meeting, MemberState

# Sources that are not Member States, offered first in the source field's suggestions.
OFFICIAL_SOURCES = ("Secretary-General", "Secretariat", "Chair", "Vice-Chair")

# Uploads: the extensions accepted, and how the start of each kind of file looks.
_ZIP = b"PK\x03\x04"
_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
UPLOAD_SIGNATURES = {
    "pdf": (b"%PDF-",),
    "docx": (_ZIP,),
    "xlsx": (_ZIP,),
    "pptx": (_ZIP,),
    "odt": (_ZIP,),
    "doc": (_OLE,),
    "xls": (_OLE,),
    "ppt": (_OLE,),
    "rtf": (b"{\\rtf",),
    "txt": (),
}
UPLOAD_KINDS = _("PDF, Word (DOCX or DOC), OpenDocument text, Excel, PowerPoint, RTF or plain text")


def upload_sizes() -> dict:
    """The kinds of file accepted and the largest size, for the sentences that name them."""
    return {"kinds": UPLOAD_KINDS, "size": filesizeformat(settings.MAX_UPLOAD_BYTES)}


def upload_help() -> str:
    return gettext("%(kinds)s; up to %(size)s.") % upload_sizes()


def meeting_label(meeting: Meeting) -> str:
    return f"{meeting.symbol_stem} — {meeting.display_name}"


class MeetingChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return meeting_label(obj)


def validate_upload(upload) -> None:
    """Refuse files that are too large or of a kind the registry does not keep, with a
    sentence that says what is accepted."""
    if upload is None:
        return
    limit = settings.MAX_UPLOAD_BYTES
    if upload.size > limit:
        raise forms.ValidationError(
            gettext(
                "The file “%(name)s” is %(size)s; files of up to %(limit)s can be uploaded. "
                "Make it smaller (for example save it as PDF) or paste the text instead."
            )
            % {
                "name": upload.name,
                "size": filesizeformat(upload.size),
                "limit": filesizeformat(limit),
            },
            code="too_large",
        )
    extension = upload.name.rsplit(".", 1)[-1].lower() if "." in upload.name else ""
    if extension not in UPLOAD_SIGNATURES:
        raise forms.ValidationError(
            gettext("“%(name)s” is not a kind of file the registry keeps. Upload %(kinds)s.")
            % {"name": upload.name, "kinds": UPLOAD_KINDS},
            code="unknown_type",
        )
    head = upload.read(8)
    upload.seek(0)
    signatures = UPLOAD_SIGNATURES[extension]
    if signatures and not any(head.startswith(sig) for sig in signatures):
        raise forms.ValidationError(
            gettext(
                "“%(name)s” does not look like a %(extension)s file; it may be damaged or have "
                "the wrong name. Upload the original file."
            )
            % {"name": upload.name, "extension": extension.upper()},
            code="wrong_content",
        )
    if not signatures:
        try:
            upload.read(64 * 1024).decode("utf-8")
        except UnicodeDecodeError:
            raise forms.ValidationError(
                gettext("“%(name)s” is not plain text in UTF-8. Upload %(kinds)s.")
                % {"name": upload.name, "kinds": UPLOAD_KINDS},
                code="wrong_content",
            ) from None
        finally:
            upload.seek(0)


_SIMPLE_HTML = re.compile(r"(?:<p>(?:(?!</?p>).)*</p>)+", re.DOTALL)


def text_for_editing(stored_html: str) -> str:
    """The stored text as the editor shows it: plain paragraphs when it has no other markup
    than paragraphs and line breaks (so that saving it unchanged gives the same HTML),
    otherwise the HTML itself."""
    stored_html = stored_html or ""
    if not _SIMPLE_HTML.fullmatch(stored_html) or re.search(r"<(?!/?p>|br>)", stored_html):
        return stored_html
    paragraphs = re.findall(r"<p>(.*?)</p>", stored_html, re.DOTALL)
    plain = "\n\n".join(html.unescape(p.replace("<br>", "\n")) for p in paragraphs)
    return stored_html if looks_like_html(plain) else plain


def source_suggestions() -> list[str]:
    return [*OFFICIAL_SOURCES, *MemberState.objects.order_by("name").values_list("name", flat=True)]


def source_datalist(sources: list[str] | None = None) -> str:
    """``<datalist id="source-options">`` of the sources, for inputs with
    ``list="source-options"``."""
    options = format_html_join(
        "", '<option value="{}"></option>', ((name,) for name in sources or source_suggestions())
    )
    return format_html('<datalist id="source-options">{}</datalist>', options)


# ------------------------------------------------------------------------ register and edit


def _language_field() -> forms.MultipleChoiceField:
    return forms.MultipleChoiceField(
        label=_("Issued in"),
        choices=Language.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
        help_text=_("The original language is always included."),
    )


def _previews_symbol(name: str, preview_url: str) -> Field:
    """A field whose change asks the server for the next symbol again."""
    return Field(
        name,
        hx_get=preview_url,
        hx_trigger="change",
        hx_target="#next-symbol",
        hx_swap="outerHTML",
        hx_sync="closest form:replace",
        hx_include="#id_meeting, #id_series",
    )


class _DocumentFields(forms.Form):
    """The fields that registration and editing share."""

    doc_type = forms.ChoiceField(label=_("Type"), choices=DocumentType.choices)
    purpose = forms.ChoiceField(
        label=_("Purpose"), choices=[("", "—"), *Purpose.choices], required=False
    )
    title = forms.CharField(label=_("Title"), max_length=500)
    source = forms.CharField(
        label=_("Source"),
        max_length=200,
        help_text=_(
            "A Member State (or several, separated by commas), Secretary-General, "
            "Secretariat or Chair."
        ),
        widget=forms.TextInput(attrs={"list": "source-options", "autocomplete": "off"}),
    )
    date = forms.DateField(
        label=_("Date"),
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )
    original_language = forms.ChoiceField(
        label=_("Original language"), choices=Language.choices, initial=Language.ENGLISH
    )
    languages = _language_field()
    access = forms.ChoiceField(
        label=_("Access"),
        choices=Access.choices,
        initial=Access.PUBLIC,
        widget=forms.RadioSelect,
        help_text=_(
            "A restricted document is invisible to anyone who is not a member of the body."
        ),
    )
    text = forms.CharField(
        label=_("Text"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 12}),
        help_text=_(
            "Plain text, or HTML pasted from a word processor (kept: paragraphs, lists, "
            "tables, emphasis, links). Symbols such as CWG-Internet-21/3 and resolutions such "
            "as Resolution 102 (Rev. Bucharest, 2022) become links."
        ),
    )
    file = forms.FileField(
        label=_("File"),
        required=False,
        help_text=lazy(upload_help, str)(),
    )

    def clean_file(self):
        upload = self.cleaned_data.get("file")
        validate_upload(upload or None)
        return upload

    def clean_title(self) -> str:
        title = self.cleaned_data["title"].strip()
        if not title:
            raise forms.ValidationError(gettext("A document needs a title."))
        return title

    def clean(self):
        data = super().clean()
        if not (data.get("text") or "").strip() and not data.get("file") and self._needs_content:
            self.add_error("text", gettext("Give the text of the document, or upload its file."))
        return data

    _needs_content = True

    def described_fields(self) -> tuple:
        """The layout of the description fields, the same on registration and edit."""
        return (
            "title",
            "source",
            self.source_datalist(),
            Div(
                Div("date", css_class="col-md-6"),
                Div("original_language", css_class="col-md-6"),
                css_class="row",
            ),
            Field("languages", wrapper_class="languages-field"),
            "access",
        )

    def source_datalist(self) -> HTML:
        # Crispy compiles HTML() as a template: the names come in through the context
        # (``source_datalist`` of the view), never as template source.
        return HTML("{{ source_datalist }}")


# The shared fields are the services' editable fields (documents/services/registration.py), except
# ``source_state``, which follows from ``source``, and ``status``, which only editing shows.
if set(_DocumentFields.base_fields) != EDITABLE_FIELDS - {"source_state", "status"}:
    raise TypeError("The registry's form and documents.services.EDITABLE_FIELDS disagree.")


class DocumentRegisterForm(_DocumentFields):
    meeting = MeetingChoiceField(
        label=_("Meeting"), queryset=Meeting.objects.none(), empty_label=None
    )
    series = forms.ChoiceField(
        label=_("Series"),
        # Translators: no series (the document is numbered in the meeting's main series).
        choices=[("", pgettext_lazy("series", "None")), *[(s, s) for s in KNOWN_SERIES]],
        required=False,
        help_text=_("INF for information documents numbered apart: C25/INF/3."),
    )
    given_number = forms.IntegerField(
        label=_("Given number"),
        min_value=1,
        required=False,
        help_text=_(
            "Only for a number given elsewhere (1 kept for the agenda, a number assigned by "
            "another system); leave empty to take the next free number."
        ),
    )
    token = forms.CharField(widget=forms.HiddenInput)

    field_order = [
        "meeting",
        "series",
        "given_number",
        "doc_type",
        "purpose",
        "title",
        "source",
        "date",
        "original_language",
        "languages",
        "access",
        "text",
        "file",
        "token",
    ]

    def __init__(self, *args, meetings, sources: list[str], **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["meeting"].queryset = meetings
        self.sources = sources
        if not self.is_bound:
            self.initial.setdefault("token", uuid.uuid4().hex)
        preview_url = reverse("documents:next_symbol")
        self.helper = FormHelper()
        self.helper.form_tag = True
        self.helper.attrs = {"enctype": "multipart/form-data", "novalidate": ""}
        self.helper.layout = Layout(
            Fieldset(
                gettext("Symbol"),
                Div(
                    Div(
                        _previews_symbol("meeting", preview_url),
                        css_class="col-md-8",
                    ),
                    Div(
                        _previews_symbol("series", preview_url),
                        css_class="col-md-4",
                    ),
                    css_class="row",
                ),
                HTML('{% include "documents/_next_symbol.html" %}'),
                "given_number",
            ),
            Fieldset(
                gettext("Description"),
                Div(
                    Div("doc_type", css_class="col-md-6"),
                    Div("purpose", css_class="col-md-6"),
                    css_class="row",
                ),
                *self.described_fields(),
            ),
            Fieldset(gettext("Content"), "text", "file"),
            "token",
            Submit("register", gettext("Register document")),
        )


class DocumentEditForm(_DocumentFields):
    status = forms.ChoiceField(label=_("Status"), choices=DocumentStatus.choices)
    version = forms.IntegerField(widget=forms.HiddenInput)

    def __init__(self, *args, sources: list[str], has_file: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        self.sources = sources
        self._needs_content = not has_file
        self.fields["file"].help_text = (
            gettext("Upload a file to replace the current one. %(kinds)s; up to %(size)s.")
            % upload_sizes()
        )
        self.helper = FormHelper()
        self.helper.attrs = {"enctype": "multipart/form-data", "novalidate": ""}
        self.helper.layout = Layout(
            Div(
                Div("doc_type", css_class="col-md-4"),
                Div("purpose", css_class="col-md-4"),
                Div("status", css_class="col-md-4"),
                css_class="row",
            ),
            *self.described_fields(),
            "text",
            "file",
            "version",
            Submit("save", gettext("Save changes")),
        )

    @classmethod
    def initial_from(cls, document) -> dict:
        # The fields come from the one list in documents/services/registration.py (a file is never
        # pre-filled).
        initial = {
            name: getattr(document, name)
            for name in EDITABLE_FIELD_NAMES
            if name in cls.base_fields and name != "file"
        }
        return {**initial, "languages": document.language_codes, "version": document.version}


class DocumentDeriveForm(forms.Form):
    kind = forms.ChoiceField(
        # Translators: the label of the choice of a new revision, addendum or corrigendum.
        label=pgettext_lazy("derived document", "New"),
        choices=[
            (SuffixKind.REVISION, _("Revision (Rev.) — replaces the text")),
            (SuffixKind.ADDENDUM, _("Addendum (Add.) — adds to the text")),
            (SuffixKind.CORRIGENDUM, _("Corrigendum (Corr.) — corrects the text")),
        ],
        widget=forms.RadioSelect,
        initial=SuffixKind.REVISION,
    )
    title = forms.CharField(label=_("Title"), max_length=500)
    date = forms.DateField(
        label=_("Date"),
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )
    languages = _language_field()
    text = forms.CharField(
        label=_("Text"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 12}),
        help_text=_(
            "For a revision, the whole revised text; for an addendum or a corrigendum, "
            "what it adds or corrects."
        ),
    )
    token = forms.CharField(widget=forms.HiddenInput)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.is_bound:
            self.initial.setdefault("token", uuid.uuid4().hex)
        self.helper = FormHelper()
        self.helper.attrs = {"novalidate": ""}
        self.helper.layout = Layout(
            "kind",
            "title",
            Div(Div("date", css_class="col-md-6"), css_class="row"),
            Field("languages", wrapper_class="languages-field"),
            "text",
            "token",
            Submit("derive", gettext("Register")),
        )

    def clean(self):
        data = super().clean()
        if not (data.get("text") or "").strip():
            self.add_error("text", gettext("Give the text of the new document."))
        return data


class ListingForm(forms.Form):
    meeting = MeetingChoiceField(
        label=_("Meeting"), queryset=Meeting.objects.none(), empty_label=None
    )
    note = forms.CharField(
        label=_("Note"),
        required=False,
        max_length=300,
        help_text=_("Why it is listed, e.g. “At the request of the Russian Federation”."),
    )

    def __init__(self, *args, meetings, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["meeting"].queryset = meetings
        self.helper = FormHelper()
        self.helper.layout = Layout("meeting", "note", Submit("list", gettext("List the document")))
