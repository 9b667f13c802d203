from decimal import Decimal

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
        parser.add_argument("--balance", type=Decimal, help="Ensure the account's balance is at least this (USD).")

    def handle(self, *args, user=None, password=None, instances=0, balance=None, **options):
        if instances < 0:
            raise CommandError("--instances must be 0 or more.")
        if user is None:
            if password is not None:
                raise CommandError("--password needs --user.")
            admin, account = demo.demo_ensure()
            self.stdout.write("Demo sign-ins: demo / demo (console user), admin / admin (staff, /admin/).")
        else:
            account = demo.account_ensure(username=user, password=password)
        if balance is not None:
            demo.balance_ensure(owner=account, at_least=balance)
        if instances:
            added = demo.cen_instances_ensure(owner=account, count=instances, name_prefix=account.username)
            self.stdout.write(f"{account.username}: {added} CEN instances added (at least {instances} in all).")
