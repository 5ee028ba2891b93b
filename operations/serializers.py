"""
Django's JSON serialisation, but keeping datetimes to the microsecond, and read row by row.

The stock encoder rounds times to milliseconds (as JavaScript does), so a backup would not
give back exactly what was saved. Registered as the ``exactjson`` format for backups.

The stock decoder reads the whole file and parses it at once, so a restore would hold the file
twice over plus every row in memory. This one reads the list one row at a time.
"""

import datetime
import io
import json
import re

from django.core.serializers.base import DeserializationError
from django.core.serializers.json import DjangoJSONEncoder
from django.core.serializers.json import Serializer as JSONSerializer
from django.core.serializers.python import Deserializer as PythonDeserializer

CHUNK = 1 << 16
WHITE_SPACE = re.compile(r"[ \t\r\n]*")


class ExactJSONEncoder(DjangoJSONEncoder):
    def default(self, o):
        if isinstance(o, datetime.datetime | datetime.time):
            return o.isoformat()
        return super().default(o)


class Serializer(JSONSerializer):
    def _init_options(self):
        super()._init_options()
        self.json_kwargs["cls"] = ExactJSONEncoder


class Deserializer(PythonDeserializer):
    """Rows from a JSON list in a text stream (or a string), parsed one at a time."""

    def __init__(self, stream_or_string, **options):
        if isinstance(stream_or_string, bytes):
            stream_or_string = stream_or_string.decode()
        if isinstance(stream_or_string, str):
            stream_or_string = io.StringIO(stream_or_string)
        super().__init__(rows(stream_or_string), **options)

    def _handle_object(self, obj):
        try:
            yield from super()._handle_object(obj)
        except (GeneratorExit, DeserializationError):
            raise
        except Exception as exc:
            raise DeserializationError(f"Error deserializing object: {exc}") from exc


def rows(stream):
    """Each object of the JSON list in ``stream``; only one row's text is held at a time."""
    decoder = json.JSONDecoder()
    buffer, at, ended = "", 0, False
    state = "start"  # then "first" (a row or "]"), "row", "after" ("," or "]"), "end"

    def read(size=CHUNK):
        nonlocal buffer, at, ended
        chunk = stream.read(size)
        ended = not chunk
        buffer, at = buffer[at:] + chunk, 0

    while True:
        while True:  # skip white space, reading more as needed
            at = WHITE_SPACE.match(buffer, at).end()
            if at < len(buffer) or ended:
                break
            read()
        if at >= len(buffer):
            if state == "end":
                return
            raise DeserializationError("The data ends before its list does.")
        char = buffer[at]
        if state == "start":
            if char != "[":
                raise DeserializationError("The data is not a JSON list.")
            at, state = at + 1, "first"
        elif state in ("first", "row") and not (state == "first" and char == "]"):
            if char != "{":
                raise DeserializationError("Each row of the data must be a JSON object.")
            try:
                row, end = decoder.raw_decode(buffer, at)
            except RecursionError:
                raise DeserializationError("A row of the data is nested too deeply.") from None
            except json.JSONDecodeError as error:
                if ended:
                    raise DeserializationError(f"The data is not valid JSON: {error}") from None
                # Not all of this row is read yet: read as much again, so a big row is not
                # parsed over and over.
                read(max(CHUNK, len(buffer) - at))
                continue
            at, state = end, "after"
            yield row
        elif state in ("first", "after") and char == "]":
            at, state = at + 1, "end"
        elif state == "after" and char == ",":
            at, state = at + 1, "row"
        else:
            raise DeserializationError(f"Unexpected {char!r} in the data.")
