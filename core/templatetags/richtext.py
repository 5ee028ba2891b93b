from django import template
from django.utils.safestring import mark_safe

from core.richtext import render_rich_text

register = template.Library()


@register.filter
def richtext(html):
    """Staff HTML, sanitised again on the way out: the only place it is marked safe.

    Plain text becomes paragraphs, so it can stand where the editor's HTML would."""
    return mark_safe(render_rich_text(html))
