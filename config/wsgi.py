import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")

django_application = get_wsgi_application()

# Imported once Django is set up: it reads the settings and the cache.
from config.cachedpages import CachedPages  # noqa: E402
from core import contentversion  # noqa: E402

# The release's digest of the code, worked out before gunicorn forks its workers.
contentversion.release()

# Stored public pages are answered before Django's request handling (config/cachedpages.py).
application = CachedPages(django_application)
