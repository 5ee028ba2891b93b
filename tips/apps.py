from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TipsConfig(AppConfig):
    name = "tips"
    verbose_name = _("If your baby could speak")

    def ready(self):
        from core import kinds

        from . import signals, views
        from .models import TipPage

        kinds.register(
            kinds.Kind(
                TipPage,
                "tip_page",
                public_name=_("If your baby could speak"),
                template="tips/tip_page_detail.html",
                context_name="tip_page",
                with_details=views.with_tip_page_details,
                summary_field="intro",
                list_url_name="tips:tip_page_list",
                searched=True,
                reviewed=True,
                in_sitemap=True,
                in_feed=True,
                short_link="t",
                in_catalogue=True,
            )
        )
        signals.connect()
