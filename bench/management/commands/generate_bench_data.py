"""
Generate a data set of a chosen size for ``make bench`` (see ``bench/README.md``).

``python manage.py generate_bench_data --articles 5000`` creates the five stages and eight topics
of the starter set (when missing), then published articles, tip pages and signposting resources
whose slugs all start with ``bench-``: ``bench-article-00042``, ``bench-tip-page-0003``,
``bench-resource-0007``. Articles have ~1,200-word bodies built from a small vocabulary, an "in
brief" list, 3 to 5 sources, and links to stages, topics, resources and related articles; tip pages
have six tips each; resources are spread over the urgency tiers and the UK nations.

The same ``--seed`` gives the same text. Rows are written with ``bulk_create``, so 5,000 articles
take seconds; ``Article.save()`` is skipped, so the sanitised body and its plain text are computed
here with the same functions it uses.

Re-runnable: each run first deletes the ``bench-`` content of an earlier run. It refuses to touch a
database that holds articles it did not make (a real site) unless ``--force`` is given.
``--dry-run`` says what would be created and writes nothing. The whole run is one transaction.
"""

import datetime
import random
import re

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction
from django.utils import timezone

from core.models import Status, add_months
from guidance.models import Article, ArticleSource, Resource, ResourceKind, Stage, Topic, Urgency
from operations import derived
from search import index as search_index
from starter.loader import catalogue
from tips.models import Tip, TipPage, TipPageSource

ARTICLE_PREFIX = "bench-article-"
TIP_PAGE_PREFIX = "bench-tip-page-"
RESOURCE_PREFIX = "bench-resource-"
TIPS_PER_PAGE = 6
BATCH_SIZE = 500
AUTHOR = "Little Voices bench data"
REVIEWER = "Dr Alex Example, clinical psychologist (bench data)"

# Sentences are built slot by slot from these phrases, so the text reads roughly like guidance
# while the vocabulary stays small. Both "crying" and "baby" occur, so the benchmark's search
# for "crying baby" finds many pages, as it would on a real site.
OPENERS = (
    "In the first weeks,",
    "Most days,",
    "When you feel tired,",
    "At bedtime,",
    "After a feed,",
    "On a hard day,",
    "Little by little,",
    "During play,",
    "If you can,",
    "Over time,",
    "",
    "",
)
SUBJECTS = (
    "your baby",
    "a newborn",
    "many parents",
    "a calm voice",
    "gentle touch",
    "a short walk",
    "a familiar song",
    "crying",
    "skin-to-skin time",
    "a simple routine",
    "your partner",
    "a health visitor",
    "a quiet room",
    "eye contact",
)
VERBS = (
    "can help",
    "often shows",
    "may need",
    "tells you about",
    "is a way to build",
    "gives space for",
    "can soothe",
    "helps you notice",
    "slowly shapes",
    "is linked to",
    "brings back",
    "makes room for",
)
OBJECTS = (
    "feelings of safety",
    "the bond between you",
    "a settled body",
    "early signs of hunger",
    "tiredness in both of you",
    "the back-and-forth of play",
    "your baby's growing brain",
    "comfort after crying",
    "a sense of trust",
    "time to rest",
    "new sounds and faces",
    "your own wellbeing",
    "calm before sleep",
    "moments of connection",
)
ENDINGS = (
    "",
    "",
    "",
    "even when it does not seem to work at first",
    "and that is completely normal",
    "so try to be kind to yourself",
    "which matters more than getting it perfect",
    "as your baby learns what to expect",
    "at every stage from pregnancy to two",
    "and you can always ask for help",
)
HEADINGS = (
    "What your baby may be telling you",
    "Why this happens",
    "Things you can try",
    "Looking after yourself",
    "When it feels too much",
    "Talking with your partner",
    "What other parents say",
    "How it changes as your baby grows",
    "Small moments that matter",
    "Getting support",
)
TITLE_STARTS = (
    "Understanding",
    "Coping with",
    "Making sense of",
    "Helping your baby with",
    "A calm guide to",
    "Everyday ideas for",
    "What to know about",
    "Noticing",
    "Gently supporting",
    "Talking about",
    "Building confidence with",
    "Your questions about",
)
TITLE_SUBJECTS = (
    "crying in the evening",
    "early bonding",
    "night waking",
    "first smiles",
    "feeding and closeness",
    "separation and nursery",
    "big feelings",
    "tired days",
    "play on the floor",
    "your own low mood",
    "new routines",
    "a new sibling",
    "skin-to-skin time",
    "settling to sleep",
    "a baby who will not settle",
)
TITLE_ENDINGS = (
    "",
    " for new parents",
    " in the first year",
    " when you are exhausted",
    " with a newborn",
    " at 6 to 12 months",
    " for dads and partners",
    " as a family",
)
SOURCE_TITLES = (
    "Centre on early relationships: research summary",
    "Parent and infant wellbeing survey",
    "Guidance for health visitors on infant mental health",
    "Review of responsive care in the first 1,001 days",
    "Sleep and settling: an evidence briefing",
    "Perinatal mental health: what parents told us",
    "Play, language and attachment: a literature review",
)
BABY_SAYS = (
    "When you hold me close, my heartbeat slows down with yours.",
    "When your voice is soft and slow, my body starts to settle.",
    "When I look away, I need a little break. I will come back to you.",
    "When you copy my sounds, I feel that you are listening to me.",
    "When I cry, I am telling you something. I am not trying to upset you.",
    "When the room is calm and dim, it is easier for me to fall asleep.",
    "When you name my feelings, I start to learn what they are.",
    "When you come back after a while, I learn that you always return.",
)
TRY_THIS = (
    "Hold your baby skin-to-skin for a few quiet minutes.",
    "Slow your breathing and talk in a low, gentle voice.",
    "Wait for your baby to look back before you carry on playing.",
    "Pause and copy your baby's sounds, then wait for a reply.",
    "Check the basics, then try rocking, a walk or a song.",
    "Dim the lights and keep the last hour before bed quiet.",
    "Say what you think your baby feels: 'You are cross, I know.'",
    "Say goodbye and hello the same way every time.",
)
WHY_IT_HELPS = (
    "",
    "Babies borrow calm from the adults who care for them.",
    "Small, repeated moments build trust over time.",
    "Being understood helps your baby learn to manage feelings later on.",
)
# (serves_england, serves_scotland, serves_wales, serves_northern_ireland)
NATION_PATTERNS = (
    (True, True, True, True),
    (True, False, False, False),
    (False, True, False, False),
    (False, False, True, False),
    (False, False, False, True),
    (True, False, True, False),
)
KINDS_BY_URGENCY = {
    Urgency.NOW: (ResourceKind.EMERGENCY,),
    Urgency.TODAY: (ResourceKind.URGENT,),
    Urgency.SOON: (ResourceKind.PROFESSIONAL, ResourceKind.LOCAL),
    Urgency.ANY_TIME: (
        ResourceKind.HELPLINE,
        ResourceKind.TEXT,
        ResourceKind.APP,
        ResourceKind.LEAFLET,
        ResourceKind.VIDEO,
    ),
}
TARGET_WORDS = 1200
TAG = re.compile(r"<[^>]+>")


class Command(BaseCommand):
    help = (
        "Create published bench-* articles, tip pages and resources (plus the starter stages and "
        "topics when missing) for load testing. Replaces the bench content of an earlier run. "
        "Refuses to run on a database with other articles unless --force is given."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--articles", type=int, required=True, help="How many articles to create."
        )
        parser.add_argument(
            "--tip-pages",
            type=int,
            default=12,
            help="How many tip pages to create, six tips each (default 12).",
        )
        parser.add_argument(
            "--resources",
            type=int,
            default=40,
            help="How many signposting resources to create (default 40).",
        )
        parser.add_argument(
            "--seed", type=int, default=1, help="Seed for the generated text (default 1)."
        )
        parser.add_argument(
            "--force",
            action="store_true",
            help="Run even though the database holds articles this command did not make.",
        )
        parser.add_argument(
            "--dry-run", action="store_true", help="Say what would be created, and write nothing."
        )

    def handle(self, *args, **options):
        n_articles, n_tip_pages, n_resources = (
            options["articles"],
            options["tip_pages"],
            options["resources"],
        )
        if min(n_articles, n_tip_pages, n_resources) < 0:
            raise CommandError("--articles, --tip-pages and --resources cannot be negative.")
        others = Article.objects.exclude(slug__startswith=ARTICLE_PREFIX).count()
        if others and not options["force"]:
            raise CommandError(
                f"This database has {others} articles that are not bench data: it looks like a "
                "real site. Use a throwaway database, or pass --force to add bench data anyway."
            )
        if options["dry_run"]:
            self.describe(n_articles, n_tip_pages, n_resources)
            return

        started = self.now = timezone.now()
        self.random = random.Random(options["seed"])
        with transaction.atomic():
            deleted = self.delete_earlier_run()
            stages, topics = self.ensure_stages_and_topics()
            resources = self.create_resources(n_resources)
            articles = self.create_articles(n_articles, stages, topics, resources)
            tip_pages = self.create_tip_pages(n_tip_pages, stages, topics, resources)
            # bulk_create sends no signals and skips save(): derive the tip pages (whose reading
            # age needs their tips) and write the search index here.
            derived.refresh(TipPage, TipPage.objects.filter(slug__startswith=TIP_PAGE_PREFIX))
            search_index.rebuild()
        # A live site has statistics for its query planner (PostgreSQL's autovacuum analyses
        # new rows within a minute; SQLite's are taken by every migrate): take them now, so the
        # benchmark measures the query plans a settled site gets.
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
        seconds = (timezone.now() - started).total_seconds()
        if deleted:
            self.stdout.write(f"Deleted an earlier bench run ({deleted} rows).")
        self.stdout.write(
            self.style.SUCCESS(
                f"Created {len(articles)} articles, {len(tip_pages)} tip pages "
                f"({len(tip_pages) * TIPS_PER_PAGE} tips) and {len(resources)} resources "
                f"in {seconds:.1f} s."
            )
        )

    def describe(self, n_articles, n_tip_pages, n_resources):
        earlier = (
            Article.objects.filter(slug__startswith=ARTICLE_PREFIX).count()
            + TipPage.objects.filter(slug__startswith=TIP_PAGE_PREFIX).count()
            + Resource.objects.filter(slug__startswith=RESOURCE_PREFIX).count()
        )
        starter = catalogue()
        new_stages = (
            len(starter["stages"])
            - Stage.objects.filter(slug__in=[item["slug"] for item in starter["stages"]]).count()
        )
        new_topics = (
            len(starter["topics"])
            - Topic.objects.filter(slug__in=[item["slug"] for item in starter["topics"]]).count()
        )
        self.stdout.write(
            f"Dry run, nothing was written. Would delete {earlier} bench items of an earlier run, "
            f"then create {new_stages} stages, {new_topics} topics, {n_resources} resources, "
            f"{n_articles} articles ({ARTICLE_PREFIX}{1:05d}...) of about {TARGET_WORDS} words "
            f"with 3-5 sources each, and {n_tip_pages} tip pages with {TIPS_PER_PAGE} tips each."
        )

    # -- Writing ------------------------------------------------------------------------------

    def delete_earlier_run(self):
        deleted = 0
        for model, prefix in (
            (Article, ARTICLE_PREFIX),
            (TipPage, TIP_PAGE_PREFIX),
            (Resource, RESOURCE_PREFIX),
        ):
            deleted += model.objects.filter(slug__startswith=prefix).delete()[0]
        return deleted

    def ensure_stages_and_topics(self):
        starter = catalogue()
        stages = [
            Stage.objects.get_or_create(slug=item["slug"], defaults=item)[0]
            for item in starter["stages"]
        ]
        topics = [
            Topic.objects.get_or_create(slug=item["slug"], defaults=item)[0]
            for item in starter["topics"]
        ]
        return stages, topics

    def create_resources(self, count):
        today = timezone.localdate()
        urgencies = list(Urgency)
        resources = []
        for number in range(1, count + 1):
            urgency = urgencies[(number - 1) % len(urgencies)]
            kind = self.random.choice(KINDS_BY_URGENCY[urgency])
            england, scotland, wales, northern_ireland = NATION_PATTERNS[
                (number - 1) // len(urgencies) % len(NATION_PATTERNS)
            ]
            has_phone = kind not in (ResourceKind.APP, ResourceKind.LEAFLET, ResourceKind.VIDEO)
            resources.append(
                Resource(
                    name=f"{kind.label} service {number}",
                    slug=f"{RESOURCE_PREFIX}{number:04d}",
                    kind=kind,
                    urgency=urgency,
                    when_to_use=self.sentence() + " " + self.sentence(),
                    # Ofcom keeps 020 7946 0xxx for drama: never a real person's number (and,
                    # unlike 01632 960xxx, a number the phone check accepts).
                    phone=f"020 7946 0{number % 1000:03d}" if has_phone else "",
                    text_number="85258" if kind == ResourceKind.TEXT else "",
                    text_message="BENCH" if kind == ResourceKind.TEXT else "",
                    url=f"https://example.org/help/{number}",
                    opening_hours="" if urgency == Urgency.NOW else "Monday to Friday, 9am to 5pm",
                    serves_england=england,
                    serves_scotland=scotland,
                    serves_wales=wales,
                    serves_northern_ireland=northern_ireland,
                    order=number,
                    last_checked=None if number % 5 == 0 else today,
                    **self.publishing(number),
                )
            )
        for resource in resources:
            resource.derive()  # what save() would do
        Resource.objects.bulk_create(resources, batch_size=BATCH_SIZE)
        return list(Resource.objects.filter(slug__startswith=RESOURCE_PREFIX))

    def create_articles(self, count, stages, topics, resources):
        articles = []
        for number in range(1, count + 1):
            article = Article(
                title=self.title(),
                slug=f"{ARTICLE_PREFIX}{number:05d}",
                summary=self.sentence()[:300],
                in_brief="\n".join(self.sentence() for _ in range(self.random.randint(3, 5))),
                body=self.article_body(),
                **self.publishing(number),
                **self.authorship(number),
            )
            article.derive()  # what save() would do
            articles.append(article)
        Article.objects.bulk_create(articles, batch_size=BATCH_SIZE)
        articles = list(Article.objects.filter(slug__startswith=ARTICLE_PREFIX).order_by("slug"))

        sources, stage_links, topic_links, resource_links, related_links = [], [], [], [], []
        for index, article in enumerate(articles):
            for order in range(1, self.random.randint(3, 5) + 1):
                sources.append(self.source(ArticleSource, order, article=article))
            for stage in self.random.sample(stages, self.random.randint(1, 2)):
                stage_links.append(Article.stages.through(article=article, stage=stage))
            for topic in self.random.sample(topics, self.random.randint(1, 3)):
                topic_links.append(Article.topics.through(article=article, topic=topic))
            for resource in self.some(resources, 2, 4):
                resource_links.append(Article.resources.through(article=article, resource=resource))
            others = len(articles) - 1
            for step in range(1, min(3, others) + 1):
                # Neighbours by number, so every article has related ones without a search.
                related = articles[(index + step) % len(articles)]
                related_links.append(
                    Article.related.through(from_article=article, to_article=related)
                )
        ArticleSource.objects.bulk_create(sources, batch_size=BATCH_SIZE)
        for links in (stage_links, topic_links, resource_links, related_links):
            if links:
                type(links[0]).objects.bulk_create(links, batch_size=BATCH_SIZE)
        return articles

    def create_tip_pages(self, count, stages, topics, resources):
        pages = [
            TipPage(
                title=f"If your baby could speak: {self.random.choice(TITLE_SUBJECTS)}",
                slug=f"{TIP_PAGE_PREFIX}{number:04d}",
                intro=self.sentence(),
                featured=number == 1,
                **self.publishing(number),
                **self.authorship(number),
            )
            for number in range(1, count + 1)
        ]
        TipPage.objects.bulk_create(pages, batch_size=BATCH_SIZE)
        pages = list(TipPage.objects.filter(slug__startswith=TIP_PAGE_PREFIX).order_by("slug"))

        tips, sources, stage_links, topic_links, resource_links = [], [], [], [], []
        for page in pages:
            for order in range(1, TIPS_PER_PAGE + 1):
                pick = self.random.randrange(len(BABY_SAYS))
                tips.append(
                    Tip(
                        page=page,
                        order=order,
                        baby_says=BABY_SAYS[pick],
                        try_this=TRY_THIS[pick],
                        why_it_helps=self.random.choice(WHY_IT_HELPS),
                    )
                )
            for order in range(1, self.random.randint(2, 3) + 1):
                sources.append(self.source(TipPageSource, order, page=page))
            for stage in self.random.sample(stages, 1):
                stage_links.append(TipPage.stages.through(tippage=page, stage=stage))
            for topic in self.random.sample(topics, self.random.randint(1, 2)):
                topic_links.append(TipPage.topics.through(tippage=page, topic=topic))
            for resource in self.some(resources, 2, 3):
                resource_links.append(TipPage.resources.through(tippage=page, resource=resource))
        for tip in tips:
            tip.derive()  # what save() would do
        Tip.objects.bulk_create(tips, batch_size=BATCH_SIZE)
        TipPageSource.objects.bulk_create(sources, batch_size=BATCH_SIZE)
        for links in (stage_links, topic_links, resource_links):
            if links:
                type(links[0]).objects.bulk_create(links, batch_size=BATCH_SIZE)
        return pages

    # -- Fields shared by several models ------------------------------------------------------

    def publishing(self, number):
        # Spread over the past, newest first, so "latest" lists and feeds have an order.
        published_at = self.now - datetime.timedelta(hours=number)
        return {"status": Status.PUBLISHED, "published_at": published_at}

    def authorship(self, number):
        """Every other page is clinically reviewed. bulk_create skips save(): set the due date."""
        if number % 2:
            return {"author": AUTHOR}
        last_reviewed = timezone.localdate() - datetime.timedelta(days=number % 300)
        return {
            "author": AUTHOR,
            "reviewed_by": REVIEWER,
            "last_reviewed": last_reviewed,
            "next_review_due": add_months(last_reviewed, settings.REVIEW_INTERVAL_MONTHS),
        }

    def source(self, model, order, **parent):
        title = self.random.choice(SOURCE_TITLES)
        url = f"https://example.org/research/{self.random.randrange(10_000)}" if order % 3 else ""
        return model(title=f"{title} ({2015 + order})", url=url, order=order, **parent)

    def some(self, items, low, high):
        return self.random.sample(items, min(len(items), self.random.randint(low, high)))

    # -- Text ---------------------------------------------------------------------------------

    def title(self):
        choice = self.random.choice
        return f"{choice(TITLE_STARTS)} {choice(TITLE_SUBJECTS)}{choice(TITLE_ENDINGS)}"

    def sentence(self):
        choice = self.random.choice
        words = " ".join(
            part
            for part in (choice(OPENERS), choice(SUBJECTS), choice(VERBS), choice(OBJECTS))
            if part
        )
        ending = choice(ENDINGS)
        text = f"{words}, {ending}." if ending else f"{words}."
        return text[0].upper() + text[1:]

    def paragraph(self, sentences):
        text = " ".join(self.sentence() for _ in range(sentences))
        roll = self.random.random()
        if roll < 0.15:
            text += ' <a href="https://example.org/more">Read more about this</a>.'
        elif roll < 0.3:
            text = f"<strong>{self.sentence()}</strong> {text}"
        elif roll < 0.4:
            text += f" <em>{self.sentence()}</em>"
        return f"<p>{text}</p>"

    def article_body(self):
        """HTML of about TARGET_WORDS words: an opening paragraph, then sections under h2s."""
        parts = [self.paragraph(4)]
        headings = self.random.sample(HEADINGS, len(HEADINGS))
        words, section = count_words(parts[0]), 0
        # A section is ~150 words: stop when the next one would overshoot more than undershoot.
        while words < TARGET_WORDS - 75:
            new = [f"<h2>{headings[section % len(headings)]}</h2>", self.paragraph(5)]
            new.append(self.paragraph(4))
            if self.random.random() < 0.5:
                items = "".join(f"<li>{self.sentence()}</li>" for _ in range(4))
                new.append(f"<ul>{items}</ul>")
            parts.extend(new)
            words += sum(count_words(part) for part in new)
            section += 1
        return "\n".join(parts)


def count_words(markup):
    return len(TAG.sub(" ", markup).split())
