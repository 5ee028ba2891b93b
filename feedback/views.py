"""
"Was this page helpful?" (docs/feedback.md).

The buttons sit in the cached part of articles, tip pages and the help page, the same bytes for
everyone: no CSRF token and no cookie. A post is refused when a browser says it came from
another site, when its body is bigger than a comment can be, or past a limit per address
(``core.requests.refuse_post``; counted in the cache for an hour under a keyed hash of the
address, never the address itself, by ``accounts.ratelimit.over_limit``); and when the trap
field is filled in.

Without JavaScript it is post, redirect, get: ``POST /feedback/`` keeps the answer and sends the
browser (303) to ``/feedback/thanks/?t=<token>``, which thanks them and offers the comment form;
``POST /feedback/comment/`` keeps the comment and sends them back to the same thank-you page,
which then says it has the comment. With JavaScript (static/js/feedback.js) the same requests
are made with ``fetch`` and the thank-you part of the answer replaces the buttons in place.
"""

from functools import partial

from django.conf import settings
from django.db import IntegrityError, transaction
from django.http import HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST, require_safe

from accounts.ratelimit import over_limit
from core import requests

from . import pages, tokens
from .forms import AnswerForm, CommentForm
from .models import Answer, Comment
from .scrub import scrub

# Posts (answers and comments together) one address may make in a window; settings may
# change both (FEEDBACK_RATE_LIMIT, FEEDBACK_RATE_WINDOW_SECONDS).
RATE_LIMIT = 30
RATE_WINDOW_SECONDS = 3600
# 500 characters of any script, percent-encoded, with the token: well under this.
MAX_BODY_BYTES = 8 * 1024


def _no_store(response):
    response["Cache-Control"] = "no-store"
    response["X-Robots-Tag"] = "noindex"
    return response


def plain_refusal(message, status):
    return _no_store(requests.plain_refusal(message, status))


def refuse_post(request):
    """A plain refusal for a post that must not be kept, or ``None`` (``core.requests``)."""
    seconds = getattr(settings, "FEEDBACK_RATE_WINDOW_SECONDS", RATE_WINDOW_SECONDS)
    refusal = requests.refuse_post(
        request,
        max_bytes=MAX_BODY_BYTES,
        over_limit=partial(
            over_limit,
            name="feedback",
            limit=getattr(settings, "FEEDBACK_RATE_LIMIT", RATE_LIMIT),
            seconds=seconds,
        ),
        retry_after=seconds,
        other_site=_("Feedback can only be sent from the pages of this site."),
        too_big=_("That is more than feedback can hold."),
        too_many=_("Too much feedback from your connection. Please try again later."),
    )
    return None if refusal is None else _no_store(refusal)


def thanks_url(token):
    return f"{reverse('feedback:thanks')}?{urlencode({'t': token})}"


def _see(url):
    response = HttpResponseRedirect(url)
    response.status_code = 303  # see the thank-you page with a GET
    return _no_store(response)


@csrf_exempt  # refused from other sites by refuse_post(): the form is cached with no token
@require_POST
def answer(request):
    """Keep a "Yes" or "No" for a published page, then show the thank-you page."""
    if (refusal := refuse_post(request)) is not None:
        return refusal
    form = AnswerForm(request.POST)
    if form.is_trapped:
        return plain_refusal(_("Feedback could not be sent."), 400)
    if not form.is_valid():
        return plain_refusal(_("Choose Yes or No on one of the site's pages."), 400)
    page = form.cleaned_data["page"]
    if not pages.is_known(page):
        return plain_refusal(_("That page is not on the site."), 404)
    kept = Answer.objects.create(page=page, helpful=form.cleaned_data["answer"])
    return _see(thanks_url(tokens.make(kept)))


def _answer_for(token):
    """``(answer, problem)``: the answer ``token`` names, or ``None`` and why not."""
    try:
        pk = tokens.answer_id(token)
    except tokens.Expired:
        return None, _(
            "This page has expired. Your answer was saved; comments can be added for two "
            "hours after it."
        )
    except tokens.Forged:
        return None, _("This link is not one this site made.")
    found = Answer.objects.filter(pk=pk).select_related("comment").first()
    if found is None:
        return None, _("This answer is no longer kept.")
    return found, ""


def _has_comment(answer):
    try:
        return answer.comment is not None
    except Comment.DoesNotExist:
        return False


def _thanks_page(request, answer, token="", form=None, problem="", status=200):
    context = {"answer": answer, "form": form, "problem": problem, "back_url": ""}
    if answer is not None:
        context["sent"] = _has_comment(answer)
        context["back_title"], context["back_url"], _kind = pages.describe([answer.page])[
            answer.page
        ]
        if form is None and not context["sent"]:
            context["form"] = CommentForm(initial={"token": token})
    return _no_store(render(request, "feedback/thanks.html", context, status=status))


@require_safe
def thanks(request):
    """The thank-you page: the comment form, or thanks for the comment once it is sent.
    Template ``feedback/thanks.html``; never stored (each token's page is its own)."""
    token = request.GET.get("t", "")
    if not token:
        problem = _("There is nothing to say thank you for.")
        return _thanks_page(request, None, problem=problem, status=400)
    found, problem = _answer_for(token)
    if found is None:
        return _thanks_page(request, None, problem=problem, status=400)
    return _thanks_page(request, found, token)


@csrf_exempt  # as answer()
@require_POST
def comment(request):
    """Keep a comment on an answer, without e-mail addresses or phone numbers."""
    if (refusal := refuse_post(request)) is not None:
        return refusal
    form = CommentForm(request.POST)
    if form.is_trapped:
        return plain_refusal(_("Feedback could not be sent."), 400)
    found, problem = _answer_for(form.data.get("token", ""))
    if found is None:
        return _thanks_page(request, None, problem=problem, status=400)
    if _has_comment(found):
        return _thanks_page(request, found, status=409)
    if not form.is_valid():
        return _thanks_page(request, found, form=form, status=400)
    try:
        with transaction.atomic():
            Comment.objects.create(answer=found, text=scrub(form.cleaned_data["comment"]))
    except IntegrityError:  # the same comment sent twice at once
        return _thanks_page(request, found, status=409)
    return _see(thanks_url(form.data["token"]))
