"""The world: one small site, known by heart, that the cross-cutting tests read.

It holds every kind of content in every state a reader can meet: stages and topics; help lines,
UK-wide and for one nation, at three urgencies, the urgent ones on the crisis panel, with the
crisis words staff keep; articles, tip pages and simple pages, published, draft and scheduled;
and the four staff roles with one person in each. ``build_world()`` makes it in the database
and names each part (``world.article``, ``world.welsh_line``, ``world.staff[roles.EDITOR]``...).

Every world also answers to the names the page types read (``tests/support/pages.py``):
``stage``, ``topic``, ``unmatched_stage``, ``unmatched_topic``, ``article``, ``tip_page``,
``page`` and ``search_words``. ``starter_world()`` gives those names to the starter content, for
the tests that want realistic text on every page.

The tests get the world through the ``world`` fixture (tests/conftest.py), which builds it once
for a module.
"""

import datetime
from types import SimpleNamespace

from django.contrib.auth.models import Group, Permission, User
from django.utils import timezone

from core.models import Status
from editorial import roles
from guidance.models import Article, Page, ResourceKind, Stage, Topic, Urgency
from search.models import CrisisPhrase
from search.starter import CRISIS_PHRASES
from tips.models import TipPage

from .factories import make_article, make_page, make_resource, make_stage, make_tip_page, make_topic


def build_world():
    """The test world, made in the database; returns it as a namespace."""
    world = SimpleNamespace(**_catalogue(), **_help_lines())
    world.__dict__.update(_articles(world))
    world.__dict__.update(_tip_pages())
    world.__dict__.update(_simple_pages())
    world.crisis_phrases = [CrisisPhrase.objects.create(phrase=p) for p in CRISIS_PHRASES]
    world.staff = _staff()
    # The names every world has, for the page types.
    world.stage, world.topic = world.newborn, world.crying
    world.unmatched_stage, world.unmatched_topic = world.newborn, world.sleep
    world.page = world.about
    world.search_words = "crying"
    return world


def _catalogue():
    return {
        "newborn": make_stage(slug="newborn", title="Newborn", age_range="0 to 3 months"),
        "toddler": make_stage(slug="toddler", title="Toddler"),
        "crying": make_topic(slug="crying", title="Crying and settling"),
        "sleep": make_topic(slug="sleep", title="Sleep"),
    }


def _help_lines():
    """Lines at three urgencies (none at "soon"), UK-wide and for Wales or Scotland only, the
    urgent ones on the crisis panel, and a draft."""
    return {
        "emergency": make_resource(
            slug="emergency-999",
            name="Emergency services",
            kind=ResourceKind.EMERGENCY,
            urgency=Urgency.NOW,
            phone="999",
            crisis_panel=True,
        ),
        "nhs_111": make_resource(
            slug="nhs-111",
            name="NHS 111 England",
            kind=ResourceKind.URGENT,
            urgency=Urgency.TODAY,
            phone="111",
            nations=["england", "wales"],
            crisis_panel=True,
        ),
        "parent_line": make_resource(
            slug="parent-line",
            name="Parent Helpline UK",
            # Words a misspelt search is corrected to.
            when_to_use="For any parent who wants to talk, about postnatal depression or more.",
        ),
        "welsh_line": make_resource(
            slug="welsh-line", name="Llinell Gymorth Wales", nations=["wales"]
        ),
        "scottish_line": make_resource(
            slug="scottish-line", name="Scottish Parent Line", nations=["scotland"]
        ),
        "draft_resource": make_resource(
            slug="draft-line", name="Unchecked Draft Line", status=Status.DRAFT
        ),
    }


def _later():
    return timezone.now() + datetime.timedelta(days=3)


def _articles(world):
    article = make_article(
        slug="crying-newborn",
        title="Why newborns cry",
        summary="Crying is how newborns talk to you.",
        in_brief="Crying peaks around 6 weeks\nYou cannot spoil a newborn",
        body="<h2>What crying means</h2><p>Your baby is telling you something.</p>",
        reviewed_by="Dr Sam Lee, clinical psychologist",
        last_reviewed=datetime.date(2025, 1, 15),
        stages=[world.newborn],
        topics=[world.crying],
        resources=[world.emergency, world.parent_line, world.draft_resource],
        sources=[("NICE guideline on postnatal care", "https://www.nice.org.uk/"), "Unicef"],
    )
    toddler_sleep = make_article(
        slug="toddler-sleep",
        title="Toddler sleep battles",
        summary="Bedtime can be hard.",
        stages=[world.toddler],
        topics=[world.sleep],
    )
    draft_article = make_article(
        slug="draft-article",
        title="Secret draft guidance",
        status=Status.DRAFT,
        stages=[world.newborn],
    )
    scheduled_article = make_article(
        slug="scheduled-article",
        title="Scheduled future guidance",
        published_at=_later(),
        stages=[world.newborn],
    )
    article.related.set([toddler_sleep, draft_article])
    return {
        "article": article,
        "toddler_sleep": toddler_sleep,
        "draft_article": draft_article,
        "scheduled_article": scheduled_article,
    }


def _tip_pages():
    return {
        "tip_page": make_tip_page(
            slug="settling",
            title="Settling your baby",
            intro="What your baby might tell you at bedtime.",
            featured=True,
            tips=[
                {
                    "baby_says": "When your voice is slow and soft, my body starts to settle.",
                    "try_this": "Hum a low, slow tune while you hold me.",
                    "why_it_helps": "Slow sounds calm a baby's heart rate.",
                },
                {
                    "baby_says": "I like to see your face up close.",
                    "try_this": "Hold me about 30 cm from your face.",
                },
            ],
            sources=["Brazelton Touchpoints"],
        ),
        "draft_tip_page": make_tip_page(
            slug="draft-tips", title="Draft tip page", status=Status.DRAFT
        ),
        "scheduled_tip_page": make_tip_page(
            slug="scheduled-tips", title="Scheduled tip page", published_at=_later()
        ),
    }


def _simple_pages():
    return {
        "about": make_page(
            slug="about", title="About Little Voices", body="<p>We are a charity.</p>"
        ),
        "draft_page": make_page(slug="draft-page", title="Draft simple page", status=Status.DRAFT),
        "scheduled_page": make_page(
            slug="later", title="Scheduled simple page", published_at=_later()
        ),
    }


def _staff():
    """One member of staff in each role's group, as the migrations make the groups."""
    roles.grant_roles(Group, Permission)
    staff = {}
    for role in roles.ROLES:
        username = "world_" + role.lower().replace(" ", "_")
        user = User.objects.create_user(username, f"{username}@example.org", is_staff=True)
        user.groups.add(Group.objects.get(name=role))
        staff[role] = user
    return staff


def starter_world():
    """The starter content (loaded already) under the names the page types read.

    The article and tip page are the heaviest of their kind: the longest text, the most tips.
    """
    return SimpleNamespace(
        stage=Stage.objects.get(slug="newborn"),
        topic=Topic.objects.get(slug="sleep"),
        unmatched_stage=Stage.objects.get(slug="pregnancy"),
        unmatched_topic=Topic.objects.get(slug="nursery-and-childcare"),
        article=max(Article.objects.published(), key=lambda article: len(article.body)),
        tip_page=max(TipPage.objects.published(), key=lambda tip_page: tip_page.tips.count()),
        page=Page.objects.get(slug="about"),
        search_words="crying",
    )
