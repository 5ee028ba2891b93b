import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")

django_application = get_wsgi_application()

# Imported once Django is set up: it reads the settings and the cache.
from config.cachedpages import CachedPages  # noqa: E402

# Stored public pages are answered before Django's request handling (config/cachedpages.py).
application = CachedPages(django_application)
