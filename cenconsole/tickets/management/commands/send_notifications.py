from django.core.management.base import BaseCommand

from cenconsole.tickets.notifications import notifications_send


class Command(BaseCommand):
    help = (
        "The ticket emails' worker: sends every email in the outbox not sent yet (requests only write the "
        "outbox), and retries those that failed. Returns within --seconds (NOTIFICATION_SEND_SECONDS) "
        "whatever the mail server does; what it did not reach waits for the next run. Idempotent and safe "
        "from cron; `make run` runs it on its own loop."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--seconds",
            type=float,
            default=None,
            help="Overall deadline in seconds (default: the NOTIFICATION_SEND_SECONDS setting).",
        )

    def handle(self, *args, seconds=None, **options):
        sent, failed = notifications_send(seconds=seconds)
        self.stdout.write(f"sent {sent}, failed {failed}")
