"""Compare shows headings and list items as such, lists changed links and puts numbers first."""

import difflib

import pytest

from editorial import history
from guidance.models import Article, ArticleSource
from tests.support.factories import make_article, make_resource, make_tip_page
from tests.support.formdata import admin_url

pytestmark = pytest.mark.django_db


def compare(client, obj, old=None, new=None):
    """The compare page for two records of ``obj`` (the oldest and the newest by default)."""
    records = list(obj.history.order_by("history_date", "history_id"))
    old, new = old or records[0], new or records[-1]
    response = client.get(
        admin_url(obj, "compare", obj.pk), {"old": old.history_id, "new": new.history_id}
    )
    assert response.status_code == 200
    return response


def change_named(response, name):
    return next(change for change in response.context["changes"] if change.name == name)


def test_a_link_pointing_elsewhere_with_the_same_words_is_a_change(admin_client):
    article = make_article(body='<p>Ring <a href="https://old.example/">Samaritans</a>.</p>')
    article.body = '<p>Ring <a href="https://new.example/">Samaritans</a>.</p>'
    article.save()

    response = compare(admin_client, article)

    change = change_named(response, "body")
    assert [(link.text, link.old, link.new) for link in change.links] == [
        ("Samaritans", "https://old.example/", "https://new.example/")
    ]
    assert change.summary == "The words are the same; only where a link points changed."
    content = response.content.decode()
    assert (
        "Link “Samaritans”: <del>https://old.example/</del> → <ins>https://new.example/</ins>"
        in content
    )
    assert "Check this number" not in content


def test_history_names_a_field_whose_only_change_is_where_a_link_points(admin_client):
    article = make_article(body='<p>See <a href="https://old.example/">the NHS</a>.</p>')
    article.body = '<p>See <a href="https://new.example/">the NHS</a>.</p>'
    article.save()

    assert history.changed_field_labels(article.history.latest()) == ["Body"]
    response = admin_client.get(admin_url(article, "history", article.pk))
    assert response.context["page_obj"][0].changed_labels == ["Body"]


def test_links_added_removed_and_retitled(admin_client):
    article = make_article(
        body='<p><a href="https://a.example/">Gone</a> <a href="https://b.example/">Old</a></p>'
    )
    article.body = (
        '<p><a href="https://b.example/">New</a> <a href="mailto:help@example.org">Write</a></p>'
    )
    article.save()

    change = change_named(compare(admin_client, article), "body")

    # Only the words of the link to b.example changed: that shows in the words, not here.
    assert [link.described for link in change.links] == [
        "E-mail “Write” added: <ins>help@example.org</ins>",
        "Link “Gone” removed: <del>https://a.example/</del>",
    ]


def test_a_phone_number_changed_inside_a_body_is_shown_first(admin_client):
    article = make_article(
        title="Help at night",
        body='<h2>Talk to someone</h2><p>Ring <a href="tel:116123">Samaritans</a> any time.</p>',
    )
    article.title = "Help at any time"
    article.body = (
        '<h2>Talk to someone</h2><p>Ring <a href="tel:116124">Samaritans</a> any time.</p>'
    )
    article.save()

    response = compare(admin_client, article)

    content = response.content.decode()
    change = change_named(response, "body")
    assert change.important
    [number] = change.numbers
    assert number.described == "Phone number “Samaritans”: <del>116123</del> → <ins>116124</ins>"
    box = content.index("Check this number before publishing")
    assert box < content.index('<table class="revision-diff"')
    assert content.index(number.described) < content.index('<table class="revision-diff"')


def test_a_resource_phone_number_change_comes_first(admin_client):
    resource = make_resource(name="Samaritans", phone="116 123", url="https://old.example/")
    resource.phone = "116 124"
    resource.text_number = "85258"
    resource.url = "https://new.example/"
    resource.save()

    response = compare(admin_client, resource)

    content = response.content.decode()
    phone, text = change_named(response, "phone"), change_named(response, "text_number")
    assert phone.numbers[0].described == "Phone number: <del>116 123</del> → <ins>116 124</ins>"
    assert text.numbers[0].described == "Text number added: <ins>85258</ins>"
    table = content.index('<table class="revision-diff"')
    assert content.index("Check this number before publishing") < table
    assert content.index(phone.numbers[0].described) < table
    assert content.index(text.numbers[0].described) < table
    web = change_named(response, "url")
    assert not web.important
    assert web.links[0].described == (
        "Link “Samaritans”: <del>https://old.example/</del> → <ins>https://new.example/</ins>"
    )


def test_a_source_pointing_elsewhere_is_listed(admin_client):
    article = make_article(sources=[("NHS advice", "https://old.example/")])
    source = ArticleSource.objects.get()
    source.url = "https://new.example/"
    article.save()  # as the admin does: the page, then its sources
    source.save()

    response = compare(admin_client, article)

    change = change_named(response, "sources")
    assert [(link.text, link.old, link.new) for link in change.links] == [
        ("NHS advice", "https://old.example/", "https://new.example/")
    ]


def test_a_number_put_in_a_tip_is_checked_first(admin_client):
    page = make_tip_page(tips=[{"baby_says": "I need you.", "try_this": "<p>Ask for help.</p>"}])
    tip = page.tips.get()
    tip.try_this = '<p>Ask for help: <a href="tel:111">ring 111</a>.</p>'
    page.save()  # as the admin does: the page, then its tips
    tip.save()

    response = compare(admin_client, page)

    change = change_named(response, "tips")
    assert change.numbers[0].described == "Phone number “ring 111” added: <ins>111</ins>"
    assert "Check this number before publishing" in response.content.decode()


def test_a_paragraph_become_a_heading_is_marked(admin_client):
    article = make_article(body="<p>Sleep</p><p>Babies wake often.</p>")
    article.body = "<h2>Sleep</h2><p>Babies wake often.</p>"
    article.save()

    change = change_named(compare(admin_client, article), "body")

    assert (
        change.old_html == '<del class="revision-block">Paragraph</del> Sleep\nBabies wake often.'
    )
    assert (
        change.new_html == '<ins class="revision-block">Heading 2</ins> Sleep\nBabies wake often.'
    )


def test_list_items_are_named_and_compared_one_by_one(admin_client):
    article = make_article(body="<ul><li>Feed him</li><li>Change him</li></ul><p>Then rest.</p>")
    article.body = "<ol><li>Feed him</li><li>Change him now</li></ol><p>Then rest.</p>"
    article.save()

    change = change_named(compare(admin_client, article), "body")

    assert change.old_html.split("\n") == [
        '<del class="revision-block">List item</del> Feed him',
        '<del class="revision-block">List item</del> Change him',
        "Then rest.",
    ]
    assert change.new_html.split("\n") == [
        '<ins class="revision-block">Numbered list item</ins> Feed him',
        '<ins class="revision-block">Numbered list item</ins> Change him <ins>now</ins>',
        "Then rest.",
    ]


def test_unchanged_headings_and_quotes_keep_their_names():
    old = "<h3>Crying</h3><blockquote><p>It passes.</p></blockquote><p>Old end.</p>"
    new = "<h3>Crying</h3><blockquote><p>It passes.</p></blockquote><p>New end.</p>"

    change = history.FieldChange(
        "body",
        "Body",
        "",
        "",
        old_content=history.read_rich_text(old),
        new_content=history.read_rich_text(new),
    )

    assert change.new_html == (
        '<span class="revision-block">Heading 3</span> Crying\n'
        '<span class="revision-block">Quote</span> It passes.\n'
        "<ins>New</ins> end."
    )


def test_two_identical_versions_say_so_and_offer_no_restore(admin_client):
    article = make_article(body='<p>Ring <a href="tel:111">111</a>.</p>')
    article.save()

    response = compare(admin_client, article)

    content = response.content.decode()
    assert response.context["changes"] == []
    assert "These two versions are the same" in content
    assert 'id="restore-version"' not in content
    assert "Restore the older version" not in content


def test_different_versions_still_offer_restore(admin_client):
    article = make_article(summary="Old.")
    article.summary = "New."
    article.save()

    content = compare(admin_client, article).content.decode()

    assert "Restore the older version" in content


def test_titles_words_and_links_stay_escaped(admin_client):
    article = make_article(
        title='Night "feeds"',
        body='<p>Ring <a href="tel:111">&lt;b&gt;help&lt;/b&gt; "now"</a>.</p>',
    )
    article.title = 'Night <script>alert("x")</script> feeds'
    article.body = (
        "<h2>&lt;script&gt;alert(1)&lt;/script&gt;</h2>"
        '<p>Ring <a href="tel:112">&lt;b&gt;help&lt;/b&gt; "now"</a>.</p>'
        '<p><a href="https://x.example/?q=&quot;&gt;&lt;script&gt;">&lt;script&gt;</a></p>'
    )
    article.save()

    content = compare(admin_client, article).content.decode()

    assert "<script>" not in content
    assert "<b>help" not in content
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in content
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in content
    assert "Phone number “&lt;b&gt;help&lt;/b&gt; &quot;now&quot;”" in content
    assert "https://x.example/?q=&quot;&gt;&lt;script&gt;" in content


def test_broken_markup_is_read_without_error():
    content = history.read_rich_text(
        "<p>One</li></ul><li>Two<p>Three</blockquote></p><a href=broken>Four</p> <a>Five < six"
    )

    assert [(block.kind, block.text) for block in content.blocks] == [
        ("p", "One"),
        ("ul", "Two"),
        ("ul", "Three"),
        ("ul", "Four"),
        ("p", "Five < six"),  # the stray </p> closed the list item the first <p> held
    ]
    assert content.links == (history.Link("Four", "broken"),)


def test_long_broken_markup_is_read_in_one_pass():
    # A tag that never ends, before a long run of letters: read by backtracking, this took
    # minutes (the time grew with the square of the run).
    letters = "a" * 200_000

    content = history.read_rich_text(f"<p {letters}<br><a href='x>{letters}")

    assert [len(block.text) for block in content.blocks] == [len(letters) + 3, len(letters) + 11]
    assert content.links == ()


def test_a_huge_body_is_compared_with_bounded_work(monkeypatch):
    # 1,500 headings and 1,500 paragraphs of 100 words, every paragraph changed and its link
    # pointing elsewhere: compared word by word, that is 30 million word pairs.
    def body(word, site):
        return "".join(
            f'<h2>Part {n}</h2><p><a href="https://{site}.example/{n}">Link {n}</a> '
            + " ".join(f"{word}{n}x{k}" for k in range(98))
            + "</p>"
            for n in range(1500)
        )

    compared = []

    class CountingMatcher(difflib.SequenceMatcher):
        def __init__(self, isjunk=None, a="", b="", autojunk=True):
            compared.append((len(a), len(b)))
            super().__init__(isjunk, a, b, autojunk)

    monkeypatch.setattr(difflib, "SequenceMatcher", CountingMatcher)
    # Pages with changes applied but not saved are compared as they are.
    old, new = Article(body=body("old", "a")), Article(body=body("new", "b"))

    [change] = history.changes_between(Article, old, new)

    assert sum("<ins>" in line for line in change.new_html.split("\n")) == 1500
    assert compared  # some paragraphs are still marked word by word
    assert sum(a + b for a, b in compared) <= history.MAX_WORDS_COMPARED
    assert all(a * b <= history.MAX_WORD_PAIRS for a, b in compared)
    assert "paragraphs changed" in change.summary
    assert len(change.links) == history.MAX_LINKS_LISTED
    assert change.more_links == 1500 - history.MAX_LINKS_LISTED
