from django.conf import settings


def site(request):
    """The site's name, on every page."""
    return {"site_name": settings.SITE_NAME}
