"""Signals defined at the bottom layer, so that any app can send or receive them."""

from django.dispatch import Signal

# Sent by ``load_starter_content`` inside its transaction, so every app can load its own starter
# content by the same rules. Arguments: ``dry_run``, ``stdout``, ``verbosity``; each receiver
# returns ``(created, skipped)``.
starter_content_loading = Signal()
