"""``{% feedback_form item nation %}``: the "Was this page helpful?" buttons for a page (or the
help page). It reads nothing from the database, and its HTML is the same for every visitor."""

from crispy_forms.utils import render_crispy_form
from django import template

from ..forms import AnswerForm
from ..pages import key_for

register = template.Library()


@register.simple_tag
def feedback_form(item=None, nation=None):
    form = AnswerForm(initial={"page": key_for(item or None, nation or None)})
    return render_crispy_form(form)
