from decimal import Decimal

from django.conf import settings
from django.contrib.auth.models import AbstractUser
from django.db import models

from cenconsole.core import clock


def signup_credit():
    return Decimal(settings.CEN_SIGNUP_CREDIT)


class User(AbstractUser):
    """A console account. Its balance pays for orders; it never goes below zero."""

    balance = models.DecimalField(
        "balance (USD)",
        max_digits=14,
        decimal_places=2,
        default=signup_credit,
        help_text="Demo credit left to pay orders with. Changed only by the billing services.",
    )
    state_version = models.PositiveBigIntegerField(
        default=0,
        editable=False,
        help_text="Bumped whenever the account's instances or their packages change; keys cached page fragments.",
    )

    class Meta(AbstractUser.Meta):
        swappable = "AUTH_USER_MODEL"
        constraints = [
            models.CheckConstraint(condition=models.Q(balance__gte=0), name="user_balance_not_negative"),
        ]


class SignInFailure(models.Model):
    """A failed sign-in, kept for the throttling window: too many per username or per address lock
    sign-in for a while. Stored in the database so every app server sees the same count."""

    username = models.CharField(max_length=150, db_index=True)
    ip_address = models.GenericIPAddressField("address", null=True, blank=True, db_index=True)
    created_at = models.DateTimeField(default=clock.now, db_index=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = "failed sign-in"

    def __str__(self):
        return f"{self.username} from {self.ip_address} at {self.created_at:%Y-%m-%d %H:%M}"
