"""Proposals: write, preview, submit, queue, decide, withdraw, history.

Views check who may see the proposal first (``hide=True``: someone who may not see it gets
"not found"), then call ``agendas.proposals.services``, which checks whose step it is (a
refusal becomes a 403 with its sentence) and whether the state allows it (a double click, a
decision on a withdrawn proposal: a message on the proposal page, never a 500). Pages that
show a form first (edit, withdraw, decide) ask the same rules before showing it.
"""

from __future__ import annotations

from functools import partial

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.shortcuts import redirect, render
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext
from django.views.decorators.http import require_http_methods, require_POST

from agendas.enums import ProposalAction, ProposalState
from agendas.exceptions import AgendasError, TransitionNotAllowed
from agendas.proposals import rules, selectors, services, steps
from agendas.proposals.forms import DecisionForm, ProposalForm, ReturnForm, WithdrawForm
from agendas.proposals.text import (
    DOCUMENT_LANGUAGE,
    TEXT_FIELDS,
    citation_links,
    cited_items,
    deadline_phrase,
    deadline_warning,
    document_html,
    document_title,
    fields_of,
    in_document_language,
    late_sentence,
    missing_fields,
    missing_sentence,
    preview_html,
    source_label,
)
from config.permissions import LoginRequired, require_perm
from config.storage import file_download
from documents.exceptions import DocumentsError
from documents.linking import link_citations
from documents.selectors import document_cites, visible_documents
from meetings.models import Meeting
from meetings.selectors import meeting_get

S = ProposalState
A = ProposalAction


def fields_of_all(proposal) -> dict:
    """The title and every section: what the submission's completeness is checked on."""
    return {name: getattr(proposal, name) for name in TEXT_FIELDS}


def _login_required(request) -> None:
    if not request.user.is_authenticated:
        raise LoginRequired()


def _may_see(request, proposal) -> None:
    """Anonymous people log in first (a mail's link leads here); anyone else who may not
    see the proposal gets "not found"."""
    _login_required(request)
    require_perm(request, "agendas.view_proposal", proposal, hide=True)


def _require_step(request, perm: str, proposal, message: str) -> None:
    """403 with ``message`` unless the rule ``perm`` grants the user this step. Asked of the
    rule, not of ``user.has_perm``, which grants a superuser everything."""
    _login_required(request)
    if not rules.may(request.user, perm, proposal):
        raise PermissionDenied(message)


def _proposal_for_form(request, pk: int, *, perm: str, refusal):
    """The proposal of a page that shows a form first (edit, withdraw, decide): "not found"
    for who may not see it, 403 with the sentence ``refusal(proposal)`` for who may see it
    but not take the step."""
    proposal = selectors.proposal_get(pk=pk)
    _may_see(request, proposal)
    _require_step(request, perm, proposal, str(refusal(proposal)))
    return proposal


def _posted(request):
    """The data of a POST (even an empty one), None for a GET: binds the form."""
    return request.POST if request.method == "POST" else None


def _next_or(request, default: str) -> str:
    target = request.POST.get("next") or request.GET.get("next")
    if target and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return default


def _agenda_url(meeting: Meeting) -> str:
    try:
        return reverse(
            "agendas:agenda", kwargs={"body": meeting.body.slug, "number": meeting.number}
        )
    except NoReverseMatch:  # the agenda pages are not installed
        return ""


# ------------------------------------------------------------------------------ one proposal


def _cited(request, proposal) -> list:
    """What the proposal cites, once per key, resolved among what the reader may see: as
    the registry stored it once submitted, as the preview finds it in a draft."""
    if proposal.document_id:
        return document_cites(user=request.user, document=proposal.document)
    return cited_items(fields_of(proposal), documents_qs=visible_documents(request.user))


def _document_head(proposal) -> dict:
    """The title and source the proposal's contribution document has (or will have), in the
    document's language."""
    with in_document_language():
        return {
            "title": document_title(proposal.title),
            "source": source_label(
                proposal.member_state.name, [s.name for s in proposal.co_sponsors.all()]
            ),
            "language": DOCUMENT_LANGUAGE.label,
        }


def proposal_detail(request, pk: int):
    proposal = selectors.proposal_get(pk=pk)
    _may_see(request, proposal)
    actions = rules.allowed_actions(proposal=proposal, user=request.user)
    decide = any(a in actions for a in (A.INCLUDE, A.REJECT, A.DEFER))
    item = getattr(proposal, "agenda_item", None)
    cited = _cited(request, proposal)
    replaced = selectors.replacements(
        user=request.user, documents=[c.document for c in cited if c.document is not None]
    )
    # The registered text was sanitized when it was stored; a draft's is escaped by
    # document_html. Citations become links as on the document's own page.
    if proposal.document_id:
        raw = proposal.document.text
    else:
        with in_document_language():
            raw = document_html(fields_of(proposal))
    services.proposal_decision_seen(proposal=proposal, actor=request.user)
    return render(
        request,
        "agendas/proposals/detail.html",
        {
            "proposal": proposal,
            "head": _document_head(proposal),
            "text": link_citations(raw, citation_links(cited, replaced)),
            "events": list(proposal.events.all()),
            "citations": [(c, replaced.get(c.document.pk) if c.document else None) for c in cited],
            "annexes": list(proposal.annexes.all()),
            "missing": missing_sentence(missing_fields(fields_of_all(proposal)))
            if proposal.state in (S.DRAFT, S.RETURNED)
            else "",
            "can_edit": rules.can_edit(proposal=proposal, user=request.user),
            "can_submit": A.SUBMIT in actions,
            "can_consider": A.CONSIDER in actions,
            "can_return": A.RETURN in actions,
            "can_withdraw": A.WITHDRAW in actions,
            "can_delete": rules.may(request.user, "agendas.delete_proposal", proposal),
            "decision_form": DecisionForm(proposal=proposal) if decide else None,
            "item": item,
            "item_number": selectors.agenda_item_number(item=item) if item else "",
            "agenda_url": _agenda_url(proposal.meeting) if item else "",
            "late_sentence": late_sentence(proposal),
            "deadline_warning": deadline_warning(proposal.meeting)
            if proposal.state == S.DRAFT
            else "",
            "decision_phrase": steps.decision_phrase(proposal) if proposal.decided_at else "",
        },
    )


@require_http_methods(["GET", "POST"])
def proposal_start(request):
    """A new proposal, choosing the meeting on the form."""
    _login_required(request)
    return _write(request, meeting=None)


@require_http_methods(["GET", "POST"])
def proposal_create(request, body: str, number: int):
    """A new proposal for this meeting (the meeting page's "Propose an agenda item")."""
    meeting = meeting_get(body_slug=body, number=number)
    _require_step(request, "agendas.add_proposal", meeting, str(steps.propose_not_allowed(meeting)))
    try:
        services.check_open_for_proposals(meeting=meeting)
    except AgendasError as exc:
        messages.error(request, str(exc))
        return redirect(meeting)
    return _write(request, meeting=meeting)


def _write(request, *, meeting: Meeting | None, proposal=None):
    form = ProposalForm(
        _posted(request),
        request.FILES or None,
        user=request.user,
        meeting=meeting,
        proposal=proposal,
    )
    if request.method == "POST" and form.is_valid():
        try:
            saved, done = _save(request, form.cleaned_data, proposal=proposal)
        except TransitionNotAllowed as exc:
            raise PermissionDenied(str(exc)) from None
        except (AgendasError, DocumentsError) as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(request, done)
            if "preview" in request.POST:
                return redirect("agendas:proposal_preview", pk=saved.pk)
            return redirect(saved)
    chosen = meeting or (proposal.meeting if proposal else None)
    return render(
        request,
        "agendas/proposals/form.html",
        {
            "form": form,
            "proposal": proposal,
            "meeting": chosen,
            "deadline_warning": deadline_warning(chosen) if chosen else "",
            "deadline": deadline_phrase(chosen) if chosen else "",
            "annexes": list(proposal.annexes.all()) if proposal else [],
        },
    )


@transaction.atomic
def _save(request, cleaned: dict, *, proposal=None):
    """Create or update the proposal, then attach the annex: both or neither."""
    data = dict(cleaned)
    upload = data.pop("annex", None)
    if proposal is None:
        proposal = services.proposal_create(proposer=request.user, **data)
        done = gettext("Your draft proposal was saved.")
    else:
        proposal = services.proposal_update(proposal=proposal, actor=request.user, **data)
        done = gettext("Your draft proposal was saved.")
    if upload:
        services.proposal_annex_add(proposal=proposal, actor=request.user, upload=upload)
    if proposal.document_id and proposal.state != S.DRAFT:
        done = gettext("Your changes were saved; %(symbol)s was updated.") % {
            "symbol": proposal.document.symbol
        }
    return proposal, done


@require_http_methods(["GET", "POST"])
def proposal_edit(request, pk: int):
    proposal = _proposal_for_form(
        request, pk, perm="agendas.change_proposal", refusal=steps.edit_not_allowed
    )
    try:
        services.check_editable(proposal=proposal)
    except AgendasError as exc:
        messages.error(request, str(exc))
        return redirect(proposal)
    return _write(request, meeting=None, proposal=proposal)


def proposal_preview(request, pk: int):
    """The proposal as its contribution document will look, with the citations found."""
    proposal = selectors.proposal_get(pk=pk)
    _may_see(request, proposal)
    fields = fields_of(proposal)
    return render(
        request,
        "agendas/proposals/preview.html",
        {
            "proposal": proposal,
            "head": _document_head(proposal),
            "text": preview_html(fields),
            "cited": cited_items(fields, documents_qs=visible_documents(request.user)),
            "can_submit": A.SUBMIT in rules.allowed_actions(proposal=proposal, user=request.user),
            "missing": missing_sentence(missing_fields(fields_of_all(proposal))),
            "can_edit": rules.can_edit(proposal=proposal, user=request.user),
            "deadline_warning": deadline_warning(proposal.meeting)
            if proposal.state == S.DRAFT
            else "",
            "today": timezone.localdate(),
        },
    )


# ------------------------------------------------------------------------------ steps


def _site(request) -> str:
    """The address of this request ("https://host"): mail links start with it when SITE_URL
    is unset."""
    return request.build_absolute_uri("/").rstrip("/")


def _step(request, pk: int, action: str, *, note: str = ""):
    proposal = selectors.proposal_for_update(pk=pk)
    _may_see(request, proposal)
    # Whose step it is, and whether the state allows it, is the service's to say.
    try:
        proposal = services.proposal_transition(
            proposal=proposal,
            action=action,
            actor=request.user,
            note=note,
            request_site=_site(request),
        )
    except TransitionNotAllowed as exc:
        raise PermissionDenied(str(exc)) from None
    except (AgendasError, DocumentsError) as exc:
        messages.error(request, str(exc))
        return None, proposal
    return proposal, proposal


@require_POST
def proposal_submit(request, pk: int):
    done, proposal = _step(request, pk, A.SUBMIT)
    if done:
        if done.is_late:
            sentence = gettext(
                "Your proposal was submitted and registered as %(symbol)s. %(late)s"
            ) % {"symbol": done.document.symbol, "late": late_sentence(done)}
        else:
            sentence = gettext("Your proposal was submitted and registered as %(symbol)s.") % {
                "symbol": done.document.symbol
            }
        messages.success(request, sentence)
    return redirect(proposal)


@require_POST
def proposal_consider(request, pk: int):
    done, proposal = _step(request, pk, A.CONSIDER, note=request.POST.get("note", ""))
    if done:
        symbol = done.document.symbol if done.document_id else ""
        messages.success(
            request,
            gettext(
                "%(symbol)s “%(title)s” is under consideration; the chair can now decide on it."
            )
            % {"symbol": symbol, "title": done.title},
        )
    return redirect(_next_or(request, proposal.get_absolute_url()))


def _noted_step(request, pk: int, action: str, *, perm: str, form_class, template: str, sentence):
    """A step taken with a note on a page of its own (withdraw, return): the form first, then
    the step through the one transition function; ``sentence`` is said when it is done."""
    proposal = _proposal_for_form(
        request, pk, perm=perm, refusal=partial(steps.not_allowed, action)
    )
    form = form_class(_posted(request))
    if request.method == "POST" and form.is_valid():
        done, proposal = _step(request, pk, action, note=form.cleaned_data["note"])
        if done:
            messages.success(request, sentence)
        return redirect(_next_or(request, proposal.get_absolute_url()))
    return render(request, template, {"proposal": proposal, "form": form})


@require_http_methods(["GET", "POST"])
def proposal_withdraw(request, pk: int):
    return _noted_step(
        request,
        pk,
        A.WITHDRAW,
        perm="agendas.withdraw_proposal",
        form_class=WithdrawForm,
        template="agendas/proposals/withdraw.html",
        sentence=gettext("Your proposal was withdrawn."),
    )


@require_http_methods(["GET", "POST"])
def proposal_decide(request, pk: int):
    proposal = _proposal_for_form(
        request,
        pk,
        perm="agendas.decide_proposal",
        refusal=partial(steps.not_allowed, A.INCLUDE),
    )
    form = DecisionForm(_posted(request), proposal=proposal)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            done = services.proposal_decide(
                proposal=proposal,
                actor=request.user,
                decision=data["decision"],
                rationale=data["rationale"],
                deferred_to=data.get("deferred_to"),
                deferred_to_next=bool(data.get("deferred_to_next")),
                request_site=_site(request),
                placement=form.placement,
            )
        except TransitionNotAllowed as exc:
            raise PermissionDenied(str(exc)) from None
        except (AgendasError, DocumentsError) as exc:
            messages.error(request, str(exc))
            return redirect(proposal)
        messages.success(request, steps.decision_sentence(done))
        return redirect(_next_or(request, done.get_absolute_url()))
    return render(request, "agendas/proposals/decide.html", {"proposal": proposal, "form": form})


@require_http_methods(["GET", "POST"])
def proposal_return(request, pk: int):
    """Secretariat or chair: back to the proposer for changes, with a note they are mailed."""
    return _noted_step(
        request,
        pk,
        A.RETURN,
        perm="agendas.consider_proposal",
        form_class=ReturnForm,
        template="agendas/proposals/return.html",
        sentence=gettext("The proposal was returned to its proposer for changes; they are told."),
    )


@require_http_methods(["GET", "POST"])
def proposal_delete(request, pk: int):
    """The proposer deletes a draft (also a withdrawn one), after confirming."""
    proposal = _proposal_for_form(
        request,
        pk,
        perm="agendas.delete_proposal",
        refusal=lambda p: gettext(
            "Only a draft that was never submitted can be deleted, by the delegate who wrote it."
        ),
    )
    if request.method == "POST":
        services.proposal_delete(proposal=proposal, actor=request.user)
        messages.success(
            request,
            gettext("The draft “%(title)s” was deleted.")
            % {"title": proposal.title or gettext("untitled")},
        )
        return redirect("agendas:my_proposals")
    return render(request, "agendas/proposals/delete.html", {"proposal": proposal})


def proposal_annex(request, pk: int):
    """An annex, for whoever may see its proposal."""
    annex = selectors.annex_get(pk=pk)
    _may_see(request, annex.proposal)
    return file_download(annex.file.name, filename=annex.name, private=True)


@require_POST
def proposal_annex_remove(request, pk: int):
    """The proposer removes an annex from a proposal they can still edit."""
    annex = selectors.annex_get(pk=pk)
    _may_see(request, annex.proposal)
    try:
        services.proposal_annex_remove(annex=annex, actor=request.user)
    except TransitionNotAllowed as exc:
        raise PermissionDenied(str(exc)) from None
    except AgendasError as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, gettext("“%(name)s” was removed.") % {"name": annex.name})
    return redirect("agendas:proposal_edit", pk=annex.proposal_id)
