"""
Load the starter content that ships with Little Voices.

``python manage.py load_starter_content`` creates the stages, topics, signposting resources,
articles, tip pages and simple pages written in ``starter/content/`` (see
docs/starter-content.md). Everything that can be published is published and marked as starter
content, so the charity can find it and review it before launch.

Safe to run as often as you like, and it never overwrites an editor's work:

- Each item has a key, such as ``stage:newborn`` or ``article:bonding-in-pregnancy``. Once an item
  is loaded its key is kept in ``StarterItem``, and the item is never touched again, even if an
  editor changes or deletes it. Deleting starter content is final.
- If the key is new but something with the same slug already exists, an editor made it: it is
  left alone and the key is recorded, so the starter version never appears later.
- Links between items (stages, topics, resources, related articles) are found by slug among what
  exists when the command runs. A link to something that does not exist is skipped.

Every file is read and checked before anything is written: a file with a mistake stops the run
with an error naming it.

Other apps add their own starter content by receiving ``starter_content_loading`` (see
``core.signals``); the search app loads its crisis words and synonyms that way.

``--dry-run`` lists what would be created and writes nothing. The whole run is one transaction.
"""

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import timezone

from core.models import Status
from core.signals import starter_content_loading
from guidance.models import Article, ArticleSource, Page, Resource, Stage, StarterItem, Topic
from starter import loader
from tips.models import Tip, TipPage, TipPageSource

STAGE_FIELDS = ("title", "slug", "age_range", "description", "order")
TOPIC_FIELDS = ("title", "slug", "description", "order")
RESOURCE_FIELDS = (
    "name",
    "slug",
    "kind",
    "urgency",
    "when_to_use",
    "phone",
    "phone_note",
    "text_number",
    "text_message",
    "url",
    "opening_hours",
    "serves_england",
    "serves_scotland",
    "serves_wales",
    "serves_northern_ireland",
    "order",
    "crisis_panel",
    "last_checked",
)
AUTHORSHIP_FIELDS = ("author", "reviewed_by", "last_reviewed")
ARTICLE_FIELDS = (
    "title",
    "slug",
    "summary",
    "in_brief",
    "body",
    "order",
    "start_here",
    *AUTHORSHIP_FIELDS,
)
TIP_PAGE_FIELDS = ("title", "slug", "intro", "featured", "order", *AUTHORSHIP_FIELDS)
TIP_FIELDS = ("baby_says", "try_this", "why_it_helps")
PAGE_FIELDS = ("title", "slug", "summary", "body")


class Command(BaseCommand):
    help = (
        "Load the starter stages, topics, signposting, articles, tip pages and simple pages. "
        "Safe to run again: it only adds items it has never loaded before, and never changes "
        "or brings back anything an editor has changed or deleted."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="List what would be created, and write nothing.",
        )

    def handle(self, *args, **options):
        self.dry_run = options["dry_run"]
        self.verbosity = options["verbosity"]
        self.created = 0
        self.skipped = 0
        self.now = timezone.now()
        try:
            content = loader.read()
        except loader.StarterContentError as error:
            raise CommandError(str(error)) from None

        with transaction.atomic():
            self.loaded_keys = set(StarterItem.objects.values_list("key", flat=True))
            self.load("stage", Stage, content.stages, self.create_stage)
            self.load("topic", Topic, content.topics, self.create_topic)
            self.load("resource", Resource, content.resources, self.create_resource)
            new_articles = self.load("article", Article, content.articles, self.create_article)
            self.load("tippage", TipPage, content.tip_pages, self.create_tip_page)
            self.load("page", Page, content.pages, self.create_page)
            # Second pass, so an article can link to one that is loaded after it.
            for article, item in new_articles:
                self.set_links(
                    article.related,
                    Article,
                    [slug for slug in item["related"] if slug != article.slug],
                    f"article:{article.slug}",
                )
            # Other apps' starter content (the search app's crisis words and synonyms).
            for _receiver, (created, skipped) in starter_content_loading.send(
                sender=self.__class__,
                dry_run=self.dry_run,
                stdout=self.stdout,
                verbosity=self.verbosity,
            ):
                self.created += created
                self.skipped += skipped

        if self.dry_run:
            self.stdout.write(
                f"Dry run, nothing was written. Would create {self.created}, "
                f"skip {self.skipped} (already loaded or edited)."
            )
        else:
            self.stdout.write(
                self.style.SUCCESS(
                    f"Created {self.created}, skipped {self.skipped} (already loaded or edited)."
                )
            )

    # -- The one rule for every item ----------------------------------------------------------

    def load(self, kind, model, items, create):
        """Create each item of ``items`` that was never loaded; return the new (object, item)s."""
        new = []
        for item in items:
            key = f"{kind}:{item['slug']}"
            label = item.get("title") or item.get("name")
            if key in self.loaded_keys:
                self.skip(key, "loaded before")
                continue
            if model.objects.filter(slug=item["slug"]).exists():
                self.skip(key, "an editor already made one with this slug")
                self.record(key)
                continue
            self.created += 1
            if self.dry_run:
                if self.verbosity >= 1:
                    self.stdout.write(f"Would create {key} ({label})")
                continue
            obj = create(item, key)
            self.record(key)
            new.append((obj, item))
            if self.verbosity >= 1:
                self.stdout.write(f"Created {key} ({label})")
        return new

    def skip(self, key, reason):
        self.skipped += 1
        if self.verbosity >= 2:
            self.stdout.write(f"Skipped {key}: {reason}")

    def record(self, key):
        self.loaded_keys.add(key)
        if not self.dry_run:
            StarterItem.objects.create(key=key)

    # -- Creating each kind -------------------------------------------------------------------

    def create_stage(self, item, key):
        return self.save(Stage(**pick(item, STAGE_FIELDS)))

    def create_topic(self, item, key):
        return self.save(Topic(**pick(item, TOPIC_FIELDS)))

    def create_resource(self, item, key):
        return self.save(Resource(**pick(item, RESOURCE_FIELDS), **self.publishing()))

    def create_article(self, item, key):
        fields = pick(item, ARTICLE_FIELDS)
        # An editor's own choice of where to start stays: the starter one only fills a gap.
        if fields.get("start_here") and Article.objects.filter(start_here=True).exists():
            fields["start_here"] = False
        article = self.save(Article(**fields, **self.publishing()))
        self.set_common_links(article, item, key)
        for order, (title, url) in enumerate(item["sources"], start=1):
            ArticleSource.objects.create(article=article, title=title, url=url, order=order)
        return article

    def create_tip_page(self, item, key):
        page = self.save(TipPage(**pick(item, TIP_PAGE_FIELDS), **self.publishing()))
        self.set_common_links(page, item, key)
        for order, tip in enumerate(item["tips"], start=1):
            self.save(Tip(page=page, order=order, **pick(tip, TIP_FIELDS)))
        for order, (title, url) in enumerate(item["sources"], start=1):
            TipPageSource.objects.create(page=page, title=title, url=url, order=order)
        return page

    def create_page(self, item, key):
        return self.save(Page(**pick(item, PAGE_FIELDS), **self.publishing()))

    # -- Helpers ------------------------------------------------------------------------------

    def publishing(self):
        return {"status": Status.PUBLISHED, "published_at": self.now, "is_starter": True}

    def save(self, obj):
        obj.full_clean()
        obj.save()
        return obj

    def set_common_links(self, obj, item, key):
        self.set_links(obj.stages, Stage, item["stages"], key)
        self.set_links(obj.topics, Topic, item["topics"], key)
        self.set_links(obj.resources, Resource, item["resources"], key)

    def set_links(self, manager, model, slugs, key):
        """Link ``manager`` to the objects with ``slugs``; slugs that do not exist are skipped."""
        if not slugs:
            return
        found = list(model.objects.filter(slug__in=slugs))
        manager.set(found)
        missing = set(slugs) - {obj.slug for obj in found}
        if missing and self.verbosity >= 2:
            names = ", ".join(sorted(missing))
            self.stdout.write(f"  {key}: no {model._meta.verbose_name} called {names}, skipped")


def pick(item, fields):
    """The entries of ``item`` named in ``fields`` (missing ones are left to model defaults)."""
    return {field: item[field] for field in fields if field in item}
