"""
Preview: staff see a page exactly as a parent would, whatever its status, with a banner that
says whether it is a draft, scheduled or live.

The page is rendered by the public view's own template and context, so what staff check is
what parents get. The response is for one member of staff only: ``Cache-Control: private,
no-store`` keeps it out of every cache (and it lives under the admin path, which the page
cache never stores), and ``X-Robots-Tag: noindex`` keeps it out of search engines.
"""

from django import forms
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.urls import NoReverseMatch, reverse
from django.utils import timezone

from core import kinds
from core.models import Status


def previewable(model_name):
    """The kind called ``model_name`` ("article", "tippage") if it has a page to preview."""
    kind = kinds.with_model_name(model_name)
    return kind if kind is not None and kind.previewable else None


def preview_url(obj):
    """The preview address of ``obj``, or ``None`` if its kind has no preview."""
    kind = obj._meta.model_name
    if previewable(kind) is None:
        return None
    return reverse("editorial:preview", kwargs={"kind": kind, "pk": obj.pk})


def preview_state(obj):
    """What the banner says: ``"draft"``, ``"scheduled"`` (with a time) or ``"live"`` (or
    ``"pending"``, for the pending change to a live page: ``EditorialAdmin``)."""
    if obj.status != Status.PUBLISHED:
        return "draft"
    if obj.published_at and obj.published_at > timezone.now():
        return "scheduled"
    return "live"


def preview(request, kind, pk):
    """A page as a parent would see it, with a preview banner.

    Template: the public one of its kind (``core.kinds``), with its usual context plus
    ``preview``: ``state``, ``published_at`` and ``change_url``. Needs permission to view (or
    change) that kind of page.
    """
    found = previewable(kind)
    if found is None:
        raise Http404
    opts = found.model._meta
    # As in the admin, permission to change a kind of page includes seeing it.
    if not any(
        request.user.has_perm(f"{opts.app_label}.{action}_{opts.model_name}")
        for action in ("view", "change")
    ):
        raise PermissionDenied
    obj = get_object_or_404(found.with_details(found.model.objects.all()), pk=pk)
    return render_preview(
        request, found, obj, state=preview_state(obj), change_url=_change_url(opts, pk)
    )


def render_preview(request, kind, obj, *, state, change_url):
    """The public template of ``kind`` for ``obj``, with the banner, for staff only. Rendered
    at once (not lazily), so a preview made inside a transaction is drawn before it ends."""
    context = {
        kind.context_name: obj,
        "preview": {"state": state, "published_at": obj.published_at, "change_url": change_url},
    }
    response = render(request, kind.template, context)
    response["Cache-Control"] = "private, no-store"
    response["X-Robots-Tag"] = "noindex"
    return response


def _change_url(opts, pk):
    """The admin page to edit the object on, or ``None`` for a kind the admin does not show."""
    try:
        return reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[pk])
    except NoReverseMatch:
        return None


def wants_preview(request):
    """Was "Save and preview" pressed? (A "_save" button: see admin/submit_line.html.)"""
    return request.POST.get("_save") == "preview"


class PreviewAdminMixin:
    """For a ``ModelAdmin``: the "Save and preview" button saves, then opens the preview."""

    @property
    def media(self):
        return super().media + forms.Media(css={"all": ["editorial/preview-admin.css"]})

    def response_add(self, request, obj, post_url_continue=None):
        if wants_preview(request) and (url := preview_url(obj)):
            return HttpResponseRedirect(url)
        return super().response_add(request, obj, post_url_continue)

    def response_change(self, request, obj):
        # A change kept pending is previewed as pending (``EditorialAdmin.response_change``).
        pending = getattr(request, "saved_pending", None) is not None
        if wants_preview(request) and not pending and (url := preview_url(obj)):
            return HttpResponseRedirect(url)
        return super().response_change(request, obj)
