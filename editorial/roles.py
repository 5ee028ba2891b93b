"""
The four staff roles, as Django groups made by a data migration (``0001_roles``).

A member of staff gets a role by being put in its group in the admin (Users, then Groups). The
groups hold ordinary Django permissions; the admin (``editorial.admin``) adds the rules that
depend on the page itself, such as "an editor may not change a page that is already live".

Permissions are listed here by name so the migration and the tests read the same table.
"""

EDITOR = "Editor"
CLINICAL_REVIEWER = "Clinical reviewer"
PUBLISHER = "Publisher"
SITE_ADMINISTRATOR = "Site administrator"

ROLES = (EDITOR, CLINICAL_REVIEWER, PUBLISHER, SITE_ADMINISTRATOR)

# Content an editor writes: the page itself and the rows edited inside its form.
PAGES = ("guidance.article", "tips.tippage", "guidance.resource", "guidance.page")
INLINES = ("guidance.articlesource", "tips.tip", "tips.tippagesource")
# Structure and addresses: they change the live site at once, so only publishers edit them.
STRUCTURE = ("guidance.stage", "guidance.topic", "guidance.redirect")

ALL = ("add", "change", "delete", "view")


def _perms(models, actions):
    return [
        f"{model.split('.')[0]}.{action}_{model.split('.')[1]}"
        for model in models
        for action in actions
    ]


# Group name -> "app_label.codename" permissions. The Site administrator gets every permission
# there is (see ``grant_roles``), so it is not listed.
ROLE_PERMISSIONS = {
    # Drafts: add, change and delete them; the admin refuses changes to a published page and
    # never lets an editor publish. Viewing stages and topics lets them pick them on a page.
    EDITOR: [
        *_perms(PAGES, ALL),
        *_perms(INLINES, ALL),
        *_perms(STRUCTURE, ["view"]),
    ],
    # Reads everything; may change only the clinical review fields (see the admin).
    CLINICAL_REVIEWER: [
        *_perms(PAGES + INLINES + STRUCTURE, ["view"]),
        "guidance.review_article",
        "tips.review_tippage",
    ],
    # Everything an editor does, on live pages too, plus publishing, stages, topics and
    # redirects.
    PUBLISHER: [
        *_perms(PAGES + INLINES + STRUCTURE, ALL),
        "guidance.publish_article",
        "tips.publish_tippage",
        "guidance.publish_resource",
        "guidance.publish_page",
    ],
}


def grant_roles(group_model, permission_model):
    """Create the groups and give each its permissions (run by the data migration)."""
    for role in ROLES:
        group, _created = group_model.objects.get_or_create(name=role)
        if role == SITE_ADMINISTRATOR:
            group.permissions.set(permission_model.objects.all())
            continue
        wanted = ROLE_PERMISSIONS[role]
        permissions = [_permission(permission_model, name) for name in wanted]
        group.permissions.set(permissions)


def _permission(permission_model, name):
    app_label, codename = name.split(".")
    return permission_model.objects.get(content_type__app_label=app_label, codename=codename)
