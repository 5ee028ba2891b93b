from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EditorialConfig(AppConfig):
    """The editorial workflow: roles, revisions, preview, review tracking, the dashboard."""

    name = "editorial"
    verbose_name = _("Editorial workflow")
