from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TipsConfig(AppConfig):
    name = "tips"
    verbose_name = _("If your baby could speak")

    def ready(self):
        from . import signals

        signals.connect()
