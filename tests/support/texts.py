"""Texts of known difficulty, for the reading age."""

PLAIN = "<p>Hold your baby close. Talk to them softly. Smile when they look at you.</p>"
HARD = (
    "<p>Infant mental health encompasses the socioemotional development of children from "
    "conception, characterised by the capacity to experience, regulate and express emotions "
    "within the context of caregiving relationships, which are fundamentally shaped by "
    "environmental and intergenerational determinants.</p>"
)
ONE_LONG_WORD = "<p>" + "ab" * 600 + "</p>"
LONG_LIST_OF_SHORT_ITEMS = "<ul>" + "<li>Warm milk</li>" * 1_300 + "</ul>"
