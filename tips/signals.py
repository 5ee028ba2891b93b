"""A tip page's reading age depends on its tips, which are saved after the page."""

from django.db.models.signals import post_delete, post_save

from .models import Tip, TipPage


def tip_changed(sender, instance, raw=False, **kwargs):
    # Rows loaded raw (fixtures, restores) are derived by `manage.py refresh_derived`, which
    # restore_site runs.
    if raw:
        return
    page = TipPage.objects.filter(pk=instance.page_id).first()
    if page is None:  # the page itself is being deleted
        return
    page.derive()
    # An update, not save(): deriving is not an edit, so it makes no revision or new version.
    TipPage.objects.filter(pk=page.pk).update(
        **{name: getattr(page, name) for name in TipPage.derived_fields}
    )


def connect():
    post_save.connect(tip_changed, sender=Tip, dispatch_uid="tips-tip-saved")
    post_delete.connect(tip_changed, sender=Tip, dispatch_uid="tips-tip-deleted")
