"""Public addresses for sharing: share cards, QR codes, leaflets and share packs."""

from . import card_urls, leaflet_urls, pack_urls

app_name = "sharing"

urlpatterns = [*card_urls.urlpatterns, *leaflet_urls.urlpatterns, *pack_urls.urlpatterns]
