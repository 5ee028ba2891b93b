"""Validators that models and their migrations share."""

import unicodedata

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _


def validate_site_path(value):
    """
    Only a path on this site: one leading slash, no scheme, host, backslash, space or control
    character. Browsers read "//host", "/\\host" and "/<tab>/host" as another website, and a
    redirect there would send parents off the site from a link they trusted.
    """
    bad_character = any(
        ch == "\\" or ch.isspace() or unicodedata.category(ch) in ("Cc", "Cf") for ch in value
    )
    # A single leading slash also rules out a scheme ("javascript:", "data:") and a host.
    if not value.startswith("/") or value.startswith("//") or bad_character:
        raise ValidationError(
            _(
                "Give a path on this site, starting with one slash, e.g. /guidance/new-name/. "
                "Addresses on other websites, and addresses with spaces or backslashes, "
                "cannot be used."
            ),
            code="not_site_path",
        )
