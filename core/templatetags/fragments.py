"""``{% fragment "name" value… %}…{% endfragment %}``: a part of a public page kept in the
fragment cache (``core.fragments``) until any content changes, rendered afresh for each
``value`` (e.g. an object's id). Staff previews, anything rendered without a request, and a
page whose view says its part must not be kept (``fragments_off`` in the context, e.g. search
results from a search that failed) always render it afresh."""

from django import template

from core import fragments

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


class FragmentNode(template.Node):
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
