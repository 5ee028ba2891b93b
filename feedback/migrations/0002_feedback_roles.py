"""
The staff roles' permissions on page feedback (editorial/roles.py has today's table): editors
and clinical reviewers may see answers and comments and mark comments dealt with (the change
permission on comments); publishers and site administrators hold every feedback permission.
Undoing this takes them away again.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

# As they were when this migration was written (kept here so it never changes with the code).
APP = "feedback"
READ_AND_MARK = ["view_answer", "view_comment", "change_comment"]
FEEDBACK_PERMISSIONS = {"Editor": READ_AND_MARK, "Clinical reviewer": READ_AND_MARK}
EVERY_ONE = ("Publisher", "Site administrator")
ROLES = ("Editor", "Clinical reviewer", "Publisher", "Site administrator")


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
        if role in EVERY_ONE:
            group.permissions.add(*ours)
        else:
            group.permissions.add(*ours.filter(codename__in=FEEDBACK_PERMISSIONS[role]))


def revoke(apps, schema_editor):
    ours = apps.get_model("auth", "Permission").objects.filter(content_type__app_label=APP)
    for group in apps.get_model("auth", "Group").objects.filter(name__in=ROLES):
        group.permissions.remove(*ours)


class Migration(migrations.Migration):
    dependencies = [
        ("feedback", "0001_answers_and_comments"),
        ("editorial", "0001_roles"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
