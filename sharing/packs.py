"""
Share packs: the page that makes one (``/p/new/``), the pack's own page (``/p/<code>/``), its
printable sheet (``/p/<code>/sheet/``) and its QR code (``/p/<code>/qr.svg``, ``qr.png``).

``/p/new/`` is a public page, cached like any other: the same bytes for everyone, so no CSRF
token and no cookie. Its form is refused from other sites by the browser's own word for where
a request came from (``Sec-Fetch-Site``, ``Origin``) instead, and limited per address (kept
only as a keyed hash, in the cache, for an hour).
"""

from functools import partial

from crispy_forms.helper import FormHelper
from crispy_forms.layout import Submit
from django import forms
from django.conf import settings
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods, require_safe

from accounts.ratelimit import over_limit
from core import kinds, requests
from search.forms import SearchTextField

from . import qr
from .models import MAX_PAGES, TITLE_MAX_LENGTH, Pack, is_code

# Packs one address may make per window (settings may change both).
RATE_LIMIT = 20
RATE_WINDOW_SECONDS = 3600
# A real pack is a few hundred bytes; anything far bigger is refused before it is read.
MAX_BODY_BYTES = 16 * 1024


def pack_kinds():
    """The kinds of page a pack may hold: those with a short link (articles, tip pages)."""
    return [kind for kind in kinds.all_kinds() if kind.short_link]


def short_url_name(kind):
    return f"{kind.name}_short"


# The form ---------------------------------------------------------------------------------------


class PageChoiceField(forms.MultipleChoiceField):
    """Pages of one kind, ticked. Refuses a value that is not one of the choices, and more values
    than a pack can hold, before comparing each (a forged post may send thousands)."""

    widget = forms.CheckboxSelectMultiple

    def validate(self, value):
        if len(value) > MAX_PAGES * 2:
            raise forms.ValidationError(self.error_messages["too_many"], code="too_many")
        known = {str(choice) for choice, _label in self.choices}
        if any(item not in known for item in value):
            raise forms.ValidationError(
                self.error_messages["invalid_choice"], code="invalid_choice"
            )

    def clean(self, value):
        # The same page ticked twice (a forged or repeated post) counts once.
        return list(dict.fromkeys(super().clean(value)))


class PackForm(forms.Form):
    """The pages of a new pack, one group of tick boxes per kind of page, and its title."""

    title = SearchTextField(
        label=gettext_lazy("Title (optional)"),
        help_text=gettext_lazy(
            'For example, "Crying in the first weeks". Do not put anyone\'s name in it.'
        ),
        max_length=TITLE_MAX_LENGTH,
        required=False,
        error_messages={"max_length": gettext_lazy("Use %(limit_value)d letters or fewer.")},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.kinds = pack_kinds()
        for kind in self.kinds:
            pages = (
                kind.model.objects.published()
                .order_by(kind.title_field, "pk")
                .values_list("pk", kind.title_field)
            )
            self.fields[kind.name] = PageChoiceField(
                label=kind.public_name,
                choices=[(str(pk), title) for pk, title in pages],
                required=False,
                error_messages={
                    "invalid_choice": _(
                        "One of the pages you ticked is no longer on the site. Tick the pages "
                        "again."
                    ),
                    "too_many": _("Tick %(max)d pages or fewer.") % {"max": MAX_PAGES},
                    "invalid_list": _("Tick the pages you want in the pack."),
                },
            )
        self.helper = FormHelper()
        self.helper.form_method = "post"
        self.helper.form_action = reverse("sharing:pack_new")
        self.helper.form_class = "pack-form"
        self.helper.attrs = {"data-pack-form": ""}
        # The page is cached for everyone: no CSRF token (see the module's docstring).
        self.helper.disable_csrf = True
        self.helper.form_error_title = _("There is a problem with your pack")
        self.helper.add_input(Submit("", _("Make the pack"), css_id="make-pack"))

    def clean(self):
        data = super().clean()
        chosen = self.pages()
        if not self.errors and not chosen:
            raise forms.ValidationError(_("Tick at least one page to put in the pack."))
        if len(chosen) > MAX_PAGES:
            raise forms.ValidationError(
                ngettext(
                    "A pack holds up to %(max)d page: you ticked %(count)d. Untick some.",
                    "A pack holds up to %(max)d pages: you ticked %(count)d. Untick some.",
                    MAX_PAGES,
                )
                % {"max": MAX_PAGES, "count": len(chosen)}
            )
        return data

    def pages(self):
        """``[(kind name, id), ...]`` ticked, in the order of the form."""
        return [
            (kind.name, int(pk))
            for kind in self.kinds
            for pk in self.cleaned_data.get(kind.name) or ()
        ]


# Refusing posts ---------------------------------------------------------------------------------


def refuse_post(request):
    """A plain refusal for a post that must not make a pack, or ``None`` (``core.requests``)."""
    seconds = getattr(settings, "PACK_RATE_WINDOW_SECONDS", RATE_WINDOW_SECONDS)
    return requests.refuse_post(
        request,
        max_bytes=MAX_BODY_BYTES,
        over_limit=partial(
            over_limit,
            name="packs",
            limit=getattr(settings, "PACK_RATE_LIMIT", RATE_LIMIT),
            seconds=seconds,
        ),
        retry_after=seconds,
        other_site=_("Share packs can only be made from the form on this site."),
        too_big=_("That is more than a share pack can hold."),
        too_many=_("Too many share packs from your connection. Please try again later."),
    )


# The pages ----------------------------------------------------------------------------------------


@csrf_exempt  # refused from other sites by refuse_post(): the page is cached with no token
@require_http_methods(["GET", "HEAD", "POST"])
def pack_new(request):
    """Tick pages and make a pack; a made pack is shown at its own address (POST, redirect,
    GET). Template: ``sharing/pack_new.html``, context ``form``, ``max_pages``."""
    if request.method == "POST":
        if (refusal := refuse_post(request)) is not None:
            return refusal
        form = PackForm(request.POST)
        if form.is_valid():
            pack = Pack.objects.create_with_code(
                title=form.cleaned_data["title"], pages=form.pages()
            )
            response = HttpResponseRedirect(pack.get_absolute_url())
            response.status_code = 303  # see the new pack's page with a GET
            return response
    else:
        form = PackForm()
    return render(request, "sharing/pack_new.html", {"form": form, "max_pages": MAX_PAGES})


def find_pack(code):
    """The pack with ``code``, or a 404 (for any text that is not a code, at no query)."""
    if not is_code(code):
        raise Http404
    try:
        return Pack.objects.get(code=code)
    except Pack.DoesNotExist:
        raise Http404 from None


def pack_pages(pack):
    """The pack's pages still published, in its order: ``[{"kind", "page", "title", "summary",
    "short_url"}, ...]``. One query per kind of page in it; unknown kinds and ids drop out."""
    by_kind = {kind.name: kind for kind in pack_kinds()}
    wanted = {}
    for name, pk in pack.page_ids():
        if name in by_kind:
            wanted.setdefault(name, []).append(pk)
    found = {}
    for name, ids in wanted.items():
        kind = by_kind[name]
        for page in kind.model.objects.published().for_lists().filter(pk__in=ids):
            found[name, page.pk] = page
    pages = []
    for name, pk in pack.page_ids():
        if (page := found.pop((name, pk), None)) is None:
            continue
        kind = by_kind[name]
        pages.append(
            {
                "kind": kind,
                "page": page,
                "title": getattr(page, kind.title_field),
                "summary": getattr(page, kind.summary_field, "") if kind.summary_field else "",
                "short_url": reverse(short_url_name(kind), args=[pk]),
            }
        )
    return pages


def _pack_or_redirect(request, code, view_name):
    """The pack, or a redirect from a code typed in capitals to its own address."""
    if code != code.lower() and is_code(code.lower()):
        return None, redirect(view_name, code=code.lower(), permanent=True)
    return find_pack(code), None


def _pack_context(request, pack):
    address = request.build_absolute_uri(pack.get_absolute_url())
    return {
        "pack": pack,
        "pages": pack_pages(pack),
        "address": address,
        "address_shown": address.split("://", 1)[-1],
        "qr_svg": qr.svg(address, title=_("QR code for this share pack")),
    }


@require_safe
def pack_detail(request, code):
    """A pack: its pages that are still published. Template: ``sharing/pack_detail.html``."""
    pack, moved = _pack_or_redirect(request, code, "sharing:pack")
    if moved:
        return moved
    return render(request, "sharing/pack_detail.html", _pack_context(request, pack))


@require_safe
def pack_sheet(request, code):
    """A pack as one printed A4 page, with its QR code and each page's short link.
    Template: ``sharing/pack_sheet.html``."""
    pack, moved = _pack_or_redirect(request, code, "sharing:pack_sheet")
    if moved:
        return moved
    context = _pack_context(request, pack)
    context["site_address"] = request.build_absolute_uri("/").rstrip("/")
    return render(request, "sharing/pack_sheet.html", context)


@require_safe
def pack_qr(request, code, fmt):
    """``/p/<code>/qr.svg`` and ``qr.png``: the QR code of the pack's address, which never
    changes (a retired pack keeps its code too)."""
    pack = find_pack(code)
    address = request.build_absolute_uri(pack.get_absolute_url())
    return qr.qr_response(address, fmt, filename=f"share-pack-{pack.code}")
