"""
Redirects whose new address is not a path on this site ("//host", "javascript:", a backslash or
a control character) are deleted: they could send parents off the site, and the admin no longer
accepts them. Their old addresses answer "page not found" instead.
"""

from django.core.exceptions import ValidationError
from django.db import migrations

from core.validators import validate_site_path


def is_site_path(value):
    try:
        validate_site_path(value)
    except ValidationError:
        return False
    return True


def delete_off_site_redirects(apps, schema_editor):
    Redirect = apps.get_model("guidance", "Redirect")
    bad = [
        pk
        for pk, new_path in Redirect.objects.values_list("pk", "new_path")
        if not is_site_path(new_path)
    ]
    Redirect.objects.filter(pk__in=bad).delete()


class Migration(migrations.Migration):
    dependencies = [("guidance", "0011_resource_numbers_normalised")]

    # A deleted redirect cannot be brought back, and must not be.
    operations = [migrations.RunPython(delete_off_site_redirects, migrations.RunPython.noop)]
