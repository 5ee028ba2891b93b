"""A tip page's reading age depends on its tips, which are saved after the page itself."""

from django.db.models.signals import post_delete, post_save

from guidance.readability import remeasure_tip_page

from .models import Tip


def tip_changed(sender, instance, raw=False, **kwargs):
    # Rows loaded raw (fixtures, restores) are measured by `manage.py measure_readability`.
    if not raw:
        remeasure_tip_page(instance.page_id)


def connect():
    post_save.connect(tip_changed, sender=Tip, dispatch_uid="tips-readability-save")
    post_delete.connect(tip_changed, sender=Tip, dispatch_uid="tips-readability-delete")
