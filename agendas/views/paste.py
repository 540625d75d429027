"""The editor's numbering style, and its "Paste an agenda": plain text as printed, a preview
of the parsed tree (numbers, titles, documents found, documents not yet registered flagged),
then "Create these items"."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.decorators.http import require_http_methods, require_POST

from agendas import services
from agendas.exceptions import AgendasError
from agendas.paste import agenda_paste, parse_agenda, registered
from agendas.views.common import address, agenda_from_address, editor_urls
from config.permissions import require_perm

MAX_PASTE = 100_000


class PasteForm(forms.Form):
    text = forms.CharField(
        label=gettext_lazy("The agenda as printed, one item a line"),
        max_length=MAX_PASTE,
        widget=forms.Textarea(attrs={"rows": 16, "class": "form-control font-monospace"}),
        help_text=gettext_lazy(
            "Numbers such as 1, 2., 5.1, 5 a), (b) or PL 1.3; documents in brackets or after "
            "the title (Document C25/1, Documents C25/12 to 14). Lines without a number become "
            "rows without a number (a heading, a break)."
        ),
    )


@require_http_methods(["GET", "POST"])
def paste(request, body: str, number: int):
    meeting, agenda = agenda_from_address(body, number)
    require_perm(request, "agendas.change_agenda", agenda)
    form = PasteForm(request.POST or None)
    context = {"meeting": meeting, "agenda": agenda, "form": form, "urls": editor_urls(meeting)}
    if request.method == "POST" and form.is_valid():
        pasted = parse_agenda(form.cleaned_data["text"])
        if "confirm" in request.POST and pasted.rows:
            try:
                made = agenda_paste(agenda=agenda, actor=request.user, pasted=pasted)
            except AgendasError as exc:
                messages.error(request, str(exc))
            else:
                messages.success(
                    request,
                    ngettext(
                        "%(count)d item was added to the draft.",
                        "%(count)d items were added to the draft.",
                        len(made),
                    )
                    % {"count": len(made)},
                )
                return redirect("agendas:agenda_editor", **address(meeting))
        found = registered([s for row in pasted.rows for s in row.symbols])
        context["rows"] = [
            {"row": row, "documents": [(s, s in found) for s in row.symbols]} for row in pasted.rows
        ]
        context["missing"] = sorted(
            {s for row in pasted.rows for s in row.symbols if s not in found}
        )
    return render(request, "agendas/paste.html", context)


@require_POST
def numbering(request, body: str, number: int):
    """The editor's "Numbering" choice (1.1, 1.a or (a))."""
    meeting, agenda = agenda_from_address(body, number)
    require_perm(request, "agendas.change_agenda", agenda)
    try:
        services.agenda_numbering_set(
            agenda=agenda, actor=request.user, numbering=request.POST.get("numbering", "")
        )
    except AgendasError as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, _("The items are numbered in the new style."))
    return redirect("agendas:agenda_editor", **address(meeting))
