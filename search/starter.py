"""
The crisis words and synonyms that ship with Little Voices, loaded by ``load_starter_content``
with the rest of the starter content, by the same rules: each is loaded once, and an editor's
change or deletion is never undone.
"""

from django.db import transaction

from guidance.models import StarterItem

from .models import CrisisPhrase, Synonym

# Danger to the parent or the baby, in the words people type. Every form of each word counts
# (suicide, suicidal; hurt, hurting), and "cant"/"can't"/"cannot" are one.
CRISIS_PHRASES = [
    "suicide",
    "kill myself",
    "end my life",
    "take my own life",
    "take my life",
    "end it",
    "end it all",
    "want to die",
    "wanna die",
    "wish i was dead",
    "better off dead",
    "better off without me",
    "dont want to be here",
    "dont want to live",
    "no reason to live",
    "hurt myself",
    "harm myself",
    "self harm",
    "cut myself",
    "overdose",
    "hurt my baby",
    "harm my baby",
    "kill my baby",
    "hurt the baby",
    "harm the baby",
    "shake my baby",
    "shake the baby",
    "shake a baby",
    "shook my baby",
    "shook the baby",
    "shaken baby",
    "cant cope",
    "not coping",
    "cant go on",
    "crisis",
    "emergency",
    "in danger",
    "not safe",
    "not breathing",
    "hearing voices",
    "psychosis",
    # Someone at home hurting, scaring or controlling the parent.
    "domestic abuse",
    "domestic violence",
    "dv",
    "partner hurts me",
    "partner hits me",
    "scared of my partner",
    "afraid of my partner",
    "controlling partner",
    "partner is controlling",
    "abusive partner",
    "abusive relationship",
    "coercive control",
    "dont feel safe",
    "unsafe at home",
]

# (a word parents use, what the site calls it, both ways?)
SYNONYMS = [
    # Crisis words also lead to the pages about a parent's own mental health.
    ("suicidal", "harming yourself, mental health", False),
    ("suicide", "harming yourself, mental health", False),
    ("kill myself", "harming yourself, mental health", False),
    ("hurt myself", "harming yourself, mental health", False),
    ("harm myself", "harming yourself, mental health", False),
    ("self harm", "harming yourself, mental health", False),
    ("cant cope", "struggling to cope, mental health", False),
    # Words for domestic abuse lead to the page about it and its helplines.
    ("DV", "domestic violence, domestic abuse", False),
    ("domestic violence", "domestic abuse", False),
    ("abusive relationship", "domestic abuse", False),
    ("abusive partner", "domestic abuse", False),
    ("coercive control", "domestic abuse", False),
    ("controlling partner", "domestic abuse", False),
    ("partner hurts me", "domestic abuse", False),
    ("partner hits me", "domestic abuse", False),
    ("scared of my partner", "domestic abuse", False),
    ("PND", "postnatal depression, perinatal depression", False),
    ("PNA", "postnatal anxiety, anxiety", False),
    ("postpartum", "postnatal", False),
    ("post natal", "postnatal", False),
    ("perinatal", "postnatal, pregnancy", False),
    ("baby blues", "low mood, postnatal depression", False),
    ("depressed", "depression, low mood", False),
    ("sad", "low mood, feeling low", False),
    ("poorly", "unwell, ill", False),
    ("sick", "unwell, ill", False),
    ("mum", "parent", False),
    ("mummy", "mum, parent", False),
    ("mom", "mum, parent", False),
    ("dad", "parent", False),
    ("daddy", "dad, parent", False),
    ("carer", "parent", False),
    ("daycare", "nursery, childcare", False),
    ("day care", "nursery, childcare", False),
    ("childminder", "nursery, childcare", False),
    ("creche", "nursery", False),
    ("preschool", "nursery", False),
    ("knackered", "tired, exhausted", False),
    ("exhausted", "tired", False),
    ("shattered", "tired, exhausted", False),
    ("colic", "crying", False),
    ("colicky", "colic, crying", False),
    ("screaming", "crying", False),
    ("wailing", "crying", False),
    ("whinging", "crying", False),
    ("grizzly", "crying, unsettled", False),
    ("anxiety", "anxious", True),
    ("worried", "anxious, worry", False),
    ("panic", "anxious, anxiety", False),
    ("tantrum", "big feelings", False),
    ("meltdown", "big feelings", False),
    ("HV", "health visitor", False),
    ("doctor", "GP", False),
    ("family doctor", "GP", False),
    ("A&E", "emergency", False),
    ("ambulance", "emergency, 999", False),
    ("cuddle", "hold, comfort", False),
    ("attachment", "bonding, relationship", False),
    ("soothe", "settle, calm", False),
    ("nap", "sleep", False),
    ("telly", "screen, TV", False),
    ("breastfeeding", "feeding, breastfeeding", False),
    ("bottle", "feeding", False),
    ("pregnant", "pregnancy", False),
    ("expecting", "pregnancy", False),
    ("bump", "pregnancy", False),
    ("lonely", "alone, isolated", False),
    ("overwhelmed", "cope, coping", False),
    ("stressed", "stress, cope", False),
    ("angry", "anger, cross", False),
    ("midwives", "midwife", False),
    ("behavior", "behaviour", False),
    ("diaper", "nappy", False),
    ("nappies", "nappy", False),
    ("pediatrician", "GP, doctor", False),
    ("games", "play", False),
    ("singing", "sing, song", False),
    ("nursery rhymes", "songs, singing", False),
]


def load(dry_run=False, stdout=None, verbosity=1):
    """Create the starter crisis words and synonyms never loaded before: ``(created, skipped)``."""
    loaded = set(StarterItem.objects.values_list("key", flat=True))
    created = skipped = 0
    items = [
        ("crisis", phrase, CrisisPhrase, {"phrase": phrase}, {}) for phrase in CRISIS_PHRASES
    ] + [
        ("synonym", term, Synonym, {"term": term}, {"also_means": means, "both_ways": both})
        for term, means, both in SYNONYMS
    ]
    with transaction.atomic():
        for kind, name, model, lookup, fields in items:
            key = f"{kind}:{name.casefold()}"
            if key in loaded:
                skipped += 1
                continue
            exists = model.objects.filter(**{f"{field}__iexact": v for field, v in lookup.items()})
            if not exists.exists():
                created += 1
                if dry_run:
                    if stdout and verbosity >= 1:
                        stdout.write(f"Would create {key}")
                    continue
                model.objects.create(**lookup, **fields, is_starter=True)
                if stdout and verbosity >= 1:
                    stdout.write(f"Created {key}")
            else:
                skipped += 1
            if not dry_run:
                StarterItem.objects.create(key=key)
    return created, skipped
