from django.core.management.base import BaseCommand

from cenconsole.tickets.notifications import notifications_send


class Command(BaseCommand):
    help = (
        "Sends the ticket emails not sent yet: those whose send after the action failed (mail server down) "
        "or never ran. Idempotent and safe from cron; `make run` runs it once a minute."
    )

    def handle(self, *args, **options):
        sent, failed = notifications_send()
        self.stdout.write(f"sent {sent}, failed {failed}")
