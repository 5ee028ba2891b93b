import pytest
from pytest_django.asserts import assertContains, assertNotContains

from core.models import Status
from tests.support.factories import make_resource, make_tip_page
from tests.support.markup import links_to

pytestmark = pytest.mark.django_db


@pytest.fixture
def settling():
    return make_tip_page(
        slug="settling",
        title="Settling your baby",
        intro="What your baby might tell you at bedtime.",
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
        resources=[
            make_resource(name="Parent Helpline UK"),
            make_resource(name="Unchecked Draft Line", status=Status.DRAFT),
        ],
        sources=["Brazelton Touchpoints"],
        reviewed_by="Jo Smith, health visitor",
    )


def test_tip_page_list_shows_published_tip_pages_only(client, settling, future):
    make_tip_page(title="Draft tip page", status=Status.DRAFT)
    make_tip_page(title="Scheduled tip page", published_at=future)

    response = client.get("/tips/")

    assert response.status_code == 200
    assertContains(response, "Settling your baby")
    assertContains(response, "What your baby might tell you at bedtime.")
    assertNotContains(response, "Draft tip page")
    assertNotContains(response, "Scheduled tip page")
    assert links_to(response, "/tips/settling/")


def test_tip_page_list_is_sorted_by_title(client):
    make_tip_page(title="Zzz: sleep")
    make_tip_page(title="Attachment")

    content = client.get("/tips/").content.decode()

    assert content.index("Attachment") < content.index("Zzz: sleep")


def test_tip_page_list_says_when_there_are_none_yet(client):
    response = client.get("/tips/")

    assert response.status_code == 200
    assertContains(response, "There are no tip pages yet.")


def test_tip_page_shows_each_tips_baby_voice_and_what_to_try(client, settling):
    response = client.get("/tips/settling/")

    assert response.status_code == 200
    assertContains(response, "<h1>Settling your baby</h1>", html=True)
    assertContains(response, "What your baby might tell you at bedtime.")
    for tip in settling.tips.all():
        assertContains(response, tip.baby_says)
        assertContains(response, tip.try_this)
    # Tip text is rich text now: plain text is shown as a paragraph of its own.
    assertContains(response, "<p>Slow sounds calm a baby's heart rate.</p>", html=True)


def test_tip_page_shows_sources_reviewer_and_published_resources(client, settling):
    response = client.get("/tips/settling/")

    assertContains(response, "Brazelton Touchpoints")
    assertContains(response, "Jo Smith, health visitor")
    assertNotContains(response, "Not yet clinically reviewed")
    assertContains(response, "Parent Helpline UK")
    assertNotContains(response, "Unchecked Draft Line")
    assert links_to(response, "/help/")


def test_tip_page_without_a_reviewer_says_so(client):
    tip_page = make_tip_page()

    assertContains(client.get(tip_page.get_absolute_url()), "Not yet clinically reviewed")


def test_tip_page_shows_tips_in_their_order(client):
    tip_page = make_tip_page(
        tips=[
            {"baby_says": "Second voice", "try_this": "b", "order": 2},
            {"baby_says": "First voice", "try_this": "a", "order": 1},
        ]
    )

    content = client.get(tip_page.get_absolute_url()).content.decode()

    assert content.index("First voice") < content.index("Second voice")


@pytest.mark.parametrize("status", [Status.DRAFT, "scheduled"])
def test_unpublished_tip_page_is_not_found(client, status, future):
    if status == "scheduled":
        tip_page = make_tip_page(published_at=future)
    else:
        tip_page = make_tip_page(status=status)

    response = client.get(tip_page.get_absolute_url())

    assert response.status_code == 404
    assert links_to(response, "/help/")


def test_unknown_tip_page_is_not_found(client):
    assert client.get("/tips/no-such-page/").status_code == 404
