from decimal import Decimal

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from cenconsole.api.services import access_key_ensure
from cenconsole.demo import services as demo


class Command(BaseCommand):
    help = (
        "Ensures the local demo accounts (admin/admin, demo/demo with a sample CEN instance): creates them "
        "when missing, never resetting a password or staff flag, never touching an account of that name it did "
        "not make (DEMO_ACCOUNTS=0: none, and the database keeps that choice for later runs). "
        "With --user: ensures that account (--password sets its password) with at least --instances CEN "
        "instances. Idempotent."
    )

    def add_arguments(self, parser):
        parser.add_argument("--user", help="Account to ensure instead of the demo accounts.")
        parser.add_argument("--password", help="Password to set for --user.")
        parser.add_argument("--instances", type=int, default=0, help="Ensure at least this many CEN instances.")
        parser.add_argument(
            "--reset",
            metavar="USERNAME",
            help="Put that account (demo, or a sandbox) back to its seeded state on real time, as Reset demo does.",
        )
        parser.add_argument(
            "--demo-accounts",
            action="store_true",
            help="Turn the demo accounts on again in a database that recorded DEMO_ACCOUNTS=0.",
        )
        parser.add_argument("--balance", type=Decimal, help="Ensure the account's balance is at least this (USD).")
        parser.add_argument(
            "--access-key",
            metavar="ID:SECRET",
            help="Give the account (demo, or --user) this AccessKey pair for the API, for scripted demos.",
        )

    def handle(
        self,
        *args,
        user=None,
        password=None,
        instances=0,
        balance=None,
        access_key=None,
        reset=None,
        demo_accounts=False,
        **options,
    ):
        if demo_accounts:
            demo.demo_accounts_choose(enabled=True, note="seed_demo --demo-accounts")
        if reset is not None:
            account = get_user_model().objects.filter(username=reset).first()
            if account is None:
                raise CommandError(f"--reset: no account {reset!r}.")
            try:
                demo.demo_reset(account=account)
            except ValidationError as error:
                raise CommandError(" ".join(error.messages)) from None
            self.stdout.write(f"{account.username}: back to the seeded state.")
            return
        if instances < 0:
            raise CommandError("--instances must be 0 or more.")
        if access_key is not None and ":" not in access_key:
            raise CommandError("--access-key takes ID:SECRET.")
        if user is None:
            if password is not None:
                raise CommandError("--password needs --user.")
            admin, account = demo.demo_ensure()
            if account is None:
                if not demo.demo_accounts_enabled():
                    why = "DEMO_ACCOUNTS is off" if not settings.DEMO_ACCOUNTS else "this database chose none"
                    self.stdout.write(f"{why}: no demo accounts (seed_demo --demo-accounts turns them on).")
                else:
                    why = "an account named demo exists that seed_demo did not make"
                    self.stdout.write(f"No demo account: {why} (left as it is).")
                if balance is not None or instances or access_key is not None:
                    raise CommandError(f"No demo account ({why}): name the account with --user.")
                return
            self.stdout.write(
                "Demo accounts: demo (console user) and admin (staff, /admin/); created with the passwords "
                "demo and admin, which are never reset: change them on anything shared."
            )
        else:
            account = demo.account_ensure(username=user, password=password)
        if balance is not None:
            demo.balance_ensure(owner=account, at_least=balance)
        if instances:
            added = demo.cen_instances_ensure(owner=account, count=instances, name_prefix=account.username)
            self.stdout.write(f"{account.username}: {added} CEN instances added (at least {instances} in all).")
        if access_key is not None:
            access_key_id, secret = access_key.split(":", 1)
            try:
                access_key_ensure(owner=account, access_key_id=access_key_id, secret=secret)
            except ValidationError as error:
                raise CommandError(" ".join(error.messages)) from None
            self.stdout.write(f"{account.username}: AccessKey {access_key_id} is enabled for the API.")
