"""
Structured data (schema.org, as JSON-LD) that tells search engines what a page is.

An article or tip page is a ``MedicalWebPage`` and an ``Article`` at once: its headline, summary,
dates, who reviewed it clinically and when, the sources it rests on, who it is for and the
charity that publishes it. The help page is a list of the services it names, with their phone
numbers. The data goes in a ``<script type="application/ld+json">`` block, which browsers never
run, so the Content-Security-Policy allows it; ``script()`` escapes it so that nothing an editor
writes can end the block early.

Every function takes what the page has already loaded and returns plain dicts: no queries.
"""

import json

from django.core.serializers.json import DjangoJSONEncoder
from django.utils import timezone
from django.utils.safestring import mark_safe

from core import kinds
from core.richtext import html_to_text
from guidance.models import Nation

CONTEXT = "https://schema.org"
LANGUAGE = "en-GB"
# Characters that could end the <script> element or open a comment inside it, as Django's
# ``json_script`` escapes them. JSON readers turn them back into the same characters.
ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}
# Words that say an author is a group of people, not one person.
GROUP_WORDS = ("team", "charity", "staff", "group", "service", "nhs", "trust")


def script(data):
    """``data`` as a JSON-LD ``<script>`` block, safe to put in a page."""
    text = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False, separators=(",", ":"))
    return mark_safe(f'<script type="application/ld+json">{text.translate(ESCAPES)}</script>')


def organisation(site_name, home_url):
    """The charity that publishes every page."""
    return {"@type": "Organization", "name": str(site_name), "url": home_url}


def audience():
    """Who the pages are written for."""
    return {
        "@type": "PeopleAudience",
        "audienceType": "Parents and carers of babies, from pregnancy to age two",
    }


def person_and_role(text):
    """``"Dr Sam Lee, clinical psychologist"`` as a schema.org Person with a job title; the
    role is what follows the first comma, as editors are asked to write it."""
    name, _, role = (part.strip() for part in text.partition(","))
    person = {"@type": "Person", "name": name}
    if role:
        person["jobTitle"] = role
    return person


def author(text, site_name, publisher):
    """Who wrote a page: the charity itself, a team (an organisation) or one person."""
    text = text.strip()
    if not text or text == str(site_name):
        return publisher
    if any(word in text.lower().split() for word in GROUP_WORDS):
        return {"@type": "Organization", "name": text}
    return person_and_role(text)


def _date(value):
    return value.isoformat() if value else None


def _day(value):
    """The start of ``value``'s day in the site's time zone. The page shows the day it was last
    updated, not the moment: a save that changes nothing keeps the page's bytes (and ETag)."""
    if not value:
        return None
    return timezone.localtime(value).replace(hour=0, minute=0, second=0, microsecond=0)


def reviewed_page(item, *, url, image, site_name, home_url, sources):
    """An article or tip page (any reviewed kind) as a ``MedicalWebPage`` and ``Article``.

    ``image`` is ``{"url", "width", "height"}`` (its share card); ``sources`` its sources,
    already loaded.
    """
    kind = kinds.for_model(item)
    title = getattr(item, kind.title_field)
    summary = str(getattr(item, kind.summary_field, "") or "").strip()
    publisher = organisation(site_name, home_url)
    data = {
        "@context": CONTEXT,
        "@type": ["MedicalWebPage", "Article"],
        "@id": url,
        "url": url,
        "mainEntityOfPage": url,
        "name": title,
        "headline": title,
        "description": summary,
        "inLanguage": LANGUAGE,
        "image": {"@type": "ImageObject", **image},
        "datePublished": _date(item.published_at),
        "dateModified": _date(_day(item.updated_at)),
        "lastReviewed": _date(item.last_reviewed),
        "audience": audience(),
        "author": author(item.author, site_name, publisher),
        "publisher": publisher,
        "isPartOf": {"@type": "WebSite", "name": str(site_name), "url": home_url},
        "citation": [_citation(source) for source in sources],
    }
    if item.reviewed_by.strip():
        data["reviewedBy"] = person_and_role(item.reviewed_by)
    return {key: value for key, value in data.items() if value not in (None, "")}


def _citation(source):
    work = {"@type": "CreativeWork", "name": source.title}
    if source.url:
        work["url"] = source.url
    return work


# What each kind of help is, as schema.org names things. Services people ring or visit are
# organisations; apps, leaflets and videos are things to read or watch.
CREATIVE_KINDS = {"app": "SoftwareApplication", "leaflet": "CreativeWork", "video": "VideoObject"}


def service(resource):
    """One place to get help, with its phone number and where it serves."""
    data = {
        "@type": CREATIVE_KINDS.get(resource.kind, "Organization"),
        "name": resource.name,
        "description": html_to_text(resource.when_to_use).strip(),
    }
    if resource.phone:
        data["telephone"] = resource.phone
    if resource.url:
        data["url"] = resource.url
    if len(resource.nations) == len(Nation):
        data["areaServed"] = {"@type": "Country", "name": "United Kingdom"}
    else:
        data["areaServed"] = [
            {"@type": "AdministrativeArea", "name": str(nation.label)}
            for nation in resource.nations
        ]
    return data


def help_page(resources, *, url, title, description, site_name, home_url):
    """The help page: a web page whose main part is the list of the services it shows, in the
    page's order (most urgent first)."""
    items = [
        {"@type": "ListItem", "position": position, "item": service(resource)}
        for position, resource in enumerate(resources, start=1)
    ]
    return {
        "@context": CONTEXT,
        "@type": "WebPage",
        "@id": url,
        "url": url,
        "name": title,
        "description": description,
        "inLanguage": LANGUAGE,
        "audience": audience(),
        "publisher": organisation(site_name, home_url),
        "mainEntity": {
            "@type": "ItemList",
            "name": title,
            "numberOfItems": len(items),
            "itemListElement": items,
        },
    }


def website(*, home_url, site_name, description, search_url):
    """The site as a whole, for the home page, with its search."""
    return {
        "@context": CONTEXT,
        "@type": "WebSite",
        "@id": home_url,
        "url": home_url,
        "name": str(site_name),
        "description": description,
        "inLanguage": LANGUAGE,
        "audience": audience(),
        "publisher": organisation(site_name, home_url),
        "potentialAction": {
            "@type": "SearchAction",
            "target": f"{search_url}?q={{search_term_string}}",
            "query-input": "required name=search_term_string",
        },
    }
