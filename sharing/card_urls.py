"""Addresses of this part of sharing (filled in by its module)."""

urlpatterns = []
