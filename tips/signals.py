"""A tip page's reading age and search document depend on its tips, saved after the page."""

from django.db.models.signals import post_delete, post_save

from guidance import searchindex
from guidance.readability import remeasure_tip_page

from .models import Tip


def tip_changed(sender, instance, raw=False, **kwargs):
    # Rows loaded raw (fixtures, restores) are measured by `manage.py measure_readability`
    # and indexed by `rebuild_search_index` (restore_site runs it).
    if not raw:
        remeasure_tip_page(instance.page_id)
        searchindex.refresh("tip_page", [instance.page_id])


def connect():
    post_save.connect(tip_changed, sender=Tip, dispatch_uid="tips-tip-saved")
    post_delete.connect(tip_changed, sender=Tip, dispatch_uid="tips-tip-deleted")
