"""
The staff roles' permissions on share packs (editorial/roles.py has today's table): publishers
may see packs and retire them (the change permission), site administrators hold every
permission. Editors and clinical reviewers have none. Undoing this takes them away again.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

# As they were when this migration was written (kept here so it never changes with the code).
APP = "sharing"
PACK_PERMISSIONS = {"Publisher": ["change_pack", "view_pack"]}
SITE_ADMINISTRATOR = "Site administrator"
ROLES = ("Editor", "Clinical reviewer", "Publisher", SITE_ADMINISTRATOR)


def grant(apps, schema_editor):
    # Django makes permissions only after all migrations have run (see editorial's 0001_roles).
    app_config = apps.get_app_config(APP)
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    group_model = apps.get_model("auth", "Group")
    ours = apps.get_model("auth", "Permission").objects.filter(content_type__app_label=APP)
    for role in ROLES:
        group, _created = group_model.objects.get_or_create(name=role)
        if role == SITE_ADMINISTRATOR:
            group.permissions.add(*ours)
        elif role in PACK_PERMISSIONS:
            group.permissions.add(*ours.filter(codename__in=PACK_PERMISSIONS[role]))


def revoke(apps, schema_editor):
    ours = apps.get_model("auth", "Permission").objects.filter(content_type__app_label=APP)
    for group in apps.get_model("auth", "Group").objects.filter(name__in=ROLES):
        group.permissions.remove(*ours)


class Migration(migrations.Migration):
    dependencies = [
        ("sharing", "0001_packs"),
        ("editorial", "0001_roles"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
