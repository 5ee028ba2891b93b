"""The admin site: Django's own, except that every page needs a second factor besides a password,
and input no admin page can use is refused before it reaches a view or the database."""

from functools import wraps

from django.contrib import admin
from django.contrib.admin.utils import unquote
from django.contrib.auth import REDIRECT_FIELD_NAME
from django.core.exceptions import ValidationError
from django.db import connection
from django.http import Http404, HttpResponseBadRequest
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _


class StaffAdminSite(admin.AdminSite):
    def has_permission(self, request):
        # is_verified() comes from django_otp's OTPMiddleware: without it, nobody gets in.
        is_verified = getattr(request.user, "is_verified", None)
        return super().has_permission(request) and callable(is_verified) and is_verified()

    def login(self, request, extra_context=None):
        """Send everyone to the two-step staff login (accounts.views.login), keeping ``next``."""
        url = reverse("accounts:login")
        if next_url := request.GET.get(REDIRECT_FIELD_NAME):
            url = f"{url}?{urlencode({REDIRECT_FIELD_NAME: next_url})}"
        return redirect(url)

    def admin_view(self, view, cacheable=False):
        """
        Every admin page (and the editorial screens, which use this too), after the sign-in
        check: input that no page can use is refused here, once, rather than in each view.
        """
        return super().admin_view(refuse_impossible_input(view), cacheable)


def refuse_impossible_input(view):
    """
    Wrap an admin view so that a NUL byte anywhere in the address, the query or a form is a
    400 (PostgreSQL cannot store or even search for one, so it would be a server error), and an
    object id that cannot be an id of the model (``x``, or a number too big for the database)
    is a 404 (SQLite cannot even look one up).
    """
    # ModelAdmin views arrive as bound methods; the id they are given belongs to that model.
    model_admin = getattr(view, "__self__", None)
    opts = getattr(model_admin, "opts", None)

    @wraps(view)
    def guarded(request, *args, **kwargs):
        if has_nul(request, args, kwargs):
            return HttpResponseBadRequest(
                _("The address or the form contained a character that is not allowed.")
            )
        if opts is not None and "object_id" in kwargs and not is_possible_pk(opts, kwargs):
            raise Http404(_("There is no such item."))
        return view(request, *args, **kwargs)

    return guarded


def has_nul(request, args, kwargs):
    values = [request.path, *map(str, args), *map(str, kwargs.values())]
    for data in (request.GET, request.POST):
        for key, items in data.lists():
            values += [key, *items]
    return any("\x00" in value for value in values)


def is_possible_pk(opts, kwargs):
    """Could ``object_id`` be the primary key of a row of this model, in this database?"""
    try:
        value = opts.pk.to_python(unquote(kwargs["object_id"]))
    except ValidationError:
        return False
    if not isinstance(value, int):
        return True
    low, high = connection.ops.integer_field_range(opts.pk.get_internal_type())
    return (low is None or value >= low) and (high is None or value <= high)
