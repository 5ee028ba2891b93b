import os

import django

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
# What django.core.wsgi.get_wsgi_application does, with Django's handler remembering where
# recent paths lead (config/handler.py).
django.setup(set_prefix=False)

from config.handler import Handler  # noqa: E402

django_application = Handler()

# Imported once Django is set up: it reads the settings and the cache.
from config.cachedpages import CachedPages  # noqa: E402
from core import contentversion  # noqa: E402

# The release's digest of the code, worked out before gunicorn forks its workers.
contentversion.release()

# Stored public pages are answered before Django's request handling (config/cachedpages.py).
application = CachedPages(django_application)
