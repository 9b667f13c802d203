import re
from datetime import timedelta
from decimal import Decimal

from django.conf import settings
from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils.crypto import salted_hmac
from django.utils.translation import gettext, gettext_noop
from django.utils.translation import gettext_lazy as _

from cenconsole.core import clock
from cenconsole.core.fields import MoneyField
from cenconsole.core.notes import note_display


def signup_credit():
    return Decimal(settings.CEN_SIGNUP_CREDIT)


class User(AbstractUser):
    """A console account. Its balance pays for orders; it never goes below zero."""

    balance = MoneyField(
        _("balance (USD)"),
        default=signup_credit,
        help_text=_("Demo credit left to pay orders with. Changed only by the billing services."),
    )
    unread_tickets = models.PositiveIntegerField(
        _("tickets with unread replies"),
        default=0,
        editable=False,
        help_text=_(
            "How many of the account's tickets have a staff reply it has not read (the Tickets badge), kept "
            "by the tickets app so that every page reads it with the user, without a query of its own."
        ),
    )
    state_version = models.PositiveBigIntegerField(
        default=0,
        editable=False,
        help_text=_("Bumped whenever the account's instances or their packages change; keys cached page fragments."),
        verbose_name=_("state version"),
    )
    # A demo's own fields: set only by cenconsole.demo's services (never editable: no form, the admin
    # or the API can make an account a sandbox, which the purge would then remove).
    is_sandbox = models.BooleanField(
        _("sandbox"),
        default=False,
        editable=False,
        help_text=_("A throwaway account made by Try the console; removed with all it owns when it expires."),
    )
    is_demo = models.BooleanField(
        _("made by seed_demo"),
        default=False,
        editable=False,
        help_text=_(
            "An account the demo seeder made (demo, admin): only such accounts (and sandboxes) get Reset demo, "
            "Advance time and the sample packages, whatever their username."
        ),
    )
    sandbox_expires_at = models.DateTimeField(
        _("sandbox expires"),
        null=True,
        blank=True,
        editable=False,
        help_text=_("Real time at which the periodic job removes this sandbox."),
    )
    clock_offset = models.DurationField(
        _("test clock offset"),
        default=timedelta(0),
        editable=False,
        help_text=_("How far ahead of real time the account's own clock runs (Advance time, demo accounts only)."),
    )

    session_generation = models.PositiveIntegerField(
        _("session generation"),
        default=0,
        editable=False,
        help_text=_("Raised by Sign out everywhere: every session signed in before it stops working."),
    )
    signed_out_sessions = models.JSONField(
        _("signed-out sessions"),
        default=dict,
        blank=True,
        editable=False,
        help_text=_(
            "Sessions ended by Sign out, by session id, with the time (UNIX seconds) their cookies expire "
            "anyway. A copied cookie of one of them is refused until then."
        ),
    )

    class Meta(AbstractUser.Meta):
        swappable = "AUTH_USER_MODEL"
        constraints = [
            models.CheckConstraint(condition=models.Q(balance__gte=0), name="user_balance_not_negative"),
            models.CheckConstraint(
                condition=models.Q(is_sandbox=False) | models.Q(sandbox_expires_at__isnull=False),
                name="sandbox_has_expiry",
            ),
            models.CheckConstraint(
                condition=models.Q(clock_offset__gte=timedelta(0)), name="clock_offset_not_negative"
            ),
        ]

    def _get_session_auth_hash(self, secret=None):
        # Django's hash of the password, which every session keeps and every request checks, with the
        # session generation mixed in: a changed password or Sign out everywhere ends every session
        # signed in before it, on every app server, at no cost (the account row is read anyway).
        key_salt = "cenconsole.accounts.User.get_session_auth_hash"
        value = f"{self.password}:{self.session_generation}"
        return salted_hmac(key_salt, value, secret=secret, algorithm="sha256").hexdigest()

    @property
    def runs_on_test_clock(self) -> bool:
        return bool(self.clock_offset)


class SignInFailure(models.Model):
    """A failed sign-in, kept for the throttling window: too many for one username from one address
    lock sign-in for that pair for a while. Stored in the database so every app server sees the same count."""

    username = models.CharField(max_length=150, db_index=True, verbose_name=_("username"))
    ip_address = models.GenericIPAddressField(_("address"), null=True, blank=True, db_index=True)
    created_at = models.DateTimeField(default=clock.now, db_index=True, verbose_name=_("created at"))

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("failed sign-in")
        verbose_name_plural = _("failed sign-ins")

    def __str__(self):
        return f"{self.username} from {self.ip_address} at {self.created_at:%Y-%m-%d %H:%M}"


class SandboxCreation(models.Model):
    """A sandbox made by Try the console, kept for the throttling window: too many from one address
    refuse more for a while. Stored in the database so every app server sees the same count."""

    ip_address = models.GenericIPAddressField(_("address"), null=True, blank=True, db_index=True)
    created_at = models.DateTimeField(default=clock.real_now, db_index=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = "sandbox creation"

    def __str__(self):
        return f"{self.ip_address} at {self.created_at:%Y-%m-%d %H:%M}"


class SignUpCreation(models.Model):
    """An account made by Sign up, kept for the throttling window: too many from one address refuse
    more for a while. Stored in the database so every app server sees the same count."""

    ip_address = models.GenericIPAddressField(_("address"), null=True, blank=True, db_index=True)
    created_at = models.DateTimeField(default=clock.real_now, db_index=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = "sign-up"

    def __str__(self):
        return f"{self.ip_address} at {self.created_at:%Y-%m-%d %H:%M}"


class LedgerEntry(models.Model):
    """One change of an account's balance, written in the same transaction as the change: the
    balance always equals the sum of the account's entries."""

    class Kind(models.TextChoices):
        OPENING_CREDIT = "opening_credit", _("Opening credit")
        CHARGE = "charge", _("Charge")
        REFUND = "refund", _("Refund")
        ADJUSTMENT = "adjustment", _("Adjustment")

    account = models.ForeignKey(
        User, on_delete=models.PROTECT, related_name="ledger_entries", verbose_name=_("account")
    )
    kind = models.CharField(max_length=16, choices=Kind.choices, verbose_name=_("kind"))
    amount = MoneyField(_("amount (USD)"), help_text=_("Positive for credit, negative for a charge."))
    balance_after = MoneyField(_("balance after (USD)"))
    description = models.CharField(max_length=256, verbose_name=_("description"))
    order_id = models.PositiveBigIntegerField(
        _("order"), null=True, blank=True, help_text=_("The order that charged or refunded, if any (its number).")
    )
    created_by = models.ForeignKey(
        User,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        help_text=_("The staff member who made an adjustment; empty for the console's own entries."),
        verbose_name=_("created by"),
    )
    created_at = models.DateTimeField(_("when"), default=clock.now, db_index=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("ledger entry")
        verbose_name_plural = _("ledger entries")
        indexes = [models.Index(fields=["account", "-created_at", "-id"], name="ledger_account_created_idx")]
        constraints = [
            models.CheckConstraint(condition=~models.Q(amount=0), name="ledger_amount_not_zero"),
            models.CheckConstraint(condition=models.Q(balance_after__gte=0), name="ledger_balance_after_not_negative"),
        ]

    def __str__(self):
        return f"{self.account} {self.amount:+} ({self.kind})"

    @property
    def description_display(self) -> str:
        """The description in the active language. It is stored in English as the console wrote it
        ("Opening credit", "Buy order 12", "Refund order 12: ..."); a staff member's reason is shown
        as written."""
        match = ORDER_DESCRIPTION.match(self.description)
        if match:
            return gettext(ORDER_DESCRIPTIONS[match["type"]]) % {"number": match["number"]}
        match = REFUND_DESCRIPTION.match(self.description)
        if match:
            return gettext(REFUND_ORDER) % {"number": match["number"], "note": note_display(match["note"])}
        return gettext(self.description)  # the console's own words are msgids; others come back as they are


ORDER_DESCRIPTION = re.compile(r"^(?P<type>Buy|Renew|Upgrade|Downgrade|TempUpgrade) order (?P<number>\d+)$")
REFUND_DESCRIPTION = re.compile(r"^Refund order (?P<number>\d+): (?P<note>.*)$", re.S)
ORDER_DESCRIPTIONS = {
    "Buy": gettext_noop("Buy order %(number)s"),
    "Renew": gettext_noop("Renew order %(number)s"),
    "Upgrade": gettext_noop("Upgrade order %(number)s"),
    "Downgrade": gettext_noop("Downgrade order %(number)s"),
    "TempUpgrade": gettext_noop("Temporary upgrade order %(number)s"),
}
REFUND_ORDER = gettext_noop("Refund order %(number)s: %(note)s")
# What accounts migration 0005 wrote as the first entry of an account made before the ledger (bandwidth
# migration 0007 rebuilds those ledgers from the paid orders; the words stay translated if one is left).
OPENING_BALANCE = gettext_noop("Opening balance")
OPENING_CREDIT_DESCRIPTION = gettext_noop("Opening credit")
