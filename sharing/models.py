"""
Share packs: a few pages put together by a health visitor, behind one short link and QR code.

A pack holds what it needs and nothing else: which pages (each a kind and an id), an optional
title and the day it was made. No name, no address, nothing about the family or the person
who made it. Packs never expire, since a printed QR code must keep working; staff may retire
one, and its page then says so.
"""

import secrets

from django.db import IntegrityError, models, transaction
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

# Lower-case letters and digits without the ones that look alike (0 o, 1 l i): easy to read
# aloud or copy from paper. 31 ** 8 is about 850 billion codes, so one cannot be guessed.
CODE_ALPHABET = "23456789abcdefghjkmnpqrstuvwxyz"
CODE_LENGTH = 8
# The most pages a pack may hold: its printed sheet must stay one A4 page.
MAX_PAGES = 12
TITLE_MAX_LENGTH = 80


def new_code():
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))


def is_code(text):
    return len(text) == CODE_LENGTH and all(ch in CODE_ALPHABET for ch in text)


class PackQuerySet(models.QuerySet):
    def create_with_code(self, *, title, pages, attempts=5):
        """A new pack of ``pages`` (``[(kind name, id), ...]``) under a new random code."""
        items = [{"kind": kind, "id": pk} for kind, pk in pages]
        for attempt in range(attempts):
            try:
                with transaction.atomic():
                    return self.create(code=new_code(), title=title, items=items)
            except IntegrityError:  # the code is taken: draw another
                if attempt == attempts - 1:
                    raise
        return None  # not reached


class Pack(models.Model):
    code = models.CharField(_("code"), max_length=CODE_LENGTH, unique=True, editable=False)
    title = models.CharField(
        _("title"),
        max_length=TITLE_MAX_LENGTH,
        blank=True,
        help_text=_("What the person who made the pack called it (optional)."),
    )
    items = models.JSONField(
        _("pages"),
        default=list,
        help_text=_("The pages in the pack, in order: each a kind of page and its id."),
    )
    created_on = models.DateField(_("made on"), auto_now_add=True)
    retired_at = models.DateTimeField(
        _("retired"),
        null=True,
        blank=True,
        help_text=_(
            "A retired pack still opens, shows the pages that are still published, and says "
            "it was retired."
        ),
    )

    objects = PackQuerySet.as_manager()

    class Meta:
        ordering = ["-created_on", "-id"]
        verbose_name = _("share pack")
        verbose_name_plural = _("share packs")

    def __str__(self):
        return self.title or self.code

    def get_absolute_url(self):
        return reverse("sharing:pack", kwargs={"code": self.code})

    @property
    def is_retired(self):
        return self.retired_at is not None

    @property
    def public_title(self):
        """The title parents see: none once retired, as a pack may be retired for its title."""
        return "" if self.is_retired else self.title

    def page_ids(self):
        """``[(kind name, id), ...]`` as stored, skipping anything malformed."""
        found = []
        for item in self.items if isinstance(self.items, list) else []:
            if isinstance(item, dict) and isinstance(item.get("id"), int):
                found.append((str(item.get("kind")), item["id"]))
        return found
