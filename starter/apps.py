from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class StarterConfig(AppConfig):
    # Above the content apps: it creates their rows from starter/content/, and nothing imports it.
    name = "starter"
    verbose_name = _("Starter content")
