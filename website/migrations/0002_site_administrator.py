"""
Site administrators may change the site settings; nobody else may.

The Site administrator group got every permission that existed when the roles were made
(``editorial/migrations/0001_roles.py``), which was before this app had a model, so its
permissions are made and granted here. Kept frozen: it never changes with the code.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

APP = "website"
SITE_ADMINISTRATOR = "Site administrator"


def grant(apps, schema_editor):
    # Django makes permissions only after every migration has run; this one needs them now.
    app_config = apps.get_app_config(APP)
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    group, _created = apps.get_model("auth", "Group").objects.get_or_create(name=SITE_ADMINISTRATOR)
    group.permissions.add(
        *apps.get_model("auth", "Permission").objects.filter(content_type__app_label=APP)
    )


def revoke(apps, schema_editor):
    permissions = apps.get_model("auth", "Permission").objects.filter(content_type__app_label=APP)
    for group in apps.get_model("auth", "Group").objects.filter(name=SITE_ADMINISTRATOR):
        group.permissions.remove(*permissions)


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("website", "0001_initial"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
