#!/usr/bin/env python
"""Django's command-line utility for administrative tasks."""

import os
import secrets
import sys

# Commands that only read the code, never sign or check anything: they run without a secret
# key (the settings refuse to start without one otherwise), with a throwaway key of their own.
KEYLESS_COMMANDS = {"makemigrations", "showmigrations", "sqlmigrate", "help", "version"}


def main():
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    command = sys.argv[1] if len(sys.argv) > 1 else "help"
    if command in KEYLESS_COMMANDS and not os.environ.get("DJANGO_SECRET_KEY"):
        os.environ["DJANGO_SECRET_KEY"] = secrets.token_urlsafe(50)
    from django.core.management import execute_from_command_line

    execute_from_command_line(sys.argv)


if __name__ == "__main__":
    main()
