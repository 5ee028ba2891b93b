"""
Django's JSON serialisation, but keeping datetimes to the microsecond.

The stock encoder rounds times to milliseconds (as JavaScript does), so a backup would not
give back exactly what was saved. Registered as the ``exactjson`` format for backups.
"""

import datetime

from django.core.serializers import json as django_json
from django.core.serializers.json import DjangoJSONEncoder


class ExactJSONEncoder(DjangoJSONEncoder):
    def default(self, o):
        if isinstance(o, datetime.datetime | datetime.time):
            return o.isoformat()
        return super().default(o)


class Serializer(django_json.Serializer):
    def _init_options(self):
        super()._init_options()
        self.json_kwargs["cls"] = ExactJSONEncoder


Deserializer = django_json.Deserializer
