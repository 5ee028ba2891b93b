"""Staff pages of the editorial workflow, mounted under the admin path (see config/urls.py).

Every view here is wrapped in ``admin.site.admin_view`` so it needs a signed-in, two-factor
verified member of staff, like the admin itself.
"""

from django.contrib import admin
from django.urls import path

from . import audit, dashboard, preview

app_name = "editorial"

urlpatterns = [
    path("dashboard/", admin.site.admin_view(dashboard.dashboard), name="dashboard"),
    path(
        "preview/<slug:kind>/<int:pk>/",
        admin.site.admin_view(preview.preview),
        name="preview",
    ),
    path("changes/", admin.site.admin_view(audit.recent_changes), name="recent_changes"),
    path("deleted/", admin.site.admin_view(audit.deleted_pages), name="deleted"),
    path(
        "deleted/<str:kind>/<int:history_id>/restore/",
        admin.site.admin_view(audit.restore_deleted),
        name="restore_deleted",
    ),
]
