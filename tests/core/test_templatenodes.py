"""Tags that hold other nodes (core/templatenodes.py): they tell Django which of their inner
nodes are blocks as Django's own walk would, from what they found the first time."""

from django.template import engines
from django.template.base import NodeList
from django.template.loader_tags import BlockNode

from core.templatenodes import HoldingNode
from core.templatetags.fragments import FragmentNode
from sharing.templatetags.sharing_tags import CaptureNode

SOURCE = (
    "{% load fragments sharing_tags %}"
    "{% capture as page_title %}{% block title %}Title{% endblock %}{% endcapture %}"
    "{% fragment 'part' %}{% block inner %}{% if x %}{% block deep %}{% endblock %}"
    "{% endif %}{% endblock %}{% endfragment %}"
)


def holding_nodes():
    template = engines["django"].from_string(SOURCE).template
    return [node for node in template.nodelist if isinstance(node, HoldingNode)]


def test_both_tags_are_holding_nodes():
    assert {type(node) for node in holding_nodes()} == {CaptureNode, FragmentNode}


def test_the_blocks_found_are_django_s_and_each_answer_is_a_list_of_its_own():
    for node in holding_nodes():
        expected = NodeList.get_nodes_by_type(node.nodelist, BlockNode)

        first = node.get_nodes_by_type(BlockNode)
        first.clear()
        again = node.get_nodes_by_type(BlockNode)

        assert again == expected and again
    names = [block.name for node in holding_nodes() for block in node.get_nodes_by_type(BlockNode)]
    assert names == ["title", "inner", "deep"]
