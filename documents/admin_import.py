"""The import of a CSV file in the admin, for a secretariat: upload, read the dry-run
report, confirm. The rows go through ``documents.importing`` as with the command; the
uploaded text waits in the session between the report and the confirmation."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from documents.importing import Refused, import_text

SESSION_KEY = "documents_import_csv"
MAX_BYTES = 20 * 1024 * 1024


class ImportForm(forms.Form):
    csv_file = forms.FileField(
        label=gettext_lazy("CSV file"),
        help_text=gettext_lazy(
            "Columns symbol,title,date,source,type,languages,original_language,access,url "
            "(symbol and title required). Files are attached with manage.py import_documents."
        ),
    )
    create_meetings = forms.BooleanField(
        label=gettext_lazy("Create the bodies and meetings the symbols imply"), required=False
    )


def import_view(model_admin, request):
    """GET: the upload form. POST with a file: the dry-run report. POST confirm: the import."""
    # The secretariat of a body (or an administrator): every row is checked again by the
    # services against the body it belongs to.
    if not request.user.has_perm("documents.add_instrument"):
        raise PermissionDenied
    context = {**model_admin.admin_site.each_context(request), "title": _("Import documents")}
    if request.method == "POST" and "confirm" in request.POST:
        pending = request.session.pop(SESSION_KEY, None)
        if pending is None:
            messages.error(request, _("Upload the file again: its dry run has expired."))
            return redirect("admin:documents_document_import")
        report = import_text(
            pending["text"],
            actor=request.user,
            create_meetings=pending["create_meetings"],
            allow_files=False,
        )
        messages.success(request, _("Imported: %(summary)s") % {"summary": report.summary()})
        return TemplateResponse(
            request, "admin/documents/import.html", {**context, "report": report, "done": True}
        )
    form = ImportForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["csv_file"]
        if upload.size > MAX_BYTES:
            form.add_error("csv_file", _("The file is larger than 20 MB: use the command."))
        else:
            text = upload.read().decode("utf-8-sig", errors="replace")
            options = {"create_meetings": form.cleaned_data["create_meetings"]}
            check = {**options, "allow_files": False}
            try:
                report = import_text(text, actor=request.user, dry_run=True, **check)
            except Refused as exc:
                form.add_error("csv_file", str(exc))
            else:
                request.session[SESSION_KEY] = {"text": text, **options}
                return TemplateResponse(
                    request, "admin/documents/import.html", {**context, "report": report}
                )
    return TemplateResponse(request, "admin/documents/import.html", {**context, "form": form})
