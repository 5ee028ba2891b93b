"""``{% fragment "name" value… %}…{% endfragment %}``: a part of a public page kept in the
fragment cache (``core.fragments``) until any content changes, rendered afresh for each
``value`` (e.g. an object's id). Staff previews, anything rendered without a request, and a
page whose view says its part must not be kept (``fragments_off`` in the context, e.g. search
results from a search that failed) always render it afresh.

``{% kept_static "css/site.css" %}`` is ``{% static %}``, remembered by each process: a static
file's address (its hashed name) changes only with a redeploy, which starts new processes, so it
is never kept in the shared cache or in a fragment."""

from django import template
from django.core.signals import setting_changed
from django.dispatch import receiver
from django.templatetags.static import static

from core import fragments
from core.templatenodes import HoldingNode

register = template.Library()


@register.tag
def fragment(parser, token):
    bits = token.split_contents()
    if len(bits) < 2:
        raise template.TemplateSyntaxError(f"{bits[0]} needs a name")
    nodelist = parser.parse(("endfragment",))
    parser.delete_first_token()
    name, *vary_on = (parser.compile_filter(bit) for bit in bits[1:])
    return FragmentNode(name, vary_on, nodelist)


class FragmentNode(HoldingNode):
    def __init__(self, name, vary_on, nodelist):
        self.name, self.vary_on, self.nodelist = name, vary_on, nodelist

    def render(self, context):
        request = context.get("request")
        if request is None or context.get("preview") or context.get("fragments_off"):
            return self.nodelist.render(context)
        parts = (value.resolve(context) for value in self.vary_on)
        return fragments.cached(
            request,
            self.name.resolve(context),
            *parts,
            render=lambda: self.nodelist.render(context),
        )


_static_urls = {}


@register.simple_tag
def kept_static(path):
    if (url := _static_urls.get(path)) is None:
        url = _static_urls[path] = static(path)
    return url


@receiver(setting_changed)
def _forget_static_urls(*, setting, **kwargs):
    # Tests may change where static files are served from or how they are stored.
    if setting.startswith(("STATIC", "STORAGES")):
        _static_urls.clear()
