"""
The review workflow's two staff screens: "Submit for review" and "Approve or send back"
(``editorial.workflow`` does the work). Both are under the admin path (``editorial/urls.py``).
"""

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _

from core import kinds

from . import pending as pending_changes
from . import workflow
from .forms import APPROVE, ReviewDecisionForm, SubmitForReviewForm
from .models import ReviewState


def _page(kind_name, pk):
    kind = kinds.with_model_name(kind_name)
    if kind is None:
        raise Http404
    return kind.model, get_object_or_404(kind.model._default_manager, pk=pk)


def _change_url(obj):
    opts = obj._meta
    return reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[obj.pk])


def _context(request, obj, title, **extra):
    return {
        **admin.site.each_context(request),
        "title": title,
        "opts": obj._meta,
        "object": obj,
        "change_url": _change_url(obj),
        **extra,
    }


def submit_for_review(request, kind, pk):
    """Hand a draft, or the pending change of a live page, to reviewers and publishers."""
    model, obj = _page(kind, pk)
    opts = model._meta
    if not request.user.has_perm(f"{opts.app_label}.change_{opts.model_name}"):
        raise PermissionDenied
    pending = pending_changes.pending_for(obj)
    back = _change_url(obj)
    if not workflow.is_draft_or_pending(obj, pending):
        messages.info(
            request,
            _(
                "This page is live and has no pending change: save your change first, then "
                "submit it."
            ),
        )
        return HttpResponseRedirect(back)
    form = SubmitForReviewForm(request.POST or None, back_url=back)
    if request.method == "POST" and form.is_valid():
        workflow.submit(obj, request.user, form.cleaned_data["note"])
        messages.success(
            request,
            _("Submitted for review. The clinical reviewers and publishers have been told."),
        )
        return HttpResponseRedirect(back)
    context = _context(
        request,
        obj,
        _("Submit “%(page)s” for review") % {"page": obj},
        form=form,
        pending=pending,
    )
    return TemplateResponse(request, "editorial/submit_for_review.html", context)


def decide_review(request, kind, pk):
    """Approve the page in review, or send it back with a comment."""
    model, obj = _page(kind, pk)
    if not workflow.may_decide(request.user, model):
        raise PermissionDenied
    review = workflow.request_for(obj)
    back = _change_url(obj)
    if review is None or review.state != ReviewState.IN_REVIEW:
        messages.info(request, _("This page is not waiting for review."))
        return HttpResponseRedirect(back)
    clinical = workflow.may_record_review(request.user, model)
    may_approve = workflow.may_approve(request.user, model)
    publisher = request.user.has_perm(workflow.perm(model, "publish"))
    form = ReviewDecisionForm(
        request.POST or None,
        clinical=clinical,
        clinical_required=not publisher,
        may_approve=may_approve,
        back_url=back,
        initial={"reviewed_by": request.user.get_full_name()},
    )
    if request.method == "POST" and form.is_valid():
        approve = form.cleaned_data["decision"] == APPROVE
        workflow.decide(
            obj,
            request.user,
            approve=approve and may_approve,
            comment=form.cleaned_data["comment"],
            reviewed_by=form.cleaned_data.get("reviewed_by", "").strip(),
        )
        messages.success(
            request,
            _("Approved. The person who submitted it has been told.")
            if approve
            else _("Sent back. The person who submitted it has been told, with your comment."),
        )
        return HttpResponseRedirect(back)
    pending = pending_changes.pending_for(obj)
    admin_prefix = f"admin:{model._meta.app_label}_{model._meta.model_name}"
    context = _context(
        request,
        obj,
        _("Review “%(page)s”") % {"page": obj},
        form=form,
        review=review,
        submitted_by=workflow.person(review.submitted_by),
        pending=pending,
        clinical=clinical and may_approve,
        may_approve=may_approve,
        compare_url=reverse(f"{admin_prefix}_compare_pending", args=[obj.pk]) if pending else "",
        preview_url=(
            reverse(f"{admin_prefix}_preview_pending", args=[obj.pk])
            if pending
            else reverse("editorial:preview", args=[model._meta.model_name, obj.pk])
        ),
    )
    return TemplateResponse(request, "editorial/decide_review.html", context)
