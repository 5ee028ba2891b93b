"""
The charity's own details, kept in one "Site settings" record that site administrators edit.

Every page shows some of them (the name, the footer, the contact page), so they are read through
``current()``, which keeps them in the cache under the page cache's content version: reading them
costs one query per content version, not one per page. Saving them ends that version, so the
next page anyone asks for shows the change.
"""

from urllib.parse import urlsplit

from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import models
from django.http.request import split_domain_port, validate_host
from django.utils.translation import gettext_lazy as _

from core import contentversion, phones

# The one row there is. A fixed key keeps it one row whatever saves it.
SINGLETON_PK = 1
CACHE_KEY = "site-settings:{token}"
# The record as this process read it last, with its content version's token: a save ends the
# version (``SiteSettings.save``), so a record kept under a token is never out of date.
_kept = (None, None)

DEFAULT_FOOTER_STATEMENT = (
    "We are a UK charity. We help parents understand their baby's feelings, and look after "
    "their own."
)
DEFAULT_HOME_HEADING = "Your baby's feelings matter, and so do yours"
DEFAULT_HOME_INTRODUCTION = (
    "Calm, trusted guidance on your baby's emotional wellbeing, from pregnancy to age two. "
    "Written in plain words, with the sources it rests on. No adverts, no tracking."
)
DEFAULT_QUICK_EXIT_URL = "https://www.bbc.co.uk/weather"


def _our_hosts():
    """The host names this site answers to: a quick exit to one of them does not leave."""
    hosts = [host for host in settings.ALLOWED_HOSTS if host != "*"]
    if site_host := urlsplit(settings.SITE_URL).hostname:
        hosts.append(site_host)
    return hosts


def validate_quick_exit_url(value):
    """
    Somewhere harmless on another website, over HTTPS: a parent who leaves in a hurry must land
    on a page that does not show where they were, and nobody must be able to see the address.
    """
    URLValidator(schemes=["https"], message=_("Give a full address starting with https://."))(value)
    parts = urlsplit(value)
    if parts.username or parts.password:
        raise ValidationError(_("Give the address without a user name or password in it."))
    host, _port = split_domain_port(parts.netloc.lower())
    if validate_host(host, _our_hosts()):
        raise ValidationError(
            _("Give an address on another website: a quick exit must leave this site.")
        )


class SiteSettings(models.Model):
    """The charity's name, number and contact details, the footer and the home page's words."""

    charity_name = models.CharField(
        _("charity name"),
        max_length=100,
        blank=True,
        default="Little Voices",
        help_text=_(
            "Shown in every page's title, the footer and the news feed. Left empty, the "
            "site's name from its configuration is used."
        ),
    )
    charity_number = models.CharField(
        _("registered charity number"),
        max_length=60,
        blank=True,
        help_text=_("As the charity regulator gives it, e.g. 1234567 or SC012345."),
    )
    contact_email = models.EmailField(_("contact e-mail"), blank=True)
    contact_phone = models.CharField(
        _("contact phone"),
        max_length=40,
        blank=True,
        # The checks a help entry's number gets, so the contact page can always dial it.
        validators=[phones.parse],
        help_text=_("One UK number, such as 020 7946 0000."),
    )
    postal_address = models.TextField(
        _("postal address"),
        max_length=300,
        blank=True,
        help_text=_("One part of the address on each line."),
    )
    footer_statement = models.CharField(
        _("footer statement"),
        max_length=300,
        blank=True,
        default=DEFAULT_FOOTER_STATEMENT,
        help_text=_("A sentence or two about the charity, at the foot of every page."),
    )
    home_heading = models.CharField(
        _("home page heading"), max_length=120, default=DEFAULT_HOME_HEADING
    )
    home_introduction = models.TextField(
        _("home page introduction"),
        max_length=500,
        default=DEFAULT_HOME_INTRODUCTION,
        help_text=_("The few sentences under the heading. Keep them short and plain."),
    )
    quick_exit_url = models.URLField(
        _("quick exit address"),
        max_length=300,
        default=DEFAULT_QUICK_EXIT_URL,
        help_text=_(
            "Where the quick exit button takes a parent: an everyday page on another website, "
            "starting with https://, such as a weather forecast."
        ),
    )

    class Meta:
        verbose_name = _("site settings")
        verbose_name_plural = _("site settings")

    def __str__(self):
        return str(_("Site settings"))

    def save(self, *args, **kwargs):
        self.pk = SINGLETON_PK
        if self.contact_phone:
            self.contact_phone = phones.normalise(self.contact_phone)[0]
        super().save(*args, **kwargs)
        contentversion.invalidate()  # every page shows these details: none may be served stale

    def clean(self):
        # In clean() rather than a field validator, so the migration needs nothing of this app.
        if self.quick_exit_url:
            try:
                validate_quick_exit_url(self.quick_exit_url)
            except ValidationError as error:
                raise ValidationError({"quick_exit_url": error.messages}) from error

    @classmethod
    def load(cls):
        """The record, made with its defaults the first time it is asked for (the admin)."""
        obj, _created = cls.objects.get_or_create(
            pk=SINGLETON_PK, defaults={"charity_name": settings.SITE_NAME}
        )
        return obj

    @classmethod
    def current(cls):
        """
        The record as pages show it, from the cache when this content version has read it (and
        from this process's memory when it has read it itself). Before anyone has saved it, its
        defaults, without writing anything. Every caller in this content version gets the same
        object, to read: change the record through ``load()`` and ``save()``.
        """
        global _kept
        token = contentversion.content_version()["token"]
        kept_token, record = _kept
        if kept_token != token:
            key = CACHE_KEY.format(token=token)
            if (values := cache.get(key)) is None:
                found = cls.objects.filter(pk=SINGLETON_PK).first()
                found = found or cls(pk=SINGLETON_PK, charity_name=settings.SITE_NAME)
                values = {
                    field.attname: getattr(found, field.attname) for field in cls._meta.fields
                }
                cache.set(key, values, settings.PAGE_CACHE_SECONDS)
            record = cls(**values)
            _kept = (token, record)
        return record

    @property
    def name(self):
        """The charity's name, or the configured site name when it is left empty."""
        return self.charity_name or settings.SITE_NAME

    @property
    def phone_number(self):
        """The checked number to ring, or None when there is none to dial."""
        return phones.checked(self.contact_phone) if self.contact_phone else None

    @property
    def phone_href(self):
        number = self.phone_number
        return f"tel:{number.value}" if number else ""

    @property
    def address_lines(self):
        return [line.strip() for line in self.postal_address.splitlines() if line.strip()]

    @property
    def has_contact_details(self):
        return bool(self.contact_email or self.phone_number or self.address_lines)
