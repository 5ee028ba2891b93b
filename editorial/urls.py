"""Staff pages of the editorial workflow, mounted under the admin path (see config/urls.py).

Every view here is wrapped in ``admin.site.admin_view`` so it needs a signed-in, two-factor
verified member of staff, like the admin itself. Being staff is not enough to see content: the
dashboard needs permission to view the pages and resources it lists (every role has it), and
the other screens check the permission for each kind of page they show.
"""

from django.contrib import admin
from django.contrib.auth.decorators import permission_required
from django.urls import path

from . import audit, dashboard, preview, workflow_views

app_name = "editorial"

# The dashboard lists draft titles, owners and resources: staff with no role may not see them.
DASHBOARD_PERMISSIONS = ("guidance.view_article", "tips.view_tippage", "guidance.view_resource")

urlpatterns = [
    path(
        "dashboard/",
        admin.site.admin_view(
            permission_required(DASHBOARD_PERMISSIONS, raise_exception=True)(dashboard.dashboard)
        ),
        name="dashboard",
    ),
    path(
        "preview/<slug:kind>/<int:pk>/",
        admin.site.admin_view(preview.preview),
        name="preview",
    ),
    path(
        "review/<slug:kind>/<int:pk>/submit/",
        admin.site.admin_view(workflow_views.submit_for_review),
        name="submit_for_review",
    ),
    path(
        "review/<slug:kind>/<int:pk>/decide/",
        admin.site.admin_view(workflow_views.decide_review),
        name="decide_review",
    ),
    path("changes/", admin.site.admin_view(audit.recent_changes), name="recent_changes"),
    path("deleted/", admin.site.admin_view(audit.deleted_pages), name="deleted"),
    path(
        "deleted/<str:kind>/<int:history_id>/restore/",
        admin.site.admin_view(audit.restore_deleted),
        name="restore_deleted",
    ),
]
