"""The reference setup for several app servers (docs/scaling.md); not part of the app."""
