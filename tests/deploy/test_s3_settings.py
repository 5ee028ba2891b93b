"""Uploads in an S3 bucket when DJANGO_S3_BUCKET is set (config/settings.py, config/storage.py).

What the bucket does with them is tested against a real S3-compatible server in
test_multiserver.py; this checks the switch itself, quickly, in ``make test``.
"""

import json
import subprocess
import sys

from tests.support.processes import PROJECT_ROOT, environment

# Run in a fresh interpreter, since settings read the environment only once.
REPORT = """
import json
import django
django.setup()
from django.core.files.storage import default_storage
from django.urls import NoReverseMatch, reverse
url = default_storage.url("images/2026/12/a b.png")
try:
    reverse("media", args=["images/2026/12/a.png"])
    serves_media = True
except NoReverseMatch:
    serves_media = False
print(json.dumps({
    "backend": type(default_storage._wrapped).__name__,
    "url": url,
    "serves_media": serves_media,
    "bucket": getattr(default_storage, "bucket_name", None),
    "endpoint": getattr(default_storage, "endpoint_url", None),
    "overwrites": getattr(default_storage, "file_overwrite", None),
}))
"""


def storage_report(**env):
    done = subprocess.run(
        [sys.executable, "-c", REPORT],
        cwd=PROJECT_ROOT,
        env=environment(
            lambda name: name.startswith("DJANGO_S3_") or name == "DJANGO_SERVE_MEDIA",
            {"DJANGO_SETTINGS_MODULE": "config.settings", **env},
        ),
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def test_without_a_bucket_uploads_stay_on_disk_and_the_app_serves_them():
    assert storage_report() == {
        "backend": "FileSystemStorage",
        "url": "/media/images/2026/12/a%20b.png",
        "serves_media": True,
        "bucket": None,
        "endpoint": None,
        "overwrites": None,
    }


def test_with_a_bucket_uploads_go_to_it_and_keep_their_links_on_the_site():
    report = storage_report(
        DJANGO_S3_BUCKET="littlevoices-media",
        DJANGO_S3_ENDPOINT_URL="http://127.0.0.1:9",
        DJANGO_SERVE_MEDIA="1",
    )
    assert report == {
        "backend": "ProxiedS3Storage",
        # The same link as on disk: the proxy passes it to the bucket (deploy/nginx/).
        "url": "/media/images/2026/12/a%20b.png",
        # The app could only look on its own disk, where no upload is.
        "serves_media": False,
        "bucket": "littlevoices-media",
        "endpoint": "http://127.0.0.1:9",
        "overwrites": False,
    }
