"""
The staff roles: Editor, Clinical reviewer, Publisher and Site administrator (today's table is in editorial/roles.py).

Django makes permissions only after all migrations have run, so on a fresh database they do not
exist yet here: this migration makes them first, for every app it depends on.
"""

from django.apps import apps as global_apps
from django.contrib.auth.management import create_permissions
from django.db import migrations

# The roles as they were when this migration was written, kept here so it never changes with
# the code (editorial/roles.py has today's table, which the tests check against the database).
EDITOR = "Editor"
CLINICAL_REVIEWER = "Clinical reviewer"
PUBLISHER = "Publisher"
SITE_ADMINISTRATOR = "Site administrator"
ROLES = (EDITOR, CLINICAL_REVIEWER, PUBLISHER, SITE_ADMINISTRATOR)
PAGES = ("guidance.article", "tips.tippage", "guidance.resource", "guidance.page")
INLINES = ("guidance.articlesource", "tips.tip", "tips.tippagesource")
STRUCTURE = ("guidance.stage", "guidance.topic", "guidance.redirect")
ALL = ("add", "change", "delete", "view")


def _perms(models, actions):
    return [f"{m.split('.')[0]}.{action}_{m.split('.')[1]}" for m in models for action in actions]


ROLE_PERMISSIONS = {
    EDITOR: [*_perms(PAGES, ALL), *_perms(INLINES, ALL), *_perms(STRUCTURE, ["view"])],
    CLINICAL_REVIEWER: [
        *_perms(PAGES + INLINES + STRUCTURE, ["view"]),
        "guidance.review_article",
        "tips.review_tippage",
    ],
    PUBLISHER: [
        *_perms(PAGES + INLINES + STRUCTURE, ALL),
        "guidance.publish_article",
        "tips.publish_tippage",
        "guidance.publish_resource",
        "guidance.publish_page",
    ],
}


def grant_roles(group_model, permission_model):
    for role in ROLES:
        group, _created = group_model.objects.get_or_create(name=role)
        if role == SITE_ADMINISTRATOR:
            group.permissions.set(permission_model.objects.all())
            continue
        group.permissions.set(
            [
                permission_model.objects.get(
                    content_type__app_label=name.split(".")[0], codename=name.split(".")[1]
                )
                for name in ROLE_PERMISSIONS[role]
            ]
        )


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
