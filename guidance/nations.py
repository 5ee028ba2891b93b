"""The urgent lines for each UK nation, as the home page and the help page group them.

Which urgent number to ring depends on where a parent lives (111 in England, Wales and Scotland,
though a different service in each; no 111 in Northern Ireland), so these lines are always
shown nation by nation, never one nation's as if it were everyone's. Every visitor gets the same
page; a small script (static/js/nation.js) puts a parent's chosen nation first.
"""

from dataclasses import dataclass

from .models import Nation, ResourceKind, Urgency

# Emergency and urgent-advice services only: helplines and text lines have their own places
# (the help page, the search crisis panel), and the urgent box must stay short on a phone.
URGENT_KINDS = {ResourceKind.EMERGENCY, ResourceKind.URGENT}


@dataclass(frozen=True)
class NationLines:
    nation: Nation
    resources: list


@dataclass(frozen=True)
class UrgentLines:
    """Lines that serve every nation (999) once, then each nation's own, in ``Nation`` order."""

    everywhere: list
    nations: list

    def __bool__(self):
        return bool(self.everywhere) or any(group.resources for group in self.nations)


def urgent_lines(resources):
    """``resources`` (published, in tier order) sorted into an ``UrgentLines``.

    Takes resources already read so that the help page can reuse the list it shows anyway.
    """
    urgent = [
        resource
        for resource in resources
        if resource.urgency <= Urgency.TODAY and resource.kind in URGENT_KINDS
    ]
    everywhere = [resource for resource in urgent if len(resource.nations) == len(Nation)]
    own = [resource for resource in urgent if resource not in everywhere]
    groups = [
        NationLines(nation, [resource for resource in own if nation in resource.nations])
        for nation in Nation
    ]
    return UrgentLines(everywhere, groups)
