from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Count, Sum, Value
from django.db.models.functions import Coalesce

from cenconsole.core.fields import MoneyField

from .models import LedgerEntry, User
from .services import SESSION_ID_KEY

ZERO = Decimal("0.00")
MONEY = MoneyField()


def ledger_entries_for(*, account):
    """The account's ledger entries, newest first: the Billing page and its CSV export."""
    return LedgerEntry.objects.filter(account=account).order_by("-created_at", "-id")


@dataclass(frozen=True)
class MisplacedEntry:
    """An entry whose balance_after is not the running sum of the account's entries up to it."""

    entry_id: int
    balance_after: Decimal
    running_sum: Decimal


@dataclass
class LedgerDisagreement:
    """An account whose balance or ledger does not add up."""

    account_id: int
    username: str
    balance: Decimal
    entries_total: Decimal
    misplaced: list[MisplacedEntry] = field(default_factory=list)


@dataclass(frozen=True)
class LedgerCheck:
    accounts: int
    entries: int
    disagreements: list[LedgerDisagreement]


def ledger_check() -> LedgerCheck:
    """Every account against its ledger: its balance equals the sum of its entries, and each entry's
    balance_after equals the running sum of the account's entries up to it, in the order they were
    written (by id: balance_change inserts while it holds the account's row lock).

    Balance and sum come from one statement, so a payment committing during the check cannot make a
    consistent account look wrong; balance_after never changes once written. Amounts are whole cents
    in the database (MoneyField), so the database's sum and the running sum in Python are exact."""
    running: dict[int, Decimal] = {}
    misplaced: dict[int, list[MisplacedEntry]] = {}
    entries = LedgerEntry.objects.order_by("account_id", "id").values_list(
        "account_id", "id", "amount", "balance_after"
    )
    for account_id, entry_id, amount, balance_after in entries.iterator(chunk_size=2000):
        running[account_id] = running.get(account_id, ZERO) + amount
        if balance_after != running[account_id]:
            misplaced.setdefault(account_id, []).append(MisplacedEntry(entry_id, balance_after, running[account_id]))

    accounts = User.objects.order_by("pk").annotate(
        entries_total=Coalesce(Sum("ledger_entries__amount"), Value(ZERO, output_field=MONEY), output_field=MONEY),
        entry_count=Count("ledger_entries"),
    )
    disagreements = []
    account_count = entry_count = 0
    for account_id, username, balance, entries_total, count in accounts.values_list(
        "pk", "username", "balance", "entries_total", "entry_count"
    ).iterator(chunk_size=2000):
        account_count += 1
        entry_count += count
        if balance != entries_total or account_id in misplaced:
            disagreements.append(
                LedgerDisagreement(account_id, username, balance, entries_total, misplaced.get(account_id, []))
            )
    return LedgerCheck(accounts=account_count, entries=entry_count, disagreements=disagreements)


def session_signed_out(*, user, session) -> bool:
    """True when the session was ended by Sign out (or has no id: it predates session ids)."""
    session_id = session.get(SESSION_ID_KEY)
    return not session_id or session_id in user.signed_out_sessions
