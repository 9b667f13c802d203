from django.core.management.base import BaseCommand, CommandError

from cenconsole.core import demo


class Command(BaseCommand):
    help = (
        "Ensures the local demo accounts (admin/admin, demo/demo with a sample CEN instance). "
        "With --user: ensures that account with at least --instances CEN instances. Idempotent."
    )

    def add_arguments(self, parser):
        parser.add_argument("--user", help="Account to ensure instead of the demo accounts.")
        parser.add_argument("--password", help="Password to set for --user.")
        parser.add_argument("--instances", type=int, default=0, help="Ensure at least this many CEN instances.")

    def handle(self, *args, user=None, password=None, instances=0, **options):
        if instances < 0:
            raise CommandError("--instances must be 0 or more.")
        if user is None:
            if password is not None:
                raise CommandError("--password needs --user.")
            admin, account = demo.demo_ensure()
            self.stdout.write("Demo sign-ins: demo / demo (console user), admin / admin (staff, /admin/).")
        else:
            account = demo.account_ensure(username=user, password=password)
        if instances:
            added = demo.cen_instances_ensure(owner=account, count=instances, name_prefix=account.username)
            self.stdout.write(f"{account.username}: {added} CEN instances added (at least {instances} in all).")
