from django.apps import AppConfig
from django.db.models.signals import post_delete, post_save
from django.utils.translation import gettext_lazy as _


class EditorialConfig(AppConfig):
    """The editorial workflow: roles, revisions, preview, pending changes, review, the
    dashboard."""

    name = "editorial"
    verbose_name = _("Editorial workflow")

    def ready(self):
        from . import pending, workflow  # they need the models, which are ready only now

        post_delete.connect(pending.page_deleted, dispatch_uid="editorial-page-deleted")
        post_save.connect(workflow.page_saved, dispatch_uid="editorial-page-saved")
