"""
Every phone and text number is checked once: one that parses is saved in its usual UK layout
(with any "option 2" moved to the note); one that does not is kept as it was and marked, so it
gets no call button and is listed on the editorial dashboard for a person to fix.
"""

from django.db import migrations

from core import phones


def normalise_numbers(apps, schema_editor):
    Resource = apps.get_model("guidance", "Resource")
    for resource in Resource.objects.exclude(phone="", text_number=""):
        phone, note, phone_ok = phones.normalise(resource.phone)
        text_number, _note, text_ok = phones.normalise(resource.text_number, for_text=True)
        resource.phone, resource.text_number = phone, text_number
        resource.phone_note = resource.phone_note or note
        resource.numbers_need_fixing = not (phone_ok and text_ok)
        resource.save(update_fields=["phone", "phone_note", "text_number", "numbers_need_fixing"])


class Migration(migrations.Migration):
    dependencies = [("guidance", "0010_resource_phone_note_redirect_site_path")]

    # Going back leaves the tidied numbers as they are: they are still the same numbers.
    operations = [migrations.RunPython(normalise_numbers, migrations.RunPython.noop)]
