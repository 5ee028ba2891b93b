from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FeedbackConfig(AppConfig):
    name = "feedback"
    verbose_name = _("Page feedback")

    def ready(self):
        # The pages with the most "No" answers, on the editorial dashboard.
        from editorial import dashboard

        from .report import dashboard_section

        dashboard.register_section(dashboard_section)
