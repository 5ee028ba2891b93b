from django import template
from django.utils.safestring import mark_safe

from guidance.richtext import sanitise_html

register = template.Library()


@register.filter
def richtext(html):
    """Staff HTML, sanitised again on the way out: the only place it is marked safe."""
    return mark_safe(sanitise_html(html))
