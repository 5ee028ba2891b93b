"""Uploaded pictures kept in an S3-compatible bucket, linked on the site's own address."""

from django.conf import settings
from django.utils.encoding import filepath_to_uri
from storages.backends.s3 import S3Storage


class ProxiedS3Storage(S3Storage):
    """
    django-storages' S3 storage whose links are ``MEDIA_URL`` + the name, as on disk.

    The proxy in front passes ``/media/images/…`` to the bucket (deploy/nginx/), so pictures
    come from the site's own origin: the Content-Security-Policy allows images from there only,
    and a cached page never holds a signed link that has since expired.
    """

    def url(self, name, parameters=None, expire=None, http_method=None):
        return settings.MEDIA_URL + filepath_to_uri(name).lstrip("/")
