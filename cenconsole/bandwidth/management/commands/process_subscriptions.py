from datetime import UTC, datetime

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from cenconsole.bandwidth.services import subscriptions_process_all
from cenconsole.core import clock


class Command(BaseCommand):
    help = (
        "Lapses unpaid orders past their deadline; expires, auto-renews and (after the grace period) "
        "releases bandwidth packages whose time has come. "
        "Accounts on a test clock (demo accounts after Advance time) are processed at their own time. "
        "Idempotent and safe to run from cron, even twice at once."
    )

    def add_arguments(self, parser):
        parser.add_argument("--now", help="Process as if it were this ISO time (e.g. 2026-12-31T00:00Z).")

    def handle(self, *args, now=None, **options):
        moment = clock.real_now()
        if now:
            try:
                moment = datetime.fromisoformat(now.replace("Z", "+00:00"))
            except ValueError:
                raise CommandError(f"--now: not an ISO time: {now!r}") from None
            if timezone.is_naive(moment):
                moment = timezone.make_aware(moment, UTC)
        done = subscriptions_process_all(now=moment)
        self.stdout.write(
            f"{moment:%Y-%m-%dT%H:%MZ}: {done['auto_renewed']} auto-renewed, {done['expired']} expired, "
            f"{done['released']} released, {done['lapsed']} unpaid orders lapsed, "
            f"{done['temporary_upgrades_ended']} temporary upgrades ended."
        )
