"""
The staff roles' permissions on search's crisis words, synonyms and report (editorial/roles.py).

Search's tables may be made after ``0001_roles`` on a fresh database, so its permissions are
made and granted here, once they exist. Undoing this takes them away from the groups again.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

from editorial.roles import SEARCH_APP, grant_search_roles, revoke_search_roles


def add_search_permissions(apps, schema_editor):
    # Django makes permissions only after all migrations have run (see 0001_roles).
    app_config = apps.get_app_config(SEARCH_APP)
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    grant_search_roles(apps.get_model("auth", "Group"), apps.get_model("auth", "Permission"))


def remove_search_permissions(apps, schema_editor):
    revoke_search_roles(apps.get_model("auth", "Group"), apps.get_model("auth", "Permission"))


class Migration(migrations.Migration):
    dependencies = [
        ("editorial", "0001_roles"),
        ("search", "0001_initial"),
    ]

    operations = [migrations.RunPython(add_search_permissions, remove_search_permissions)]
