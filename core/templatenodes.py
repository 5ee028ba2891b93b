"""A base for template tags that hold other nodes (``{% fragment %}``, ``{% capture %}``)."""

from django import template


class HoldingNode(template.Node):
    """Knows once and for all which of its inner nodes are of a type.

    Django looks for a parent template's blocks on every render of a page that extends it,
    walking every node of base.html (about 15 µs a page). What a tag holds never changes once
    the template is parsed, so a tag built on this answers from what it found the first time
    (a fresh list each time, as Django's own is)."""

    def get_nodes_by_type(self, nodetype):
        found = self.__dict__.setdefault("_nodes_by_type", {})
        if (nodes := found.get(nodetype)) is None:
            nodes = found[nodetype] = super().get_nodes_by_type(nodetype)
        return list(nodes)
