import functools

from django import template
from django.utils.safestring import mark_safe

from core.richtext import render_rich_text

register = template.Library()

# Public pages show the same bodies over and over: cleaning each once per worker rather than once
# per request takes the sanitiser off a page's cost. The answer depends only on the markup, so a
# remembered one is exactly what cleaning again would give. Bounded in count and in size, so odd
# input cannot fill a worker's memory.
REMEMBERED = 256
REMEMBER_UP_TO = 50_000  # characters; a long article is about 10,000


@functools.lru_cache(maxsize=REMEMBERED)
def _remembered(markup):
    return render_rich_text(markup)


@register.filter
def richtext(html):
    """Staff HTML, sanitised again on the way out: the only place it is marked safe.

    Plain text becomes paragraphs, so it can stand where the editor's HTML would."""
    if html and len(html) <= REMEMBER_UP_TO:
        return mark_safe(_remembered(str(html)))
    return mark_safe(render_rich_text(html))
