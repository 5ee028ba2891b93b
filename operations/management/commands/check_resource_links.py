"""The old name of ``check_links``, kept so that existing cron jobs carry on working."""

from .check_links import Command as CheckLinks


class Command(CheckLinks):
    help = (
        "Now checks every outbound link, not only resources' web addresses: the same as "
        "check_links, which is the name to use. " + CheckLinks.help
    )
