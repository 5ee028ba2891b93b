"""
Starter content shipped with Little Voices: stages, topics, signposting, articles, tip pages and
simple pages, as plain data.

``python manage.py load_starter_content`` reads this module and creates whatever has not been
loaded before (see that command for the rules). Nothing here touches the database.

Every sentence was written for this project. Facts, service names and phone numbers come from
docs/facts-and-sources.md, gathered in November 2026: check them all again before launch.
Articles and tip pages ship with no clinical reviewer, so the site shows them as not yet
clinically reviewed until the charity's own reviewer has read them.

Links between items (stages, topics, resources, related articles) are by slug. A link to a slug
that does not exist when the content is loaded is skipped.
"""

import datetime

# When the facts in docs/facts-and-sources.md were gathered; rows marked "needs checking" there
# get None instead.
CHECKED = datetime.date(2026, 11, 1)

AUTHOR = "Little Voices editorial team"

UK_WIDE = {
    "serves_england": True,
    "serves_scotland": True,
    "serves_wales": True,
    "serves_northern_ireland": True,
}
ENGLAND = {
    "serves_england": True,
    "serves_scotland": False,
    "serves_wales": False,
    "serves_northern_ireland": False,
}
WALES = {
    "serves_england": False,
    "serves_scotland": False,
    "serves_wales": True,
    "serves_northern_ireland": False,
}
SCOTLAND = {
    "serves_england": False,
    "serves_scotland": True,
    "serves_wales": False,
    "serves_northern_ireland": False,
}
NORTHERN_IRELAND = {
    "serves_england": False,
    "serves_scotland": False,
    "serves_wales": False,
    "serves_northern_ireland": True,
}
ENGLAND_AND_WALES = {
    "serves_england": True,
    "serves_scotland": False,
    "serves_wales": True,
    "serves_northern_ireland": False,
}

# Urgency tiers, as in guidance.models.Urgency (kept as numbers so this module needs no Django).
NOW, TODAY, SOON, ANY_TIME = 1, 2, 3, 4


# ---------------------------------------------------------------------------------------------
# Sources: (title, web address). An empty address means docs/facts-and-sources.md names the
# source but gives no address we are sure of; the reviewer can add one.
# ---------------------------------------------------------------------------------------------

HARVARD_BRAIN = (
    "Harvard University Center on the Developing Child: Brain Architecture",
    "https://developingchild.harvard.edu/science/key-concepts/brain-architecture/",
)
HARVARD_CENTER = (
    "Harvard University Center on the Developing Child: serve and return",
    "https://developingchild.harvard.edu/",
)
HOME_START = (
    "Home-Start UK: Infant Mental Health tips for parents",
    "https://www.home-start.org.uk/",
)
UNICEF_HAPPY_BABY = (
    "UNICEF UK Baby Friendly Initiative: Building a happy baby, a guide for parents",
    "https://www.unicef.org.uk/babyfriendly/",
)
NHS_PND = (
    "NHS: Post-natal depression",
    "https://www.nhs.uk/mental-health/conditions/post-natal-depression/overview/",
)
NHS_WEBSITE = ("NHS website", "https://www.nhs.uk/")
NHS_111_ONLINE = ("NHS 111 online", "https://111.nhs.uk/")
NHS_111_WALES = ("NHS 111 Wales", "https://111.wales.nhs.uk/")
NHS_24 = ("NHS 24", "https://www.nhs24.scot/")
SAMARITANS = ("Samaritans", "https://www.samaritans.org/")
SHOUT = ("Shout", "https://giveusashout.org/")
LIFELINE = ("Lifeline", "https://www.lifelinehelpline.info/")
PANDAS = ("PANDAS Foundation", "https://pandasfoundation.org.uk/")
BRIGHTPIP = (
    "UK parenting press coverage of BrightPIP, the Sussex infant mental health charity (2025)",
    "",
)
HOPSCOTCH = (
    "UK parenting press coverage of the infant mental health policy written by Hopscotch "
    "Children's Nurseries with BrightPIP (2025)",
    "",
)
PROFESSIONAL_LOVE = (
    "Jools Page, University of Sheffield: research on 'professional love' in early years settings",
    "",
)
NSPCC_LOOK_SAY_SING_PLAY = ("NSPCC: Look, Say, Sing, Play", "https://www.nspcc.org.uk/")
BRAZELTON = ("Brazelton Centre UK: newborn behaviour", "https://www.brazelton.co.uk/")
BABY_BUDDY = ("Best Beginnings: Baby Buddy app", "https://www.bestbeginnings.org.uk/baby-buddy")
SHAPING_US = (
    "Centre for Early Childhood (The Royal Foundation): Shaping Us",
    "https://centreforearlychildhood.org/",
)
NHS_COLIC = ("NHS: Colic", "https://www.nhs.uk/conditions/colic/")
NHS_START_FOR_LIFE = (
    "NHS Start for Life: baby development and play",
    "https://www.nhs.uk/start-for-life/",
)
LULLABY_TRUST = ("The Lullaby Trust: safer sleep for babies", "https://www.lullabytrust.org.uk/")
ICON = ("ICON: babies cry, you can cope", "https://iconcope.org/")


# ---------------------------------------------------------------------------------------------
# Stages and topics
# ---------------------------------------------------------------------------------------------

STAGES = [
    {
        "slug": "pregnancy",
        "title": "Pregnancy",
        "age_range": "Before your baby is born",
        "description": (
            "Getting ready to meet your baby, bonding before birth, and looking after how you feel."
        ),
        "order": 1,
    },
    {
        "slug": "newborn",
        "title": "Newborn",
        "age_range": "0 to 3 months",
        "description": (
            "The first weeks together: getting to know your baby, feeding, crying and comfort."
        ),
        "order": 2,
    },
    {
        "slug": "3-6-months",
        "title": "3 to 6 months",
        "age_range": "3 to 6 months",
        "description": (
            "Smiles, babbles and back-and-forth play, as your baby starts to show more of who "
            "they are."
        ),
        "order": 3,
    },
    {
        "slug": "6-12-months",
        "title": "6 to 12 months",
        "age_range": "6 to 12 months",
        "description": (
            "Sitting, crawling and exploring. Your baby may start to miss you when you are apart."
        ),
        "order": 4,
    },
    {
        "slug": "1-2-years",
        "title": "1 to 2 years",
        "age_range": "1 to 2 years",
        "description": (
            "First steps and first words, big feelings, and learning to play with other people."
        ),
        "order": 5,
    },
]

TOPICS = [
    {
        "slug": "bonding-and-connection",
        "title": "Bonding and connection",
        "description": "How you and your baby get to know each other and grow close.",
        "order": 1,
    },
    {
        "slug": "crying-and-soothing",
        "title": "Crying and soothing",
        "description": "Why babies cry, how to comfort them, and how to cope when it is hard.",
        "order": 2,
    },
    {
        "slug": "sleep",
        "title": "Sleep",
        "description": "Helping your baby feel calm and safe enough to rest.",
        "order": 3,
    },
    {
        "slug": "play-and-development",
        "title": "Play and development",
        "description": "Everyday play that helps your baby learn, talk and explore.",
        "order": 4,
    },
    {
        "slug": "feelings-and-behaviour",
        "title": "Feelings and behaviour",
        "description": "Understanding your baby's signals and helping them with big feelings.",
        "order": 5,
    },
    {
        "slug": "looking-after-yourself",
        "title": "Looking after yourself",
        "description": "Your own wellbeing matters too. Ideas, support and where to get help.",
        "order": 6,
    },
    {
        "slug": "relationships-and-family",
        "title": "Relationships and family",
        "description": "Partners, grandparents and everyone who cares for your baby.",
        "order": 7,
    },
    {
        "slug": "nursery-and-childcare",
        "title": "Nursery and childcare",
        "description": "Choosing childcare and helping your baby settle with new carers.",
        "order": 8,
    },
]


# ---------------------------------------------------------------------------------------------
# Signposting resources. Keys are Resource fields; "order" is the place within the urgency tier.
# ---------------------------------------------------------------------------------------------

RESOURCES = [
    # Now: an emergency
    {
        "slug": "emergency",
        "name": "Emergency: 999 or A&E",
        "kind": "emergency",
        "urgency": NOW,
        "when_to_use": (
            "Call 999 or go to A&E if your baby or anyone else is seriously ill or hurt. Call if "
            "a life is at risk. This includes if you feel you might act on thoughts of harming "
            "yourself or someone else."
        ),
        "phone": "999",
        **UK_WIDE,
        "order": 1,
        "crisis_panel": True,
        "last_checked": CHECKED,
    },
    # Today: urgent advice
    {
        "slug": "nhs-111",
        "name": "NHS 111",
        "kind": "urgent",
        "urgency": TODAY,
        "when_to_use": (
            "For urgent medical advice for you or your baby when it is not an emergency. Call 111 "
            "or go online. For mental health support, call 111 and choose option 2."
        ),
        "phone": "111",
        "phone_note": "option 2 for mental health",
        "url": "https://111.nhs.uk/",
        **ENGLAND,
        "order": 1,
        "crisis_panel": True,
        "last_checked": CHECKED,
    },
    {
        "slug": "nhs-111-wales",
        "name": "NHS 111 Wales",
        "kind": "urgent",
        "urgency": TODAY,
        "when_to_use": (
            "For urgent medical advice in Wales when it is not an emergency. Call 111. Press 2 "
            "for mental health support."
        ),
        "phone": "111",
        "phone_note": "press 2 for mental health",
        "url": "https://111.wales.nhs.uk/",
        **WALES,
        "order": 2,
        "crisis_panel": True,
        "last_checked": CHECKED,
    },
    {
        "slug": "nhs-24",
        "name": "NHS 24",
        "kind": "urgent",
        "urgency": TODAY,
        "when_to_use": (
            "For urgent medical advice in Scotland when it is not an emergency. Call 111. NHS 24 "
            "can also help if you are in mental distress."
        ),
        "phone": "111",
        "url": "https://www.nhs24.scot/",
        **SCOTLAND,
        "order": 3,
        "crisis_panel": True,
        "last_checked": CHECKED,
    },
    {
        "slug": "gp-out-of-hours-northern-ireland",
        "name": "GP out-of-hours (Northern Ireland)",
        "kind": "urgent",
        "urgency": TODAY,
        "when_to_use": (
            "There is no general NHS 111 service in Northern Ireland. For urgent advice, call "
            "your GP practice. When it is closed, its phone message should tell you how to reach "
            "the out-of-hours service for your area."
        ),
        **NORTHERN_IRELAND,
        "order": 4,
        "crisis_panel": True,
        "last_checked": CHECKED,
    },
    {
        "slug": "samaritans",
        "name": "Samaritans",
        "kind": "helpline",
        "urgency": TODAY,
        "when_to_use": (
            "Call if you are struggling to cope or need someone to listen, whatever is on your "
            "mind, day or night. There is also a Welsh-language line."
        ),
        "phone": "116 123",
        "url": "https://www.samaritans.org/",
        "opening_hours": (
            "24 hours a day, every day. Free. Welsh-language line: 0808 164 0123, 7pm to 11pm."
        ),
        **UK_WIDE,
        "order": 5,
        "crisis_panel": True,
        "last_checked": CHECKED,
    },
    {
        "slug": "shout",
        "name": "Shout",
        "kind": "text",
        "urgency": TODAY,
        "when_to_use": (
            "A text line for when you feel you cannot cope and would rather text than talk. "
            "Text SHOUT to 85258 and someone will text you back."
        ),
        "text_number": "85258",
        "text_message": "SHOUT",
        "url": "https://giveusashout.org/",
        "opening_hours": "24 hours a day, every day.",
        **UK_WIDE,
        "order": 6,
        "crisis_panel": True,
        "last_checked": CHECKED,
    },
    {
        "slug": "lifeline",
        "name": "Lifeline",
        "kind": "helpline",
        "urgency": TODAY,
        "when_to_use": (
            "The crisis helpline for Northern Ireland. Call if you, or someone you know, are in "
            "distress or feel you cannot cope."
        ),
        "phone": "0808 808 8000",
        "url": "https://www.lifelinehelpline.info/",
        "opening_hours": "24 hours a day, every day. Free. Textphone: 18001 0808 808 8000.",
        **NORTHERN_IRELAND,
        "order": 7,
        "crisis_panel": True,
        "last_checked": CHECKED,
    },
    # Soon: talk to a professional
    {
        "slug": "gp",
        "name": "Your GP",
        "kind": "professional",
        "urgency": SOON,
        "when_to_use": (
            "Talk to your GP about your own health or your baby's, including how you are feeling. "
            "Ask for an urgent appointment if you need to be seen today."
        ),
        **UK_WIDE,
        "order": 1,
        "last_checked": CHECKED,
    },
    {
        "slug": "midwife",
        "name": "Your midwife",
        "kind": "professional",
        "urgency": SOON,
        "when_to_use": (
            "Talk to your midwife about you and your baby in pregnancy and the first days after "
            "birth. Tell them how you are feeling. For an urgent worry in pregnancy, call your "
            "maternity unit at any time."
        ),
        **UK_WIDE,
        "order": 2,
        "last_checked": CHECKED,
    },
    {
        "slug": "health-visitor",
        "name": "Your health visitor",
        "kind": "professional",
        "urgency": SOON,
        "when_to_use": (
            "Your health visitor supports you and your baby from the early weeks. Talk to them "
            "about feeding, sleep, crying, play, your baby's feelings or your own."
        ),
        **UK_WIDE,
        "order": 3,
        "last_checked": CHECKED,
    },
    # Any time: support and information
    {
        "slug": "pandas",
        "name": "PANDAS Foundation helpline",
        "kind": "helpline",
        "urgency": ANY_TIME,
        "when_to_use": (
            "Support for parents and families who are struggling with their mental health in "
            "pregnancy or after birth. Check the PANDAS website to see when the line is open."
        ),
        "phone": "0808 1961 776",
        "url": "https://pandasfoundation.org.uk/",
        **UK_WIDE,
        "order": 1,
        "last_checked": None,  # hours unconfirmed: needs checking (docs/facts-and-sources.md)
    },
    {
        "slug": "breathing-space",
        "name": "Breathing Space",
        "kind": "helpline",
        "urgency": ANY_TIME,
        "when_to_use": (
            "A phone line for anyone in Scotland who is feeling low, stressed or anxious and "
            "wants someone to talk to."
        ),
        "phone": "0800 83 85 87",
        "url": "https://www.breathingspace.scot/",
        "opening_hours": (
            "Weekday evenings, 6pm to 2am. Weekends, from 6pm on Friday to 6am on Monday."
        ),
        **SCOTLAND,
        "order": 2,
        "last_checked": CHECKED,
    },
    {
        "slug": "call-helpline",
        "name": "CALL mental health helpline (Wales)",
        "kind": "helpline",
        "urgency": ANY_TIME,
        "when_to_use": (
            "A listening and support line for anyone in Wales who is worried about their own "
            "mental health or someone else's. You can call, or text the word help."
        ),
        "phone": "0800 132 737",
        "text_number": "81066",
        "text_message": "help",
        "url": "https://www.callhelpline.org.uk/",
        **WALES,
        "order": 3,
        "last_checked": None,  # sources disagree on the number: needs checking
    },
    {
        "slug": "mind-infoline",
        "name": "Mind Infoline",
        "kind": "helpline",
        "urgency": ANY_TIME,
        "when_to_use": (
            "Information about mental health, where to get help near you, and your options for "
            "treatment and support. For people in England and Wales."
        ),
        "phone": "0300 123 3393",
        "url": "https://www.mind.org.uk/",
        "opening_hours": "Weekdays, 9am to 6pm.",
        **ENGLAND_AND_WALES,
        "order": 4,
        "last_checked": CHECKED,
    },
    {
        "slug": "nspcc-helpline",
        "name": "NSPCC helpline",
        "kind": "helpline",
        "urgency": ANY_TIME,
        "when_to_use": (
            "Call if you are worried about a child, or want advice about a child's safety or "
            "wellbeing. That includes your own child."
        ),
        "phone": "0808 800 5000",
        "url": "https://www.nspcc.org.uk/",
        "opening_hours": "Weekdays, 8am to 10pm. Weekends, 9am to 6pm.",
        **UK_WIDE,
        "order": 5,
        "last_checked": CHECKED,
    },
    {
        "slug": "national-breastfeeding-helpline",
        "name": "National Breastfeeding Helpline",
        "kind": "helpline",
        "urgency": ANY_TIME,
        "when_to_use": (
            "Call for help and support with breastfeeding, including when it feels hard or painful."
        ),
        "phone": "0300 100 0212",
        **UK_WIDE,
        "order": 6,
        "last_checked": CHECKED,
    },
    {
        "slug": "home-start",
        "name": "Home-Start",
        "kind": "local",
        "urgency": ANY_TIME,
        "when_to_use": (
            "Volunteers who visit families with young children at home to offer friendly, "
            "practical support. Find out if there is a Home-Start near you."
        ),
        "url": "https://www.home-start.org.uk/",
        **UK_WIDE,
        "order": 7,
        "last_checked": CHECKED,
    },
    {
        "slug": "baby-buddy",
        "name": "Baby Buddy app",
        "kind": "app",
        "urgency": ANY_TIME,
        "when_to_use": (
            "A free app from the charity Best Beginnings, accredited by the NHS. It has short "
            "guides from pregnancy until your baby is six months old."
        ),
        "url": "https://www.bestbeginnings.org.uk/baby-buddy",
        **UK_WIDE,
        "order": 8,
        "last_checked": CHECKED,
    },
    {
        "slug": "building-a-happy-baby",
        "name": "Building a happy baby (UNICEF UK)",
        "kind": "leaflet",
        "urgency": ANY_TIME,
        "when_to_use": (
            "A guide for parents from UNICEF UK about getting close to your baby and building a "
            "loving bond."
        ),
        "url": "https://www.unicef.org.uk/babyfriendly/",
        **UK_WIDE,
        "order": 9,
        "last_checked": CHECKED,
    },
    {
        "slug": "look-say-sing-play",
        "name": "Look, Say, Sing, Play (NSPCC)",
        "kind": "leaflet",
        "urgency": ANY_TIME,
        "when_to_use": (
            "Simple ideas from the NSPCC for playing and chatting with your baby in everyday "
            "moments."
        ),
        "url": "https://www.nspcc.org.uk/",
        **UK_WIDE,
        "order": 10,
        "last_checked": CHECKED,
    },
    {
        "slug": "brazelton-newborn-video",
        "name": "What is my newborn telling me? (Brazelton Centre UK)",
        "kind": "video",
        "urgency": ANY_TIME,
        "when_to_use": (
            "A short video from the Brazelton Centre UK about learning what your newborn baby "
            "is telling you."
        ),
        "url": "https://www.brazelton.co.uk/",
        **UK_WIDE,
        "order": 11,
        "last_checked": CHECKED,
    },
    {
        "slug": "shaping-us-films",
        "name": "Shaping Us films (Centre for Early Childhood)",
        "kind": "video",
        "urgency": ANY_TIME,
        "when_to_use": (
            "Short films from The Royal Foundation's Centre for Early Childhood about why the "
            "early years matter, such as Layla's story."
        ),
        "url": "https://centreforearlychildhood.org/",
        **UK_WIDE,
        "order": 12,
        "last_checked": CHECKED,
    },
]


# ---------------------------------------------------------------------------------------------
# Articles
# ---------------------------------------------------------------------------------------------

ARTICLES = [
    {
        "slug": "what-is-infant-mental-health",
        "title": "What is infant mental health?",
        "summary": (
            "Infant mental health is about how safe, calm and loved your baby feels. It starts "
            "before birth and grows through everyday moments with the people who care for them."
        ),
        "in_brief": "\n".join(
            [
                "Infant mental health means your baby's feelings and relationships, from "
                "pregnancy to age two.",
                "Babies feel safe when someone notices what they need and responds kindly.",
                "Everyday moments, like feeds and nappy changes, all count.",
                "No parent gets it right all the time. Putting things right afterwards matters "
                "most.",
                "If you are worried about your baby or yourself, talk to your health visitor, "
                "midwife or GP.",
            ]
        ),
        "body": """
<h2>What it means</h2>
<p>Infant mental health is about how your baby feels inside. It means feeling safe, calm and
loved. It also means being able to be comforted when they are upset.</p>
<p>As your baby grows, it is also about how they learn to play, explore and get along with other
people. It is not about labels or illness. It is about the everyday wellbeing of a very small
person.</p>

<h2>It starts before birth</h2>
<p>Your baby's wellbeing begins in pregnancy. How you feel, and the support around you, matter
from the start. Many parents start to feel close to their baby before birth. For others, the bond
grows after the birth. Both are normal.</p>
<p>You can read more in <a href="/guidance/bonding-in-pregnancy/">bonding with your baby in
pregnancy</a>.</p>

<h2>What your baby needs</h2>
<p>Babies do not need expensive toys or a perfect home. They need:</p>
<ul>
<li>to feel content, at ease and safe</li>
<li>care that notices what they need and responds kindly</li>
<li>play and chances to explore that suit their age</li>
</ul>

<h2>Relationships matter most</h2>
<p>Your baby's mental health grows mostly through their relationships. That means you, and the
other people who care for them. This could be a partner, a grandparent, a childminder or nursery
staff.</p>
<p>Every time someone notices your baby and responds, your baby learns something. They learn that
people are kind. They learn that feelings can be soothed. They learn that the world is safe to
explore.</p>

<h2>Small moments add up</h2>
<p>You are probably doing many helpful things already. Here are a few more ideas:</p>
<ul>
<li><strong>Wonder what your baby is feeling.</strong> You might say, "I wonder if you are
tired."</li>
<li><strong>Slow down in everyday care.</strong> Feeds and nappy changes are good times to chat
and smile.</li>
<li><strong>Name feelings out loud.</strong> "You are cross. That's OK. I'm here."</li>
<li><strong>Look after yourself too.</strong> When you feel calmer, it is easier for your baby to
calm down.</li>
</ul>

<h2>No one gets it right all the time</h2>
<p>Every parent has days when things go wrong. Your baby does not need you to be perfect. What
helps most is coming back to comfort them after a hard moment. This is called repair. Read more
in <a href="/guidance/repair-after-hard-moments/">you don't need to be perfect</a>.</p>

<h2>Is it common to have worries?</h2>
<p>Yes. Research suggests that around 10 to 16 in every 100 young children have some
difficulties with their mental health. So if you are worried, you are not alone. It is always
fine to ask for help.</p>

<h2>Who to talk to</h2>
<p>Are you worried about your baby's feelings or behaviour, or your own? Talk to your health
visitor, midwife or GP. No worry is too small. In many areas, Home-Start can also send a
volunteer to support you at home.</p>
<p>If you think your baby or anyone else is in danger, call 999.</p>
""",
        "stages": ["pregnancy", "newborn", "3-6-months", "6-12-months", "1-2-years"],
        "topics": ["bonding-and-connection", "feelings-and-behaviour"],
        "resources": [
            "health-visitor",
            "midwife",
            "gp",
            "home-start",
            "building-a-happy-baby",
            "shaping-us-films",
        ],
        "sources": [HOME_START, BRIGHTPIP, HOPSCOTCH, HARVARD_BRAIN],
        "related": [
            "how-relationships-build-your-babys-brain",
            "repair-after-hard-moments",
            "when-and-where-to-get-help",
        ],
    },
    {
        "slug": "how-relationships-build-your-babys-brain",
        "title": "How relationships build your baby's brain",
        "summary": (
            "Your baby's brain grows very fast in the first years. Warm, everyday back-and-forth "
            "with the people who care for them helps to build it."
        ),
        "in_brief": "\n".join(
            [
                "In the early years, your baby's brain makes more than a million new connections "
                "every second.",
                "Back-and-forth moments, called serve and return, help to build your baby's brain.",
                "You do not need special toys or classes. Chat, play and cuddles are what count.",
                "Your calm helps your baby calm down. This is called co-regulation.",
            ]
        ),
        "body": """
<h2>A brain that grows fast</h2>
<p>Your baby's brain grows very fast in the first years. Scientists say it makes more than a
million new connections every second. You can think of these connections as paths. The paths that
get used a lot grow stronger.</p>
<p>Genes play a part. But everyday experiences shape the brain too. The most important of these
experiences are relationships with the people who care for your baby.</p>

<h2>What "serve and return" means</h2>
<p>Scientists use the words "serve and return" for the back-and-forth between a baby and a
caring adult. It is a bit like a friendly game of tennis.</p>
<ul>
<li>Your baby "serves". They make a sound, look at you, smile or reach out.</li>
<li>You "return". You look back, smile, talk or give them what they need.</li>
</ul>
<p>Each time this happens, your baby's brain builds and strengthens connections. Over time, these
help with learning, behaviour and health.</p>

<h2>Everyday ways to play serve and return</h2>
<ul>
<li>When your baby coos, coo back. Then wait and see if they answer.</li>
<li>When your baby looks at something, look too and name it. "Yes, that's the cat!"</li>
<li>Copy your baby's faces and sounds. Most babies love to be copied.</li>
<li>Take turns, and give your baby time to reply. Babies can be slow to answer.</li>
<li>Chat during feeds, baths and nappy changes.</li>
</ul>
<p>You do not need special toys, classes or flash cards. Your face, your voice and your attention
are what your baby wants most.</p>

<h2>Your calm helps your baby calm</h2>
<p>Young babies cannot calm themselves down yet. They borrow calm from the adults around them.
This is called co-regulation: calming your baby by staying calm with them.</p>
<p>When you hold your baby, speak softly and breathe slowly, their body can begin to settle. Over
many months, this helps your baby learn to manage feelings for themselves.</p>

<h2>When it is hard to respond</h2>
<p>Nobody can respond every single time. You might be busy, tired or caring for other children.
That is fine. A brain is built over thousands of moments, not just one.</p>
<p>Some days you may feel too low, tired or worried to connect with your baby. If this happens
often, you need support too. Talk to your health visitor or GP. You can also read about
<a href="/guidance/looking-after-your-mental-health/">looking after your own mental
health</a>.</p>

<h2>Other people count too</h2>
<p>Babies can grow close to several people. Partners, grandparents, brothers and sisters,
childminders and nursery staff can all play serve and return. Every warm, caring person in your
baby's life can help.</p>

<h2>Find more ideas</h2>
<p>The NSPCC's "Look, Say, Sing, Play" has simple ideas for everyday play. UNICEF UK's guide,
"Building a happy baby", explains why closeness matters. The "Shaping Us" films from the Centre
for Early Childhood show why the early years are so important.</p>
""",
        "stages": ["newborn", "3-6-months", "6-12-months", "1-2-years"],
        "topics": ["bonding-and-connection", "play-and-development"],
        "resources": [
            "health-visitor",
            "look-say-sing-play",
            "building-a-happy-baby",
            "shaping-us-films",
            "baby-buddy",
        ],
        "sources": [HARVARD_BRAIN, HARVARD_CENTER, UNICEF_HAPPY_BABY, NSPCC_LOOK_SAY_SING_PLAY],
        "related": [
            "what-is-infant-mental-health",
            "understanding-your-babys-cues-and-cries",
            "repair-after-hard-moments",
        ],
    },
    {
        "slug": "bonding-in-pregnancy",
        "title": "Bonding with your baby in pregnancy",
        "summary": (
            "Getting to know your baby can start before they are born. Here are gentle ideas to "
            "try, and what to do if bonding feels hard."
        ),
        "in_brief": "\n".join(
            [
                "Bonding can start in pregnancy, but there is no right time or right way.",
                "Simple things can help, like talking to your bump or noticing your baby's "
                "movements.",
                "Partners and other family members can start to bond before birth too.",
                "Many parents do not feel a strong bond straight away. This is common.",
                "If you feel low or anxious, tell your midwife or GP. Help is there.",
            ]
        ),
        "body": """
<h2>What bonding means</h2>
<p>Bonding is the loving connection between you and your baby. For some parents it starts in
pregnancy. For others it grows slowly after the birth. There is no right time and no right
way.</p>
<p>Thinking about your baby, and talking to them, can help you start to get to know each other.
It can also help you feel more ready to meet them.</p>

<h2>Ideas to try</h2>
<ul>
<li><strong>Talk or sing to your bump.</strong> Tell your baby about your day. It may feel
strange at first. That is fine.</li>
<li><strong>Notice your baby's movements.</strong> Later in pregnancy, you might wonder what your
baby is doing, or what they might like.</li>
<li><strong>Rest your hands on your bump.</strong> Take a few quiet minutes. Breathe slowly and
think about your baby.</li>
<li><strong>Share music you love.</strong> Play songs that matter to you and your family.</li>
<li><strong>Write a letter or keep a diary.</strong> Write down your hopes for your baby and your
family.</li>
</ul>

<h2>Partners and family can bond too</h2>
<p>Bonding is not only for the person who is pregnant. A partner or other family member can talk
and sing to the bump too. They can feel the baby move and come to scans. They can think about the
kind of parent they want to be.</p>
<p>You may be adopting, or someone else may be carrying your baby. You can still think about your
baby and get ready for them. Your bond will grow when you meet.</p>

<h2>Your baby's movements</h2>
<p>Getting to know your baby's pattern of movements is part of getting to know them. It also
helps you notice changes. <strong>If your baby's movements slow down, stop or change, contact your
midwife or maternity unit straight away. This is true day or night.</strong> Do not wait until the
next day.</p>

<h2>If you don't feel a bond yet</h2>
<p>Many parents do not feel a strong bond in pregnancy. Some do not feel it straight after the
birth either. This is common. It does not mean anything is wrong with you or your baby.</p>
<p>Pregnancy can bring lots of feelings, including worry. Worry can make bonding feel harder. Be
gentle with yourself. Bonds often grow through the small, everyday moments of caring for your
baby.</p>

<h2>Looking after your feelings</h2>
<p>How you feel in pregnancy matters, for you and for your baby. Ups and downs are common. But if
you often feel low, anxious or not like yourself, tell your midwife or GP. You do not need to wait
for your next appointment. The PANDAS Foundation also supports parents who are struggling with
their mental health in pregnancy or after birth.</p>
<p>If you have thoughts of harming yourself, get help the same day. Call 111. In Northern Ireland,
call your GP practice or Lifeline. If you feel you might act on these thoughts, call 999.</p>

<h2>Who can help</h2>
<p>Your midwife is the first person to talk to about you and your baby in pregnancy. Your GP can
help too. The Baby Buddy app, from the charity Best Beginnings, has short guides for each stage
of pregnancy.</p>
""",
        "stages": ["pregnancy"],
        "topics": ["bonding-and-connection", "looking-after-yourself", "relationships-and-family"],
        "resources": [
            "emergency",
            "midwife",
            "gp",
            "pandas",
            "baby-buddy",
            "building-a-happy-baby",
        ],
        "sources": [HOME_START, BABY_BUDDY, NHS_WEBSITE, PANDAS],
        "related": [
            "what-is-infant-mental-health",
            "looking-after-your-mental-health",
            "how-relationships-build-your-babys-brain",
        ],
    },
    {
        "slug": "understanding-your-babys-cues-and-cries",
        "title": "Understanding your baby's cues and cries",
        "summary": (
            "Your baby talks to you with sounds, faces and movements long before they have words. "
            "Learning their signals takes time, and guessing is part of it."
        ),
        "in_brief": "\n".join(
            [
                "Crying is your baby's main way to tell you they need something.",
                "Babies also give quieter signals, called cues, with their face, hands and body.",
                "You will not always know what a cry means. Trying things and staying close "
                "still helps.",
                "If the crying gets too much, it is OK to put your baby down safely and take a "
                "short break.",
                "If your baby's cry sounds different, or they seem unwell, get medical advice "
                "the same day.",
            ]
        ),
        "body": """
<h2>Your baby is talking to you</h2>
<p>Long before they can say words, your baby tells you how they feel. They use crying, sounds,
faces and their whole body. These signals are called cues.</p>
<p>Learning your baby's cues takes time. Every baby is different. You will get to know your
baby, and your baby will get to know you.</p>

<h2>Cues to look out for</h2>
<p>Here are some signals that many babies give. Your baby may show them in their own way.</p>
<ul>
<li><strong>"I'm ready to play":</strong> bright, wide eyes, looking at your face, reaching out,
cooing or smiling.</li>
<li><strong>"I need a break":</strong> looking or turning away, yawning, frowning, arching their
back or fussing.</li>
<li><strong>"I'm hungry":</strong> turning their head with an open mouth, sucking their hands or
getting restless.</li>
<li><strong>"I'm tired":</strong> rubbing their eyes, staring into space, going quiet or getting
grumpy.</li>
</ul>
<p>Babies often show quiet cues before they cry. Spotting them can help you respond before your
baby gets very upset. You will not spot them every time, and that is OK.</p>

<h2>Why babies cry</h2>
<p>Crying is your baby's loudest way of asking for help. Your baby might be:</p>
<ul>
<li>hungry or tired</li>
<li>too hot or too cold</li>
<li>uncomfortable, for example with a dirty nappy or wind</li>
<li>lonely and wanting to be held</li>
<li>overwhelmed, because there is too much going on</li>
</ul>
<p>Sometimes babies cry and there is no clear reason. Some babies cry a lot more than others.
This is not your fault.</p>

<h2>Wonder out loud</h2>
<p>When you are not sure what your baby needs, try wondering out loud. "I wonder if you're
hungry. Shall we try a feed?" Or, "Maybe it's too noisy in here."</p>
<p>Trying things and staying close still helps, even when you guess wrong. Your baby learns that
someone is trying to understand them.</p>

<h2>When the crying feels too much</h2>
<p>Crying can be very hard to listen to, especially when you are tired. If you feel stressed or
angry, it is OK to take a short break:</p>
<ul>
<li>Put your baby down on their back in their cot, or another safe place.</li>
<li>Go to another room for a few minutes and take some slow breaths.</li>
<li>Call a friend, a family member or a helpline.</li>
<li>Go back to your baby when you feel calmer.</li>
</ul>
<p><strong>Never shake your baby.</strong> Shaking can seriously hurt a baby's brain. If you feel
you might lose control, put your baby down safely and step away.</p>

<h2>When to get medical advice</h2>
<p>You know your baby best. If their cry sounds different from usual, or they seem unwell, trust
your feelings. Get advice the same day. Call 111 in England, Wales or Scotland. In Northern
Ireland, call your GP practice.</p>
<p><strong>Call 999 straight away if your baby has trouble breathing, turns blue, is floppy or
will not wake up.</strong></p>
<p>For worries that are not urgent, talk to your health visitor or GP.</p>

<h2>Learn more</h2>
<p>The <a href="https://www.brazelton.co.uk/">Brazelton Centre UK</a> has a short video about
learning what your newborn is telling you.</p>
""",
        "stages": ["newborn", "3-6-months", "6-12-months"],
        "topics": ["crying-and-soothing", "feelings-and-behaviour", "bonding-and-connection"],
        "resources": [
            "emergency",
            "nhs-111",
            "nhs-111-wales",
            "nhs-24",
            "gp-out-of-hours-northern-ireland",
            "health-visitor",
        ],
        "sources": [BRAZELTON, UNICEF_HAPPY_BABY, NHS_WEBSITE],
        "related": [
            "repair-after-hard-moments",
            "how-relationships-build-your-babys-brain",
            "when-and-where-to-get-help",
        ],
    },
    {
        "slug": "repair-after-hard-moments",
        "title": "You don't need to be perfect: repair after hard moments",
        "summary": (
            "Every parent has hard moments. What helps your baby most is coming back afterwards "
            "to comfort them and reconnect."
        ),
        "in_brief": "\n".join(
            [
                "No parent gets it right all the time. Your baby does not need you to be perfect.",
                "Repair means coming back after a hard moment to comfort and reconnect.",
                "Repair helps your baby learn that upsets pass and that love stays.",
                "Be kind to yourself too. Calmer adults help babies calm down.",
                "If hard moments happen a lot, or you feel you might lose control, ask for "
                "support.",
            ]
        ),
        "body": """
<h2>Hard moments happen to everyone</h2>
<p>Every parent has moments they wish had gone differently. You might snap when you are tired.
You might miss what your baby needs. You might need a few minutes alone before you can come
back.</p>
<p>This is part of being human. It does not make you a bad parent. Your baby does not need you to
be perfect.</p>

<h2>What repair means</h2>
<p>Repair means coming back after a hard moment. You comfort your baby, reconnect and show them
that things are OK again.</p>
<p>Psychologists who work with babies say this is how babies learn resilience. Resilience means
being able to cope with upsets and bounce back. Babies do not learn it from parents who never get
things wrong. They learn it when someone comes back and puts things right.</p>

<h2>How repair helps your baby</h2>
<p>Each time you come back and comfort your baby, they learn that:</p>
<ul>
<li>upset feelings do not last for ever</li>
<li>the people who love them come back</li>
<li>it is safe to have big feelings</li>
</ul>
<p>Over time, this helps your baby cope with the bumps of everyday life.</p>

<h2>Ways to repair</h2>
<ul>
<li><strong>Come close.</strong> Pick your baby up, or get down to their level.</li>
<li><strong>Soften your voice.</strong> A calm, gentle voice tells your baby the storm has
passed.</li>
<li><strong>Use touch.</strong> A cuddle, a stroke of the back or holding a hand can help.</li>
<li><strong>Say what happened.</strong> "That was a loud voice. I'm sorry. I'm here now." Even
young babies pick up your tone.</li>
<li><strong>Give it time.</strong> Your baby may need a while to settle. Stay with them.</li>
</ul>

<h2>Repair with older babies and toddlers</h2>
<p>As your child grows, repair can include more words. You can name their feelings and yours.
"You were sad when I said no. I was feeling cross. We're OK now." This helps toddlers understand
feelings. It also shows them how to say sorry.</p>

<h2>Be kind to yourself too</h2>
<p>Repair is not only for your baby. After a hard moment, try to be kind to yourself. Take a
breath. Remind yourself that you are learning too. Calmer adults help babies calm down, so
looking after yourself is part of looking after your baby.</p>

<h2>When to ask for help</h2>
<p>If hard moments happen a lot, or you often feel angry, low or overwhelmed, you deserve
support. Talk to your health visitor or GP. Home-Start may be able to send a volunteer to support
you at home. The NSPCC helpline can talk through worries about a child.</p>
<p>If you ever feel you might hurt your baby, put them down safely on their back and step away.
Then call someone straight away. You can call Samaritans or text Shout at any time. If anyone is
in danger, call 999.</p>
""",
        "stages": ["newborn", "3-6-months", "6-12-months", "1-2-years"],
        "topics": ["feelings-and-behaviour", "bonding-and-connection", "looking-after-yourself"],
        "resources": [
            "emergency",
            "samaritans",
            "shout",
            "health-visitor",
            "nspcc-helpline",
            "home-start",
        ],
        "sources": [BRIGHTPIP, HOME_START, HARVARD_CENTER],
        "related": [
            "understanding-your-babys-cues-and-cries",
            "looking-after-your-mental-health",
            "what-is-infant-mental-health",
        ],
    },
    {
        "slug": "looking-after-your-mental-health",
        "title": "Looking after your own mental health as a new parent",
        "summary": (
            "Having a baby changes everything, including how you feel. Looking after yourself is "
            "good for you and good for your baby."
        ),
        "in_brief": "\n".join(
            [
                "Many new parents feel tired, worried or low. You are not alone.",
                "If low feelings last more than two weeks, talk to your GP, health visitor or "
                "midwife.",
                "Any parent can struggle, including dads and partners.",
                "Small things help: rest when you can, eat, get outside and talk to someone.",
                "Asking for help is a strength, not a failure.",
            ]
        ),
        "body": """
<h2>It's OK to find it hard</h2>
<p>Having a baby is a huge change. You may feel joy, love and pride. You may also feel tired,
worried, lonely or low. Many parents feel all of these, sometimes on the same day.</p>
<p>Finding it hard does not mean you are doing it wrong. It means you have a lot to cope with.</p>

<h2>The baby blues</h2>
<p>In the first week after birth, many people who have given birth feel teary, anxious or low.
This is often called the "baby blues". It is very common. It usually passes within two weeks.</p>

<h2>When it is more than the baby blues</h2>
<p>Sometimes low feelings last longer than two weeks, or start later in the first year. This
could be postnatal depression. It is common, and support and treatment can help you feel better.
Any parent can have it, including dads and partners.</p>
<p>Signs can include:</p>
<ul>
<li>feeling sad or low most of the time</li>
<li>losing interest in things you used to enjoy</li>
<li>feeling very tired, or struggling to sleep even when your baby sleeps</li>
<li>finding it hard to feel close to your baby</li>
<li>feeling worried, panicky or on edge a lot</li>
<li>having upsetting thoughts that will not go away</li>
</ul>
<p>If any of these sound like you, talk to your GP, health visitor or midwife. You do not need to
wait for a check-up. Asking for help is a strength, not a failure.</p>

<h2>Small things that can help</h2>
<ul>
<li><strong>Rest when you can.</strong> Let the chores wait. Sleep or put your feet up when
someone else can watch your baby.</li>
<li><strong>Eat and drink.</strong> Keep simple snacks and water close by, especially during
feeds.</li>
<li><strong>Get outside.</strong> A short walk and some daylight can lift your mood.</li>
<li><strong>Talk to someone.</strong> Tell a partner, friend or family member how you really
feel.</li>
<li><strong>Say yes to help.</strong> If someone offers to cook, clean or hold the baby, let
them.</li>
<li><strong>Meet other parents.</strong> Local groups can help you feel less alone.</li>
</ul>

<h2>Your wellbeing and your baby</h2>
<p>Babies take their cues from the adults around them. When you feel calmer, it is easier for
your baby to calm down too. So looking after yourself is not selfish. It is part of caring for
your baby.</p>
<p>This does not mean you must feel calm all the time. No parent does.</p>

<h2>If you feel you cannot cope</h2>
<p>You are not alone, and you can get help today. In England or Wales, call 111 and choose option
2 for mental health support. In Scotland, call NHS 24 on 111. In Northern Ireland, call Lifeline.
Samaritans and Shout are there day and night.</p>
<p>Some signs need help the same day. Call your GP or 111 straight away if, soon after a birth, you
or someone close to you suddenly:</p>
<ul>
<li>has very strange thoughts</li>
<li>sees or hears things that others cannot</li>
<li>seems very confused</li>
</ul>
<p><strong>Do you feel you might act on thoughts of harming yourself or your baby? Is anyone in
danger? Call 999 or go to A&amp;E now.</strong></p>
""",
        "stages": ["pregnancy", "newborn", "3-6-months", "6-12-months", "1-2-years"],
        "topics": ["looking-after-yourself", "relationships-and-family"],
        "resources": ["emergency", "samaritans", "shout", "gp", "health-visitor", "pandas"],
        "sources": [NHS_PND, PANDAS, SAMARITANS, SHOUT, HOME_START],
        "related": [
            "when-and-where-to-get-help",
            "repair-after-hard-moments",
            "bonding-in-pregnancy",
        ],
    },
    {
        "slug": "choosing-and-settling-into-nursery",
        "title": "Choosing a nursery and helping your baby settle",
        "summary": (
            "Starting nursery or childcare is a big step for you both. Here is how to look for "
            "warm, caring staff and help your baby settle gently."
        ),
        "in_brief": "\n".join(
            [
                "Good childcare looks after your baby's feelings as well as their safety.",
                "Look for a key person who will get to know your baby well.",
                "Settle in slowly if you can, starting with short visits.",
                "Tears at goodbye are normal. A short, warm goodbye helps.",
                "Talk to the staff often, and to your health visitor if you are worried.",
            ]
        ),
        "body": """
<h2>A big step for you both</h2>
<p>Starting at a nursery, with a childminder or in other childcare is a big change. Most babies
and toddlers in the UK spend some time in childcare. It is normal to feel a mix of things, like
relief, worry, guilt or sadness. All of these feelings are OK.</p>
<p>Good childcare cares about your baby's feelings, not just their safety and learning. The
people who look after your baby become part of their world.</p>

<h2>What to look for</h2>
<ul>
<li><strong>A key person.</strong> This is one member of staff who gets to know your baby really
well. Ask who it will be, and how they will get to know your baby.</li>
<li><strong>Warm, caring staff.</strong> Notice if staff get down to the children's level, smile,
chat and go quickly to a crying baby.</li>
<li><strong>A settled feel.</strong> Busy is fine. Look for a place where children seem happy and
safe.</li>
<li><strong>Comfort when upset.</strong> Ask how they soothe babies who are crying or missing
home.</li>
<li><strong>Good sharing with you.</strong> Ask how they will tell you about your baby's day, and
how you can tell them about home.</li>
</ul>

<h2>"Professional love"</h2>
<p>The early years researcher Jools Page uses the words "professional love". She means the warm,
caring bonds that nursery staff build with the children they look after. This is a good thing.
Your baby can love their key person and still love you just as much.</p>
<p>Some nurseries now have a written plan for babies' mental health. One of the first in the UK
was written from the baby's point of view. You could ask how a setting thinks about babies'
feelings.</p>

<h2>Questions you could ask</h2>
<ul>
<li>How will you help my baby settle in?</li>
<li>Who will be my baby's key person? Who looks after them when that person is away?</li>
<li>How do you comfort a baby who is upset?</li>
<li>Can you follow my baby's own routine for sleep and feeds?</li>
<li>How will you let me know how my baby's day went?</li>
</ul>

<h2>Settling in gently</h2>
<ul>
<li>If you can, start with short visits together. Then try short times apart.</li>
<li>Tell the staff what soothes your baby, like a song, some words or a favourite toy.</li>
<li>Bring something that smells of home, such as a muslin or soft toy.</li>
<li>Keep goodbyes short, warm and the same each time.</li>
<li>Always say goodbye. Slipping away can make your baby more worried next time.</li>
</ul>

<h2>Tears at goodbye</h2>
<p>Many babies cry when their parent leaves. This is normal. It shows that they have a strong
bond with you. Many babies settle soon after their parent has gone, especially once they know
their key person. Ask the staff to tell you how your baby was after you left.</p>

<h2>After childcare</h2>
<p>Your baby may be tired, clingy or grumpy after a day away. This is normal too. They have been
working hard. Plan some calm time together, like a cuddle, a feed or quiet play. This helps you
both reconnect.</p>

<h2>If your baby is not settling</h2>
<p>If your baby still seems very unhappy after a few weeks, talk to their key person first. Make
a plan together. You can also talk to your health visitor about any worries.</p>
""",
        "stages": ["6-12-months", "1-2-years"],
        "topics": ["nursery-and-childcare", "feelings-and-behaviour", "relationships-and-family"],
        "resources": ["health-visitor", "gp", "home-start", "look-say-sing-play"],
        "sources": [PROFESSIONAL_LOVE, HOPSCOTCH, HOME_START],
        "related": [
            "what-is-infant-mental-health",
            "repair-after-hard-moments",
            "how-relationships-build-your-babys-brain",
        ],
    },
    {
        "slug": "when-and-where-to-get-help",
        "title": "When and where to get help",
        "summary": (
            "Knowing who to contact makes worries easier to handle. This guide explains who can "
            "help you and your baby, and how quickly."
        ),
        "in_brief": "\n".join(
            [
                "In an emergency, call 999 or go to A&E.",
                "For urgent advice, call 111 in England, Wales or Scotland. In Northern Ireland, "
                "call your GP practice.",
                "For worries that are not urgent, talk to your health visitor, midwife or GP.",
                "Helplines can listen when you are struggling, some of them day and night.",
                "You do not need to be sure something is wrong before you ask for help.",
            ]
        ),
        "body": """
<h2>Asking for help is a strength</h2>
<p>Every parent needs help sometimes. You do not need to be sure something is wrong before you
ask. Health workers would rather hear from you early. No worry is too small.</p>
<p>This page explains who to contact and how quickly. For phone numbers and opening times where
you live, see the <a href="/help/">get help page</a>.</p>

<h2>Emergency: call 999 now</h2>
<p>Call 999 or go to A&amp;E if:</p>
<ul>
<li>your baby has trouble breathing, turns blue, is floppy or will not wake up</li>
<li>your baby, you or anyone else is seriously ill or hurt</li>
<li>you feel you might act on thoughts of harming yourself or someone else</li>
</ul>
<p>If you think it is an emergency, call 999. You will not be wasting anyone's time.</p>

<h2>Urgent: get advice today</h2>
<p>If you need help quickly but it is not an emergency, get advice the same day.</p>
<ul>
<li><strong>England:</strong> call 111 or use NHS 111 online. For mental health support, call 111
and choose option 2.</li>
<li><strong>Wales:</strong> call NHS 111 Wales on 111. Press 2 for mental health support.</li>
<li><strong>Scotland:</strong> call NHS 24 on 111. They can also help if you are in mental
distress.</li>
<li><strong>Northern Ireland:</strong> call your GP practice. When it is closed, its phone message
should tell you how to reach the out-of-hours service. Lifeline is there day and night if you
are in distress.</li>
</ul>

<h2>Soon: talk to a health professional</h2>
<p>For worries that are not urgent, talk to one of these people. You can phone them, or ask at
your next visit.</p>
<ul>
<li><strong>Your midwife</strong> looks after you in pregnancy and the first days after
birth.</li>
<li><strong>Your health visitor</strong> supports you and your baby from the early weeks.</li>
<li><strong>Your GP</strong> can help with your health and your baby's, at any stage.</li>
</ul>
<p>You can talk to them about your baby's feelings, sleep, crying or behaviour. You can also talk
about your own mood, worries or relationships.</p>

<h2>Someone to listen</h2>
<p>Sometimes you need to talk to someone straight away. Samaritans will listen, day or night,
whatever you are going through. If you would rather not talk, you can text Shout.</p>
<p>There are also helplines for parents' mental health, for worries about a child, and for
feeding. Some are for one part of the UK. You will find them all on the
<a href="/help/">get help page</a>.</p>

<h2>Support near you</h2>
<p>In many areas, Home-Start has volunteers who visit families with young children at home. Your
health visitor can also tell you about local groups and services.</p>

<h2>If you are not sure</h2>
<p>If you cannot tell how urgent something is, call 111. In Northern Ireland, call your GP
practice. They will help you decide what to do. Trust yourself: you know your baby best.</p>
""",
        "stages": ["pregnancy", "newborn", "3-6-months", "6-12-months", "1-2-years"],
        "topics": ["looking-after-yourself", "crying-and-soothing", "feelings-and-behaviour"],
        "resources": [
            "emergency",
            "nhs-111",
            "nhs-111-wales",
            "nhs-24",
            "gp-out-of-hours-northern-ireland",
            "samaritans",
        ],
        "sources": [
            NHS_WEBSITE,
            NHS_111_ONLINE,
            NHS_111_WALES,
            NHS_24,
            LIFELINE,
            SAMARITANS,
            SHOUT,
            HOME_START,
        ],
        "related": [
            "looking-after-your-mental-health",
            "understanding-your-babys-cues-and-cries",
            "what-is-infant-mental-health",
        ],
    },
    {
        "slug": "tummy-time-and-play",
        "title": "Tummy time and play in the first months",
        "summary": (
            "Tummy time is awake time your baby spends lying on their front while you watch. "
            "Together with simple play, it helps your baby grow stronger and get to know you."
        ),
        "in_brief": "\n".join(
            [
                "Tummy time means your baby lies on their tummy while they are awake and you "
                "are watching.",
                "You can start from birth with a minute or two, and build up bit by bit.",
                "Lying on your chest counts as tummy time.",
                "Tummy time is for awake time only. Always put your baby on their back to sleep.",
                "You do not need toys. Your face, your voice and songs are the best play ideas.",
            ]
        ),
        "body": """
<h2>What tummy time is</h2>
<p>Tummy time is when your baby lies on their front while they are awake. You stay with them and
watch them the whole time.</p>
<p>Babies spend a lot of time on their backs. Time on their tummy lets them use other muscles.
It helps them get stronger in their neck, shoulders and arms. Over time, this helps them learn to
roll, sit and crawl.</p>

<h2>Start small, from birth</h2>
<p>You can start tummy time in the first days, in short moments. A minute or two is plenty for a
newborn. Try it a few times a day. As your baby grows, you can slowly make the time longer.</p>
<p>Pick a time when your baby is awake and alert. Straight after a feed may not feel good for
them, so try a little later.</p>

<h2>Tummy time on your chest</h2>
<p>Tummy time does not have to be on the floor. Lie back a little on a sofa or bed. Rest your baby
on your chest, tummy down. They can lift their head to look at your face. This counts as tummy
time, and it is a lovely way to be close.</p>
<p>If you start to feel sleepy, put your baby down on their back in their cot.</p>

<h2>Keeping tummy time safe</h2>
<ul>
<li><strong>Stay awake and watch your baby.</strong> Never leave them alone on their tummy, even
for a moment.</li>
<li><strong>Use a safe, flat place.</strong> A clean blanket on the floor works well. Keep away
from edges, pets and small things your baby could grab.</li>
<li><strong>Back to sleep.</strong> Tummy time is only for when your baby is awake. Always put
your baby down to sleep on their back.</li>
<li><strong>Stop when they have had enough.</strong> If your baby gets tired or upset, pick them up
for a cuddle.</li>
</ul>

<h2>If your baby does not like it</h2>
<p>Many babies fuss on their tummy at first. That is normal. It is hard work for them. Try these
ideas:</p>
<ul>
<li>Get down on the floor so your face is close to theirs.</li>
<li>Try shorter times, more often.</li>
<li>Talk, sing or pull funny faces to keep them interested.</li>
<li>Put a toy or a baby-safe mirror where they can see it.</li>
</ul>

<h2>Play ideas for newborns</h2>
<p>Play with a newborn is simple. You are your baby's favourite toy. Newborns see faces best when
you are close, so get near.</p>
<ul>
<li><strong>Talk to your baby.</strong> Tell them what you are doing. "Here comes your vest!"</li>
<li><strong>Sing.</strong> Any song will do. Your baby loves your voice, even if you think you
can't sing.</li>
<li><strong>Make faces.</strong> Smile, open your mouth wide or stick out your tongue. Give your
baby time to watch.</li>
<li><strong>Follow a toy.</strong> Move a bold, bright toy slowly from side to side. Your baby may
follow it with their eyes.</li>
<li><strong>Use gentle touch.</strong> Stroke their hands and feet, or play "This little
piggy".</li>
</ul>

<h2>Play that fits your baby's stage</h2>
<p>Play is most fun when it fits what your baby can do. Watch what your baby enjoys, and follow
their lead.</p>
<ul>
<li>When your baby starts to smile and coo, smile and coo back. Then wait for their turn.</li>
<li>When your baby starts to reach, offer a rattle or soft toy to hold.</li>
<li>Older babies often love peekaboo, songs with actions and toys that squeak or rattle.</li>
</ul>
<p>Babies tell you when they need a break. They may look away, yawn, frown or fuss. Let them rest,
and try again later. You can read more in
<a href="/guidance/understanding-your-babys-cues-and-cries/">understanding your baby's cues and
cries</a>.</p>

<h2>When to get help</h2>
<p>Every baby grows at their own pace. Are you worried about how your baby moves, holds their
head or plays? Talk to your health visitor or GP. They can check your baby and answer your
questions. Talk to them soon if your baby stops doing something they could do before.</p>
<p>If your baby seems unwell, get advice the same day. Call 111 in England, Wales or Scotland. In
Northern Ireland, call your GP practice.</p>
<p><strong>Call 999 straight away if your baby has trouble breathing, is floppy or will not wake
up.</strong></p>
""",
        "stages": ["newborn", "3-6-months"],
        "topics": ["play-and-development", "bonding-and-connection"],
        "resources": [
            "health-visitor",
            "look-say-sing-play",
            "building-a-happy-baby",
            "brazelton-newborn-video",
            "baby-buddy",
        ],
        "sources": [
            NHS_START_FOR_LIFE,
            LULLABY_TRUST,
            NSPCC_LOOK_SAY_SING_PLAY,
            UNICEF_HAPPY_BABY,
            BRAZELTON,
            NHS_WEBSITE,
            NHS_111_ONLINE,
        ],
        "related": [
            "eye-contact-and-back-and-forth-play",
            "how-relationships-build-your-babys-brain",
            "understanding-your-babys-cues-and-cries",
            "colic-and-crying-that-does-not-stop",
        ],
    },
    {
        "slug": "colic-and-crying-that-does-not-stop",
        "title": "Colic and crying that will not stop",
        "summary": (
            "Some healthy babies cry a lot, often in the evening. It is not your fault. Here is "
            "what colic means, how to soothe your baby and how to look after yourself."
        ),
        "in_brief": "\n".join(
            [
                "Colic is when a healthy baby cries a lot, often in the late afternoon or evening.",
                "It often starts in the first weeks and usually gets better by 3 to 4 months.",
                "Crying that won't stop is not your fault.",
                "Feel you can't cope? Put your baby down safely in their cot and step away for a "
                "few minutes.",
                "Never shake a baby. If your baby seems unwell, or their cry sounds different, "
                "get medical advice.",
            ]
        ),
        "body": """
<h2>What colic means</h2>
<p>Colic is the word for when a baby cries a lot but is otherwise healthy. There may be long
spells of crying or screaming. They often happen in the late afternoon or evening. Your baby may
go red in the face, pull up their legs or clench their fists. It can be very hard to soothe
them.</p>
<p>Colic often starts in the first few weeks. It usually gets better by the time your baby is 3
to 4 months old. Nobody knows for sure what causes it.</p>

<h2>It is not your fault</h2>
<p>Colic is common. It happens in all kinds of families. It is not caused by anything you did.
It does not mean you are a bad parent.</p>
<p>A baby who won't stop crying can make you feel helpless, upset or even angry. These feelings
are normal. You are doing your best at a very hard time.</p>

<h2>Ways to soothe your baby</h2>
<p>Nothing works every time. Try one thing at a time, calmly, and give it a few minutes.</p>
<ul>
<li><strong>Check the basics.</strong> Is your baby hungry, tired, too hot or too cold? Do they
need a clean nappy?</li>
<li><strong>Hold your baby close.</strong> Cuddle them against your chest, or use a sling. Sway
or rock gently.</li>
<li><strong>Try steady sounds.</strong> A soft "shhh", humming or quiet music can help.</li>
<li><strong>Keep moving.</strong> Walk with your baby in your arms, or go out with the pram.</li>
<li><strong>Help with wind.</strong> Hold your baby upright after a feed and gently pat their
back.</li>
<li><strong>Try a warm bath.</strong> Some babies calm down in warm water.</li>
<li><strong>Make things calm.</strong> Dim the lights and turn down the noise.</li>
</ul>
<p>Your calm helps your baby to settle. This is called co-regulation. But you will not always be
able to stop the crying. Staying close still tells your baby they are not alone.</p>
<p>Thinking of changing your baby's milk or trying a colic remedy? Talk to your health visitor,
GP or pharmacist first.</p>

<h2>Looking after yourself</h2>
<ul>
<li>Take turns with a partner, friend or family member, if you can.</li>
<li>Rest when someone else can hold the baby.</li>
<li>Eat, drink water and get some fresh air.</li>
<li>Tell someone how you feel. Talking can help.</li>
<li>Remember that this stage will pass.</li>
</ul>

<h2>It is OK to step away</h2>
<p>If the crying gets too much, it is OK to take a short break. Put your baby down on their back
in their cot. Then go to another room for a few minutes. Breathe slowly, have a drink of water or
call someone. Go back to your baby when you feel calmer.</p>
<p>Your baby may keep crying while you are away. That is OK for a few minutes. It is much safer
than holding your baby when you feel you are losing control.</p>

<h2>Never shake a baby</h2>
<p><strong>Never shake your baby, however you feel.</strong> Shaking can cause serious harm to a
baby's brain. If you feel you might lose control, put your baby down safely and step away. Then
call someone straight away.</p>
<p>Make sure everyone who looks after your baby knows this too. If you think your baby has been
shaken, call 999 straight away, even if they seem fine.</p>

<h2>If you feel you can't cope</h2>
<p>You are not alone. Many parents of babies who cry a lot feel this way. Call someone you trust.
You can call Samaritans on 116 123 for free, day or night. If you would rather text, text SHOUT
to 85258. In Northern Ireland, you can also call Lifeline.</p>
<p>Talk to your health visitor too. They can support you and help you make a plan. You can also
read about <a href="/guidance/looking-after-your-mental-health/">looking after your own mental
health</a>.</p>

<h2>When to get help</h2>
<p><strong>Call 999 straight away if your baby:</strong></p>
<ul>
<li>is floppy or will not wake up</li>
<li>has trouble breathing</li>
<li>seems very unwell</li>
</ul>
<p><strong>Call 111 or your GP the same day if:</strong></p>
<ul>
<li>your baby's cry sounds different from usual</li>
<li>your baby has a high temperature</li>
<li>your baby is not feeding</li>
<li>you are worried, or you feel something is wrong</li>
</ul>
<p>In Scotland, call NHS 24 on 111. In Northern Ireland, call your GP practice.</p>
<p>For worries that are not urgent, talk to your health visitor or GP. No worry is too small.</p>
""",
        "stages": ["newborn", "3-6-months"],
        "topics": ["crying-and-soothing", "looking-after-yourself"],
        "resources": [
            "emergency",
            "nhs-111",
            "nhs-111-wales",
            "nhs-24",
            "gp-out-of-hours-northern-ireland",
            "samaritans",
            "shout",
            "lifeline",
            "health-visitor",
        ],
        "sources": [
            NHS_COLIC,
            ICON,
            NHS_WEBSITE,
            NHS_111_ONLINE,
            NHS_24,
            SAMARITANS,
            SHOUT,
            LIFELINE,
        ],
        "related": [
            "understanding-your-babys-cues-and-cries",
            "looking-after-your-mental-health",
            "repair-after-hard-moments",
            "when-and-where-to-get-help",
            "tummy-time-and-play",
            "eye-contact-and-back-and-forth-play",
        ],
    },
    {
        "slug": "eye-contact-and-back-and-forth-play",
        "title": "Eye contact and back-and-forth play",
        "summary": (
            "When your baby looks at you and you look back, you are talking without words. "
            "Simple back-and-forth play, called serve and return, helps to build your baby's "
            "brain."
        ),
        "in_brief": "\n".join(
            [
                'Your baby "serves" with a look, a sound or a movement. You "return" it with a '
                "smile, a word or a touch.",
                "This back-and-forth is called serve and return. It helps to build your baby's "
                "brain.",
                "Copy your baby's sounds and faces, then wait for them to take their turn.",
                "Babies look away when they need a rest. That is fine.",
                "You do not need toys. Talk, sing and play in everyday moments.",
            ]
        ),
        "body": """
<h2>Eye contact: talking without words</h2>
<p>Eye contact means you and your baby look into each other's eyes. It is one of the first ways
you connect. Long before words, a look can say "I see you" and "I'm here".</p>
<p>Your newborn may look at your face for a few moments at a time. As the weeks pass, your baby
may look at you for longer, and start to smile back.</p>

<h2>What "serve and return" means</h2>
<p>Serve and return is a name for back-and-forth play between a baby and a caring adult.</p>
<ul>
<li>Your baby "serves". They look at you, make a sound or reach out.</li>
<li>You "return" it. You look back, smile, talk or touch them gently.</li>
</ul>
<p>Then you wait for your baby's next turn. It is a bit like a game of catch. The ball goes to
and fro between you.</p>

<h2>Why it matters</h2>
<p>In the early years, your baby's brain makes more than a million new connections every second.
Scientists at Harvard University's Center on the Developing Child study this. They say that serve
and return helps to build the brain. Each warm back-and-forth makes these connections stronger.</p>
<p>You do not have to get it right every time. The brain is built over thousands of small
moments.</p>

<h2>Ways to play back and forth</h2>
<ul>
<li><strong>Copy your baby.</strong> When your baby coos or babbles, copy the sound. Then wait to
see if they answer.</li>
<li><strong>Take turns.</strong> Leave a pause after you talk. Babies need time to reply. Count
to five in your head if it helps.</li>
<li><strong>Copy faces too.</strong> If your baby opens their mouth wide or pokes out their
tongue, do it back.</li>
<li><strong>Look where they look.</strong> If your baby looks at the cat, look too and name it.
"That's the cat!"</li>
<li><strong>Talk and sing.</strong> Tell your baby about your day. Sing songs you like. Your
voice matters more than the words.</li>
<li><strong>Use care times.</strong> Feeds, baths and nappy changes are good times to chat.</li>
</ul>

<h2>When your baby looks away</h2>
<p>Sometimes your baby will turn their head or look away. This does not mean they do not like
you. It usually means they need a rest. Play can be a lot for a small baby.</p>
<p>Let them have a quiet moment. Stay close and wait. When they look back, you can carry on.
Noticing that your baby needs a break is a kind of return too. You can read more in
<a href="/guidance/understanding-your-babys-cues-and-cries/">understanding your baby's cues and
cries</a>.</p>

<h2>If eye contact feels hard</h2>
<p>Some parents find eye contact hard, or feel silly talking to a baby. That is common. Start
small, with a smile during a feed. You can also sing while you hold your baby, or play side by
side. Touch, voice and being close all count.</p>
<p>Some days you may feel too low or tired to connect. If this happens often, you need support
too. Read about <a href="/guidance/looking-after-your-mental-health/">looking after your own
mental health</a>.</p>

<h2>When to get help</h2>
<p>Every baby is different. Some babies look at faces more than others. But you know your baby
best.</p>
<p>Are you worried about how your baby looks at you, smiles or responds to sounds? Talk to your
health visitor or GP. For example, talk to them if your baby does not seem to look at faces. Talk
to them too if your baby does not react to loud noises. You do not have to be sure something is
wrong. They would rather hear from you early.</p>
<p>Do you often feel low, or find it hard to feel close to your baby? Talk to your GP or health
visitor too.</p>
""",
        "stages": ["newborn", "3-6-months", "6-12-months"],
        "topics": ["bonding-and-connection", "play-and-development"],
        "resources": [
            "health-visitor",
            "look-say-sing-play",
            "building-a-happy-baby",
            "brazelton-newborn-video",
            "shaping-us-films",
        ],
        "sources": [
            HARVARD_CENTER,
            HARVARD_BRAIN,
            NSPCC_LOOK_SAY_SING_PLAY,
            UNICEF_HAPPY_BABY,
            BRAZELTON,
            NHS_WEBSITE,
            NHS_PND,
        ],
        "related": [
            "how-relationships-build-your-babys-brain",
            "understanding-your-babys-cues-and-cries",
            "tummy-time-and-play",
            "colic-and-crying-that-does-not-stop",
        ],
    },
]


# ---------------------------------------------------------------------------------------------
# "If your baby could speak" tip pages
# ---------------------------------------------------------------------------------------------

TIP_PAGES = [
    {
        "slug": "newborn-days",
        "title": "Newborn days",
        "intro": (
            "In the first weeks, your baby is getting to know you and the world. If your baby "
            "could speak, here is what they might tell you, with small ways to help them feel "
            "safe."
        ),
        "featured": False,
        "tips": [
            {
                "baby_says": "Your face is my favourite thing to look at, especially when you "
                "are close.",
                "try_this": "Hold your baby in your arms and let them look at your face. Smile, "
                "talk softly and give them time to look back.",
                "why_it_helps": "Looking at each other is one of the first ways you and your "
                "baby connect. Your baby is learning about people, starting with you.",
            },
            {
                "baby_says": "Your voice is one of the first things I learn. When you talk to "
                "me, I start to feel at home.",
                "try_this": "Chat to your baby as you go about your day. It does not matter what "
                "you say. Your tone matters more than your words.",
                "why_it_helps": "A familiar, gentle voice helps your baby feel safe. It is also "
                "the start of your baby learning to talk.",
            },
            {
                "baby_says": "When I turn my head away, I'm not pushing you away. I just need a "
                "little rest.",
                "try_this": "Pause and let your baby have a quiet moment. Stay close. When they "
                "look back at you, carry on.",
                "why_it_helps": "New babies can soon feel overwhelmed. A pause lets them settle, "
                "and shows them that you notice what they need.",
            },
            {
                "baby_says": "When you slow down during my nappy change, I feel less rushed and "
                "more safe.",
                "try_this": "Tell your baby what you are doing as you do it. \"Now I'm lifting "
                'your legs. Here comes a clean nappy."',
                "why_it_helps": "Calm, gentle care happens many times a day. All these small "
                "moments add up and help your baby trust you.",
            },
            {
                "baby_says": "Being held against your skin feels warm and safe to me.",
                "try_this": "When you are awake and alert, hold your baby in just a nappy "
                "against your bare chest. Put a blanket over you both.",
                "why_it_helps": "Skin-to-skin contact can help your baby feel calm and help you "
                "both feel close. Any parent or carer can do it.",
            },
            {
                "baby_says": "I can't calm myself down yet. I need you to help me.",
                "try_this": "When your baby is upset, pick them up. Hold them close, rock gently "
                "and speak in a low, slow voice.",
                "why_it_helps": "This is called co-regulation: calming your baby by staying calm "
                "with them. Over time, it helps your baby learn to calm down."
                " You cannot spoil a young baby by comforting them.",
            },
            {
                "baby_says": "When you look after yourself, you have more to give me.",
                "try_this": "Rest when you can. Eat, drink and say yes to offers of help. Tell "
                "someone if you feel low or worried.",
                "why_it_helps": "Your baby takes their cues from you. When you feel calmer, it is "
                "easier for your baby to feel calm too.",
            },
        ],
        "stages": ["newborn"],
        "topics": ["bonding-and-connection", "crying-and-soothing"],
        "resources": [
            "midwife",
            "health-visitor",
            "national-breastfeeding-helpline",
            "baby-buddy",
            "brazelton-newborn-video",
        ],
        "sources": [HOME_START, UNICEF_HAPPY_BABY, BRAZELTON, HARVARD_BRAIN],
    },
    {
        "slug": "settling-and-soothing",
        "title": "Settling and soothing",
        "intro": (
            "All babies cry, and some cry a lot. If your baby could speak, here is what they "
            "might say about feeling calm. Try these simple ways to help them settle."
        ),
        "featured": True,
        "tips": [
            {
                "baby_says": "When you hold me close and take slow breaths, my breathing starts "
                "to slow down with yours.",
                "try_this": "Hold your baby against your chest. Breathe in slowly, and breathe "
                "out even more slowly. Sway gently from side to side.",
                "why_it_helps": "Your calm body helps your baby's body to calm. This is called "
                "co-regulation.",
            },
            {
                "baby_says": "Soft, steady sounds help me feel calm.",
                "try_this": 'Try a gentle "shhh", humming, or a quiet song you can repeat '
                "over and over.",
                "why_it_helps": "Steady, rhythmic sounds can help a baby settle. Your voice is "
                "also a sign that you are close.",
            },
            {
                "baby_says": "Gentle rocking and moving help me feel safe.",
                "try_this": (
                    "Rock your baby in your arms or walk around the room. Or go for a walk with "
                    "the pram or a sling."
                ),
                "why_it_helps": "Slow, steady movement soothes many babies. A change of scene "
                "can help you feel calmer too.",
            },
            {
                "baby_says": "Sometimes I cry and nobody knows why. Staying with me still helps.",
                "try_this": "Check the basics: a feed, a clean nappy, not too hot or cold, "
                "tiredness. Then stay close, even if the crying goes on.",
                "why_it_helps": "You will not always be able to stop the crying. Being with your "
                "baby still tells them that they are not alone.",
            },
            {
                "baby_says": "When the room is calm and dim, it is easier for me to switch off.",
                "try_this": "Before sleep, make things quieter and darker. Do the same few "
                "things in the same order, like a wash, a feed and a song.",
                "why_it_helps": "A calm, familiar routine helps your baby know what comes next. "
                "Knowing what comes next helps them feel safe.",
            },
            {
                "baby_says": "I sleep most safely on my back, in my own clear space.",
                "try_this": (
                    "Put your baby down to sleep on their back, in a cot or Moses basket. Keep it "
                    "clear: no pillows, bumpers or toys."
                ),
                "why_it_helps": "This is the safest way for babies to sleep. Your health "
                "visitor can answer any questions about safe sleep.",
            },
            {
                "baby_says": "When you have had enough, it is OK to put me down safely and take "
                "a breather.",
                "try_this": "Put your baby on their back in their cot. Go to another room for a "
                "few minutes, breathe slowly, or call someone. Go back when you feel calmer. "
                "Never shake a baby, however you feel.",
                "why_it_helps": "Everyone reaches their limit sometimes. A short break helps you "
                "come back calmer, and your calm helps your baby.",
            },
            {
                "baby_says": "As I grow, a song or words I know tell me it is time to rest.",
                "try_this": "Use the same short phrase or song each time you settle your baby, "
                'such as "Sleepy time now. I\'m here."',
                "why_it_helps": "Older babies start to link familiar words with what comes next. "
                "This can help them feel secure as they drift off.",
            },
        ],
        "stages": ["newborn", "3-6-months", "6-12-months"],
        "topics": ["crying-and-soothing", "sleep"],
        "resources": [
            "emergency",
            "nhs-111",
            "nhs-111-wales",
            "nhs-24",
            "gp-out-of-hours-northern-ireland",
            "health-visitor",
        ],
        "sources": [HARVARD_CENTER, UNICEF_HAPPY_BABY, HOME_START, NHS_WEBSITE],
    },
    {
        "slug": "play-and-connection",
        "title": "Play and connection",
        "intro": (
            "Play is how your baby learns and connects with you. You do not need toys or special "
            "skills. If your baby could speak, here is what they might ask you to play."
        ),
        "featured": False,
        "tips": [
            {
                "baby_says": "When I babble and you babble back, I learn that my voice matters.",
                "try_this": "Copy your baby's sounds. Then pause, and wait to see if they answer "
                "you.",
                "why_it_helps": "This back-and-forth is called serve and return. It helps to "
                "build your baby's brain and is the start of conversation.",
            },
            {
                "baby_says": "I love it when you tell me what you are doing.",
                "try_this": "Talk about everyday things as you do them. \"Now we're putting on "
                'your socks. One sock, two socks!"',
                "why_it_helps": "Hearing words in everyday moments helps your baby learn to talk. "
                "It also helps them feel included.",
            },
            {
                "baby_says": "When I look or point at something, I want you to see it too.",
                "try_this": 'Look where your baby is looking, and name what they see. "A bird! '
                'The bird is flying."',
                "why_it_helps": "Sharing attention tells your baby that you are interested in "
                "their world. It also helps them learn words.",
            },
            {
                "baby_says": "Peekaboo is my favourite game. I'm learning that you always come "
                "back.",
                "try_this": "Play peekaboo with your hands or a cloth. Later, hide a toy under a "
                "blanket and let your baby find it.",
                "why_it_helps": "These games help your baby learn that people and things are "
                "still there when they can't see them. This can make goodbyes easier over time.",
            },
            {
                "baby_says": "Songs and rhymes with actions make me giggle.",
                "try_this": "Sing rhymes with clapping, tickling or bouncing. Sing the same "
                "favourites again and again.",
                "why_it_helps": "Repeating songs helps your baby know what comes next. That is "
                "fun, and it builds learning and closeness.",
            },
            {
                "baby_says": "I need to explore, and I need to know you are near.",
                "try_this": "Give your baby a safe space on the floor to move and explore. Stay "
                "close, and welcome them back for a cuddle when they need it.",
                "why_it_helps": "Knowing you are there gives your baby the courage to explore. "
                "Coming back to you helps them refuel.",
            },
            {
                "baby_says": "When I have big feelings, I need you to help me name them.",
                "try_this": "Put your toddler's feelings into words. \"You're cross because the "
                "tower fell down. That's so annoying.\"",
                "why_it_helps": "Naming feelings helps toddlers understand them and feel "
                "understood. Over time, they learn to use the words themselves.",
            },
            {
                "baby_says": "When I have had enough play, I might look away or start to fuss.",
                "try_this": "Slow down and make things quieter. Offer a cuddle or some quiet "
                "time together.",
                "why_it_helps": "Noticing when your baby needs a break shows them you "
                "understand. It helps them feel safe to play again later.",
            },
        ],
        "stages": ["3-6-months", "6-12-months", "1-2-years"],
        "topics": ["play-and-development", "bonding-and-connection", "feelings-and-behaviour"],
        "resources": [
            "health-visitor",
            "look-say-sing-play",
            "building-a-happy-baby",
            "shaping-us-films",
            "home-start",
        ],
        "sources": [HARVARD_BRAIN, HARVARD_CENTER, NSPCC_LOOK_SAY_SING_PLAY, HOME_START],
    },
]


# ---------------------------------------------------------------------------------------------
# Simple pages. They must stay true of this software; edit them if you change how it works.
# ---------------------------------------------------------------------------------------------

PAGES = [
    {
        "slug": "about",
        "title": "About this site",
        "summary": (
            "Guidance for parents and carers on babies' feelings and wellbeing, from pregnancy to "
            "age two. And how to find the right help fast."
        ),
        "body": """
<h2>What this site is for</h2>
<p>This site helps parents and carers support their baby's feelings and wellbeing, from
pregnancy to age two. It also helps you look after your own wellbeing, and find the right help
quickly.</p>
<p>Infant mental health means how safe, calm and loved your baby feels. It also means how they
grow able to play, explore and get along with others. You can read more in
<a href="/guidance/what-is-infant-mental-health/">what is infant mental health?</a></p>

<h2>Who runs it</h2>
<p>The charity that runs this site writes the guidance and keeps it up to date. Do you have a
question, or think something here is wrong? Please contact the charity that runs this site.</p>

<h2>How the guidance is written</h2>
<ul>
<li>It is written in plain English, with the key points first.</li>
<li>It is based on trusted sources. Each page lists the sources it uses.</li>
<li>It is checked by a clinical reviewer, such as a psychologist or health visitor. Each page
shows who reviewed it and when.</li>
<li>It is reviewed regularly, and updated when advice changes.</li>
</ul>
<p>Some guidance came with the software as a starting point. Until the charity's own reviewer has
checked it, the page says that it has not yet been clinically reviewed.</p>

<h2>This site does not replace medical advice</h2>
<p>This site cannot give advice about you or your baby in particular. If you are worried, talk to
your health visitor, midwife or GP. For urgent advice, call 111. In Northern Ireland, call your
GP practice. In an emergency, call 999. The <a href="/help/">get help page</a> lists services
for each part of the UK.</p>

<h2>Open source</h2>
<p>This site runs on free, open source software. Any charity can use it to run a site like this
one. It is built to load quickly on any phone and to work without tracking you. It is also built to
be easy for everyone to use.</p>
""",
    },
    {
        "slug": "accessibility",
        "title": "Accessibility statement",
        "summary": "How this site works for everyone, and how to tell us about a problem.",
        "body": """
<h2>Our aim</h2>
<p>In this statement, "we" means the charity that runs this site. We want everyone to be able to
use this site. That includes people who use a screen reader, a keyboard or large text.</p>
<p>We aim to meet the Web Content Accessibility Guidelines (WCAG) version 2.2 at level AA.</p>

<h2>What you should be able to do</h2>
<ul>
<li>zoom in up to 200% without text being cut off or needing to scroll sideways</li>
<li>use the site with a screen reader</li>
<li>move around the whole site using only a keyboard</li>
<li>use the site with JavaScript turned off</li>
<li>see the site in dark colours when your phone or computer is set to dark mode</li>
<li>change colours, text size and fonts using your browser or device settings</li>
<li>read guidance in plain English, with short sections and the key points first</li>
</ul>

<h2>How accessible this site is</h2>
<p>The software behind this site is designed to meet these guidelines. Pages work on small
screens, and every page has a link to urgent help at the top.</p>
<p>We know we may not always get it right. Some things that staff add, such as images, may not
always meet the standard. Other websites that we link to are not under our control.</p>

<h2>Tell us about a problem</h2>
<p>Is something on this site hard to use? Do you need information in a different format? Please
contact the charity that runs this site. Tell us the page address and what went wrong. We
will use what you tell us to make the site better.</p>

<h2>About this statement</h2>
<p>We review this statement when the site changes.</p>
""",
    },
    {
        "slug": "privacy",
        "title": "Privacy",
        "summary": (
            "This site does not track you, does not use analytics cookies and does not ask for "
            "your personal details."
        ),
        "body": """
<h2>In short</h2>
<ul>
<li>We do not track you. There are no advertising or analytics cookies, and no tracking scripts
from other companies.</li>
<li>You do not need an account. We do not ask for your name, email address or any other personal
details.</li>
<li>That is why there is no cookie banner on this site.</li>
</ul>
<p>In this statement, "we" means the charity that runs this site. The charity is responsible for
how this site handles information.</p>

<h2>Cookies</h2>
<p>A cookie is a small file that a website saves on your device. This site only uses two, and
only in these cases:</p>
<ul>
<li><strong>A security cookie</strong> when you use a form that sends information to the site.
It stops other websites from sending forms pretending to be you. It does not track you.</li>
<li><strong>A login cookie</strong> for charity staff who log in to edit the site. It keeps them
logged in. Parents and carers do not need it.</li>
</ul>

<h2>Searching</h2>
<p>When you search, your words are used to find matching pages. The site does not save your
search words with anything that identifies you.</p>

<h2>Searches that find little or nothing</h2>
<p>Sometimes a search finds nothing, or very little. When that happens, the site keeps the words
you searched for. This shows us what parents look for but cannot find.</p>
<p>The words are tidied up before they are kept. Capital letters are made small. Anything that
looks like a phone number, email address or postcode is taken out.</p>
<p>With the words, the site keeps only a count of how many times they were searched that day. It
does not keep your IP address, a cookie, details of your browser or device, or the time of day. So
it cannot tell who searched.</p>
<p>The charity's staff use these searches to make the site better. For example, they may add a
page, or add the words parents use. Each day's counts are deleted after 90 days. If your search
found plenty, nothing about it is kept.</p>

<h2>Server records</h2>
<p>Like most websites, this site's computers may keep a short record of the pages they are asked
for. This helps to keep the site safe and working. The record can include the page address, with
any search words, and the time. It can also include technical details, such as your device's
internet address (IP address).</p>
<p>We do not use these records to find out who you are. The charity that runs this site decides
how long they are kept, and deletes them after that.</p>

<h2>Phone and text links</h2>
<p>When you tap a phone number or text link, your phone opens its own phone or messages app. This
site does not know whether you made the call or sent the text.</p>

<h2>Sharing a phone or tablet</h2>
<p>Your browser may keep a history of the pages you visit. If you share a device, you can keep your
visits private. Use a private or incognito window, or clear your browsing history.</p>

<h2>Links to other websites</h2>
<p>We link to the NHS, helplines and other trusted organisations. When you visit their websites,
their own privacy policies apply.</p>

<h2>Questions and complaints</h2>
<p>If you have a question about privacy, contact the charity that runs this site. Unhappy with how
your information has been handled? You can complain to the Information Commissioner's Office (ICO)
at <a href="https://ico.org.uk/">ico.org.uk</a>.</p>
""",
    },
]
