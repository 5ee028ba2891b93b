"""
The staff roles' permissions on search's crisis words, synonyms and report (editorial/roles.py).

Search's tables may be made after ``0001_roles`` on a fresh database, so its permissions are
made and granted here, once they exist. Undoing this takes them away from the groups again.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

# Each role's permissions on search's models when this migration was written (kept here so it
# never changes with the code).
SEARCH_APP = "search"
ROLES = ("Editor", "Clinical reviewer", "Publisher", "Site administrator")
SEARCH_PERMISSIONS = {
    "Editor": [
        "view_crisisphrase",
        "add_synonym",
        "change_synonym",
        "view_synonym",
        "view_missedsearch",
    ],
    "Clinical reviewer": [
        "add_crisisphrase",
        "change_crisisphrase",
        "view_crisisphrase",
        "view_synonym",
        "view_missedsearch",
    ],
    "Publisher": [
        *(
            f"{action}_{model}"
            for model in ("crisisphrase", "synonym")
            for action in ("add", "change", "delete", "view")
        ),
        "view_missedsearch",
    ],
}


def grant_search_roles(group_model, permission_model):
    search = permission_model.objects.filter(content_type__app_label=SEARCH_APP)
    for role in ROLES:
        group, _created = group_model.objects.get_or_create(name=role)
        if role == "Site administrator":
            group.permissions.add(*search)
        else:
            group.permissions.add(*search.filter(codename__in=SEARCH_PERMISSIONS[role]))


def revoke_search_roles(group_model, permission_model):
    search = permission_model.objects.filter(content_type__app_label=SEARCH_APP)
    for group in group_model.objects.filter(name__in=ROLES):
        group.permissions.remove(*search)


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
