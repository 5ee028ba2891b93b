"""
The staff roles: Editor, Clinical reviewer, Publisher and Site administrator (editorial/roles.py).

Django makes permissions only after all migrations have run, so on a fresh database they do not
exist yet here: this migration makes them first, for every app it depends on.
"""

from django.apps import apps as global_apps
from django.contrib.auth.management import create_permissions
from django.db import migrations

from editorial.roles import ROLES, grant_roles


def create_roles(apps, schema_editor):
    # In the order of INSTALLED_APPS, as Django itself does after migrating, so permissions get
    # the same ids as on a database where Django made them (a backup compares them).
    for label in [config.label for config in global_apps.get_app_configs()]:
        try:
            app_config = apps.get_app_config(label)
        except LookupError:
            continue  # an app without models
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    grant_roles(apps.get_model("auth", "Group"), apps.get_model("auth", "Permission"))


def remove_roles(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name__in=ROLES).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("admin", "0003_logentry_add_action_flag_choices"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("axes", "0010_accessattemptexpiration"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("guidance", "0005_search_index"),
        ("otp_static", "0003_add_timestamps"),
        ("otp_totp", "0003_add_timestamps"),
        ("sessions", "0001_initial"),
        ("tips", "0002_editorial"),
    ]

    operations = [migrations.RunPython(create_roles, remove_roles)]
