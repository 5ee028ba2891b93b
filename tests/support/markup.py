"""Reading rendered HTML in tests without depending on attribute order or whitespace."""

from html.parser import HTMLParser


class _ElementCollector(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.elements = []

    def handle_starttag(self, tag, attrs):
        self.elements.append((tag, {name: value or "" for name, value in attrs}))

    handle_startendtag = handle_starttag


def elements(response_or_html, tag, **attrs):
    """Start tags named ``tag`` whose attributes include ``attrs``; ``class_`` matches a class."""
    html = getattr(response_or_html, "content", response_or_html)
    if isinstance(html, bytes):
        html = html.decode()
    collector = _ElementCollector()
    collector.feed(html)
    wanted_class = attrs.pop("class_", None)
    return [
        found
        for name, found in collector.elements
        if name == tag
        and all(found.get(key) == value for key, value in attrs.items())
        and (wanted_class is None or wanted_class in found.get("class", "").split())
    ]


def links_to(response_or_html, href, **attrs):
    return elements(response_or_html, "a", href=href, **attrs)


def assert_public_page(response):
    """Every public page offers a skip link, urgent help and a main landmark."""
    assert links_to(response, "#main", class_="skip-link"), "no skip link"
    assert links_to(response, "/help/", class_="urgent-help"), "no urgent-help link to /help/"
    assert elements(response, "main", id="main"), "no <main id=main>"
