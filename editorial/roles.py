"""
The four staff roles, as Django groups made by a data migration (``0001_roles``).

A member of staff gets a role by being put in its group in the admin (Users, then Groups). The
groups hold ordinary Django permissions; the admin (``editorial.admin``) adds the rules that
depend on the page itself, such as "an editor may not change a page that is already live".

Permissions are listed here by name so the migrations and the tests read the same table.
Search's word lists and report came after the roles were first made: ``0002_search_roles``
grants their permissions, after search's own tables exist, and ``0001_roles`` leaves them out.
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
# Search: the words that show the crisis panel, the synonyms, and the report of searches that
# found little (read-only: its rows come only from parents' searches).
SEARCH_APP = "search"
CRISIS_WORDS = ("search.crisisphrase",)
SYNONYMS = ("search.synonym",)
MISSED_SEARCHES = ("search.missedsearch",)

ALL = ("add", "change", "delete", "view")


def _perms(models, actions):
    return [
        f"{model.split('.')[0]}.{action}_{model.split('.')[1]}"
        for model in models
        for action in actions
    ]


# Group name -> "app_label.codename" permissions. The Site administrator gets every permission
# there is (see ``grant_roles`` and ``grant_search_roles``), so it is not listed.
ROLE_PERMISSIONS = {
    # Drafts: add, change and delete them; the admin refuses changes to a published page and
    # never lets an editor publish. Viewing stages and topics lets them pick them on a page.
    EDITOR: [
        *_perms(PAGES, ALL),
        *_perms(INLINES, ALL),
        *_perms(STRUCTURE, ["view"]),
        # Synonyms only help a search find pages; the crisis words decide who sees the crisis
        # lines, so a clinical reviewer or a publisher changes those.
        *_perms(CRISIS_WORDS, ["view"]),
        *_perms(SYNONYMS, ["add", "change", "view"]),
        *_perms(MISSED_SEARCHES, ["view"]),
    ],
    # Reads everything; may change only the clinical review fields (see the admin), and the
    # crisis words, which decide when a parent is shown the crisis lines.
    CLINICAL_REVIEWER: [
        *_perms(PAGES + INLINES + STRUCTURE, ["view"]),
        "guidance.review_article",
        "tips.review_tippage",
        *_perms(CRISIS_WORDS, ["add", "change", "view"]),
        *_perms(SYNONYMS + MISSED_SEARCHES, ["view"]),
    ],
    # Everything an editor does, on live pages too, plus publishing, stages, topics,
    # redirects and search's word lists.
    PUBLISHER: [
        *_perms(PAGES + INLINES + STRUCTURE, ALL),
        "guidance.publish_article",
        "tips.publish_tippage",
        "guidance.publish_resource",
        "guidance.publish_page",
        *_perms(CRISIS_WORDS + SYNONYMS, ALL),
        *_perms(MISSED_SEARCHES, ["view"]),
    ],
}


def grant_roles(group_model, permission_model, *, search=False):
    """
    Create the groups and give each its permissions except search's (``0001_roles``); with
    ``search=True`` search's too, as ``0002_search_roles`` then adds them (the tests use this).
    """
    for role in ROLES:
        group, _created = group_model.objects.get_or_create(name=role)
        if role == SITE_ADMINISTRATOR:
            group.permissions.set(permission_model.objects.all())
            continue
        wanted = [name for name in ROLE_PERMISSIONS[role] if not _is_search(name)]
        group.permissions.set([_permission(permission_model, name) for name in wanted])
    if search:
        grant_search_roles(group_model, permission_model)


def grant_search_roles(group_model, permission_model):
    """Add each group's permissions on search's models (``0002_search_roles``)."""
    for role in ROLES:
        group, _created = group_model.objects.get_or_create(name=role)
        if role == SITE_ADMINISTRATOR:
            wanted = permission_model.objects.filter(content_type__app_label=SEARCH_APP)
        else:
            names = [name for name in ROLE_PERMISSIONS[role] if _is_search(name)]
            wanted = [_permission(permission_model, name) for name in names]
        group.permissions.add(*wanted)


def revoke_search_roles(group_model, permission_model):
    """Take search's permissions away from the groups again (undoing ``0002_search_roles``)."""
    search = permission_model.objects.filter(content_type__app_label=SEARCH_APP)
    for group in group_model.objects.filter(name__in=ROLES):
        group.permissions.remove(*search)


def _is_search(name):
    return name.split(".")[0] == SEARCH_APP


def _permission(permission_model, name):
    app_label, codename = name.split(".")
    return permission_model.objects.get(content_type__app_label=app_label, codename=codename)
