from django.utils.functional import SimpleLazyObject

from .models import SiteSettings


def site(request):
    """
    The charity's details (``site_settings``) and name (``site_name``) on every page. Read only
    when a template uses them, and at most once a request: the admin's pages never do.
    """
    settings = SimpleLazyObject(SiteSettings.current)
    return {
        "site_settings": settings,
        "site_name": SimpleLazyObject(lambda: settings.name),
    }
