from django.core.management.base import BaseCommand, CommandError

from cenconsole.accounts.selectors import ledger_check


class Command(BaseCommand):
    help = (
        "Checks every account against its ledger: the balance equals the sum of its entries and each "
        "entry's balance after equals the running sum. Exits non-zero naming every account that disagrees."
    )

    def handle(self, *args, **options):
        check = ledger_check()
        for account in check.disagreements:
            name = f"{account.username} (id {account.account_id})"
            if account.balance != account.entries_total:
                self.stderr.write(
                    f"{name}: holds USD {account.balance:,.2f}, its entries sum to USD {account.entries_total:,.2f}"
                )
            if account.misplaced:
                first = account.misplaced[0]
                self.stderr.write(
                    f"{name}: {len(account.misplaced)} entries with a wrong balance after; the first, entry "
                    f"{first.entry_id}, says USD {first.balance_after:,.2f} where the running sum is "
                    f"USD {first.running_sum:,.2f}"
                )
        checked = f"Checked {check.accounts} accounts and {check.entries} ledger entries"
        if check.disagreements:
            names = ", ".join(account.username for account in check.disagreements)
            raise CommandError(f"{checked}: {len(check.disagreements)} disagree with their ledger: {names}")
        self.stdout.write(f"{checked}: every balance equals the sum of its entries.")
