"""Helpers for the starter content tests."""

from io import StringIO

from django.apps import apps
from django.core.management import call_command

ALL_MODELS = [
    *apps.get_app_config("guidance").get_models(include_auto_created=True),
    *apps.get_app_config("tips").get_models(include_auto_created=True),
]


def load(*args):
    """Run ``load_starter_content`` with ``args``; return what it printed."""
    out = StringIO()
    call_command("load_starter_content", *args, stdout=out)
    return out.getvalue()


def counts():
    """Rows in every table of our apps, many-to-many link tables included."""
    return {model._meta.label: model.objects.count() for model in ALL_MODELS}
