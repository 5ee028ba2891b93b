from django.core.management.base import BaseCommand

from guidance import searchindex


class Command(BaseCommand):
    help = "Write the search document of every article, tip page and resource again."

    def handle(self, *args, **options):
        searchindex.rebuild()
        self.stdout.write(self.style.SUCCESS("Search index rebuilt."))
