"""Search results grouped by kind, the shape many tests read most easily."""

from search.engine import search_site

GROUPS = {"article": "articles", "tip_page": "tip_pages", "resource": "resources"}


def grouped(query, **kwargs):
    """``{"articles": [...], "tip_pages": [...], "resources": [...]}``, each in ranked order."""
    results = {name: [] for name in GROUPS.values()}
    for item in search_site(query, **kwargs).items:
        results[GROUPS[item.kind]].append(item.obj)
    return results
