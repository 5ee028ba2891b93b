from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class GuidanceConfig(AppConfig):
    name = "guidance"
    verbose_name = _("Guidance")

    def ready(self):
        from core import kinds

        from . import views
        from .models import Article, Page, Resource

        kinds.register(
            kinds.Kind(
                Article,
                "article",
                public_name=_("Guidance"),
                template="guidance/article_detail.html",
                context_name="article",
                with_details=views.with_article_details,
                summary_field="summary",
                list_url_name="guidance:article_list",
                searched=True,
                reviewed=True,
                in_sitemap=True,
                in_feed=True,
                short_link="a",
                in_catalogue=True,
            )
        )
        kinds.register(
            kinds.Kind(
                Resource,
                "resource",
                public_name=_("Where to get help"),
                title_field="name",
                summary_field="when_to_use",
                list_url_name="guidance:help",
                searched=True,
                contact_details=True,
            )
        )
        kinds.register(
            kinds.Kind(
                Page,
                "page",
                public_name=_("Page"),
                template="guidance/page.html",
                context_name="page",
                summary_field="summary",
                in_sitemap=True,
            )
        )
