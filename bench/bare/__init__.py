"""A bare Django project: the reference every page of ``make bench`` is measured against.

Not the site's stack: four of Django's own middleware, no apps, no database, no templates, one
view returning the same fixed 10 KB page as ``bench.views.trivial``. It shows what Django itself
costs on this machine, so a page's share of it says how much the site adds (bench/README.md).
"""
