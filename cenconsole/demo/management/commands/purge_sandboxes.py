from django.core.management.base import BaseCommand

from cenconsole.demo.services import sandboxes_purge


class Command(BaseCommand):
    help = (
        "Removes sandbox accounts (Try the console) whose time is up, with everything they own, leaving one "
        "audit record per sandbox. Touches sandbox accounts only. Idempotent; `make run` runs it once a minute."
    )

    def handle(self, *args, **options):
        purged = sandboxes_purge()
        self.stdout.write(f"{len(purged)} expired sandboxes removed.")
