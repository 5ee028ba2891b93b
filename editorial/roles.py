"""
The four staff roles, as Django groups, and what each may do.

A member of staff gets a role by being put in its group in the admin (Users, then Groups). The
groups hold ordinary Django permissions; the admin (``editorial.admin_mixins``) adds the rules
that depend on the page itself, such as "an editor may not change a page that is already live".

The table is worked out from the content kinds (``core.kinds``): every kind of page, the parts
that belong to one (sources, tips) and the rest of the content apps' models (stages, topics,
redirects). The migrations that made the groups keep their own copy of the table as it was then;
a new kind of page gets its permissions from a data migration of its own app, calling
``grant_roles``, and the role tests check the groups against this table.
"""

from django.apps import apps

from core import kinds

EDITOR = "Editor"
CLINICAL_REVIEWER = "Clinical reviewer"
PUBLISHER = "Publisher"
SITE_ADMINISTRATOR = "Site administrator"

ROLES = (EDITOR, CLINICAL_REVIEWER, PUBLISHER, SITE_ADMINISTRATOR)


# Content an editor writes: the page itself and the rows edited inside its form.
SEARCH_APP = "search"
CRISIS_WORDS = ("search.crisisphrase",)
SYNONYMS = ("search.synonym",)
MISSED_SEARCHES = ("search.missedsearch",)
# Share packs: publishers may retire one (the change permission); sharing/migrations.
PACKS = ("sharing.pack",)
# "Was this page helpful?": editors and clinical reviewers read and mark comments dealt with,
# publishers hold every permission; feedback/migrations.
FEEDBACK_ANSWERS = ("feedback.answer",)
FEEDBACK_COMMENTS = ("feedback.comment",)

ALL = ("add", "change", "delete", "view")
# Content apps' models that are not content anyone edits.
NOT_CONTENT = {"starteritem"}


def _perms(models, actions):
    return [
        f"{model.split('.')[0]}.{action}_{model.split('.')[1]}"
        for model in models
        for action in actions
    ]


def pages():
    """Every kind of page: ``("guidance.article", "tips.tippage", ...)``."""
    return tuple(kind.label for kind in kinds.all_kinds())


def parts():
    """What belongs to one page and is edited with it: sources, tips."""
    return tuple(
        relation.related_model._meta.label_lower
        for kind in kinds.all_kinds()
        for relation in kind.model._meta.related_objects
        if relation.one_to_many
        and relation.related_model._meta.app_label in kinds.content_apps()
        and not relation.related_model._meta.model_name.startswith("historical")
    )


def structure():
    """The content apps' other models: stages, topics, redirects."""
    taken = {*pages(), *parts()}
    return tuple(
        model._meta.label_lower
        for app_label in sorted(kinds.content_apps())
        for model in apps.get_app_config(app_label).get_models()
        if model._meta.label_lower not in taken
        and model._meta.model_name not in NOT_CONTENT
        and not model._meta.model_name.startswith("historical")
    )


def role_permissions():
    """Role -> the permission names it holds (the Site administrator holds every one)."""
    page_models, part_models, structure_models = pages(), parts(), structure()
    everything = page_models + part_models + structure_models
    reviewed = [kind for kind in kinds.all_kinds() if kind.reviewed]
    return {
        EDITOR: [
            *_perms(page_models, ALL),
            *_perms(part_models, ALL),
            *_perms(structure_models, ["view"]),
            *_perms(CRISIS_WORDS, ["view"]),
            *_perms(SYNONYMS, ["add", "change", "view"]),
            *_perms(MISSED_SEARCHES, ["view"]),
            *_perms(FEEDBACK_ANSWERS, ["view"]),
            *_perms(FEEDBACK_COMMENTS, ["change", "view"]),
        ],
        CLINICAL_REVIEWER: [
            *_perms(everything, ["view"]),
            *(f"{kind.app_label}.review_{kind.model_name}" for kind in reviewed),
            *_perms(CRISIS_WORDS, ["add", "change", "view"]),
            *_perms(SYNONYMS + MISSED_SEARCHES, ["view"]),
            *_perms(FEEDBACK_ANSWERS, ["view"]),
            *_perms(FEEDBACK_COMMENTS, ["change", "view"]),
        ],
        PUBLISHER: [
            *_perms(everything, ALL),
            *(f"{kind.app_label}.publish_{kind.model_name}" for kind in kinds.all_kinds()),
            *_perms(CRISIS_WORDS + SYNONYMS, ALL),
            *_perms(MISSED_SEARCHES, ["view"]),
            *_perms(PACKS, ["change", "view"]),
            *_perms(FEEDBACK_ANSWERS + FEEDBACK_COMMENTS, ALL),
        ],
    }


def grant_roles(group_model, permission_model):
    """Create the groups and give each the permissions of today's table."""
    table = role_permissions()
    for role in ROLES:
        group, _created = group_model.objects.get_or_create(name=role)
        if role == SITE_ADMINISTRATOR:
            group.permissions.set(permission_model.objects.all())
            continue
        group.permissions.set([_permission(permission_model, name) for name in table[role]])


def _permission(permission_model, name):
    app_label, codename = name.split(".")
    return permission_model.objects.get(content_type__app_label=app_label, codename=codename)
