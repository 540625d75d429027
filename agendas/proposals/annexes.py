"""Annexes of a proposal: PDF or Word files that become part of its contribution document.

The kind of a file is read from its first bytes, not from its name, so a renamed executable
or a damaged file is refused with a sentence that says what is accepted.
"""

from __future__ import annotations

from django.conf import settings
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext

from agendas.exceptions import InvalidProposal

_ZIP = b"PK\x03\x04"
_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
# extension -> the bytes the file starts with
KINDS = {"pdf": b"%PDF-", "docx": _ZIP, "doc": _OLE}


def annex_kind(upload) -> str:
    """ "pdf", "docx" or "doc" for an acceptable file; ``InvalidProposal`` with a sentence
    otherwise (too large, or not a PDF or Word file whatever its name says)."""
    limit = settings.MAX_UPLOAD_BYTES
    if upload.size > limit:
        raise InvalidProposal(
            gettext("“%(name)s” is %(size)s; annexes of up to %(limit)s can be attached.")
            % {
                "name": upload.name,
                "size": filesizeformat(upload.size),
                "limit": filesizeformat(limit),
            }
        )
    head = upload.read(8)
    upload.seek(0)
    extension = upload.name.rsplit(".", 1)[-1].lower() if "." in upload.name else ""
    if extension in KINDS and head.startswith(KINDS[extension]):
        return extension
    raise InvalidProposal(
        gettext(
            "“%(name)s” is not a PDF or Word (DOCX, DOC) file: annexes can only be PDF or "
            "Word documents."
        )
        % {"name": upload.name}
    )
