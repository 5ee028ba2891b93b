"""Staff pages of the editorial workflow, mounted under the admin path (see config/urls.py).

Every view here is wrapped in ``admin.site.admin_view`` so it needs a signed-in, two-factor
verified member of staff, like the admin itself.
"""

app_name = "editorial"

urlpatterns = []
