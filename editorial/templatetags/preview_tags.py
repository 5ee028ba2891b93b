from django import template

from editorial.preview import preview_url, previewable

register = template.Library()


@register.simple_tag
def preview_link(obj):
    """The preview address of ``obj`` (an admin ``original``), or ``""`` if it has none."""
    return (obj is not None and obj.pk and preview_url(obj)) or ""


@register.filter
def can_preview(opts):
    """Whether pages of this kind (a model's ``_meta``) have a preview."""
    return previewable(opts.model_name) is not None
