"""Orders: a purchase, renewal or resize of a package, and its refund."""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from cenconsole.core import clock
from cenconsole.core.fields import MoneyField
from cenconsole.core.ids import order_number
from cenconsole.core.notes import note_display
from cenconsole.core.validators import validate_description, validate_name
from cenconsole.regions.models import Area

from .packages import (
    AUTO_RENEWAL_CHOICES,
    DURATION_CHOICES,
    MAX_BANDWIDTH,
    MIN_BANDWIDTH,
    BandwidthPackage,
    is_cross_border,
)


class Order(models.Model):
    """A purchase, renewal or resize of a package: unpaid, paid or cancelled. Paying it is what makes
    the change (creates, renews or resizes the package)."""

    class Type(models.TextChoices):
        BUY = "Buy", _("Buy")
        RENEW = "Renew", _("Renew")
        UPGRADE = "Upgrade", _("Upgrade")
        DOWNGRADE = "Downgrade", _("Downgrade")
        REFUND = "Refund", _("Refund")
        TEMP_UPGRADE = "TempUpgrade", _("Temporary upgrade")

    class Status(models.TextChoices):
        UNPAID = "Unpaid", _("Unpaid")
        PAID = "Paid", _("Paid")
        CANCELLED = "Cancelled", _("Cancelled")
        LAPSED = "Lapsed", _("Lapsed")
        REFUNDED = "Refunded", _("Refunded")

    # Order types that change an existing package, priced on the package as it was.
    CHANGE_TYPES = (Type.RENEW, Type.UPGRADE, Type.DOWNGRADE, Type.TEMP_UPGRADE)

    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="orders", verbose_name=_("account")
    )
    number = models.CharField(
        _("order number"),
        max_length=20,
        unique=True,
        default=order_number,
        editable=False,
        help_text=_("The order's number as the console shows it (16 digits); URLs keep the primary key."),
    )
    idempotency_key = models.CharField(
        max_length=64,
        help_text=_("Sent with the form; a resubmission with the same key finds this order."),
        verbose_name=_("idempotency key"),
    )
    order_type = models.CharField(_("type"), max_length=16, choices=Type.choices, default=Type.BUY)
    status = models.CharField(max_length=16, choices=Status.choices, default=Status.UNPAID, verbose_name=_("status"))
    cen_instance = models.ForeignKey(
        "cen.CenInstance",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="orders",
        verbose_name=_("CEN instance"),
        help_text=_("Buy: the instance the new package is bound to (empty: bought unbound, as the API does)."),
    )
    area_a = models.ForeignKey(Area, on_delete=models.PROTECT, related_name="+", verbose_name=_("area"))
    area_b = models.ForeignKey(Area, on_delete=models.PROTECT, related_name="+", verbose_name=_("other area"))
    bandwidth = models.PositiveIntegerField(
        _("bandwidth (Mbps)"),
        validators=[MinValueValidator(MIN_BANDWIDTH), MaxValueValidator(MAX_BANDWIDTH)],
        help_text=_("The package's bandwidth after the order."),
    )
    previous_bandwidth = models.PositiveIntegerField(
        _("bandwidth before (Mbps)"),
        null=True,
        blank=True,
        help_text=_("Upgrade/Downgrade: the bandwidth it replaces."),
    )
    ends_at = models.DateTimeField(
        _("temporary upgrade ends"),
        null=True,
        blank=True,
        help_text=_("Temporary upgrade: when the package returns to the bandwidth before."),
    )
    name = models.CharField(max_length=128, blank=True, validators=[validate_name], verbose_name=_("name"))
    description = models.CharField(
        max_length=256, blank=True, validators=[validate_description], verbose_name=_("description")
    )
    duration_months = models.PositiveSmallIntegerField(
        _("duration"), choices=DURATION_CHOICES, null=True, blank=True, help_text=_("Buy and Renew only.")
    )
    auto_renewal = models.BooleanField(_("auto-renewal"), default=False)
    auto_renewal_months = models.PositiveSmallIntegerField(
        _("auto-renewal period"), choices=AUTO_RENEWAL_CHOICES, default=1
    )
    unit_price = MoneyField(_("USD per Mbps per month"), max_digits=10)
    amount = MoneyField(_("amount (USD)"))
    package = models.ForeignKey(
        BandwidthPackage,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="orders",
        help_text=_("The package the order created (a purchase) or changes."),
        verbose_name=_("package"),
    )
    package_version = models.JSONField(
        null=True,
        blank=True,
        editable=False,
        help_text=_(
            "Renew, Upgrade, Downgrade: the package as it was priced (bandwidth, expiration, status, "
            "binding). Pay refuses the order if the package has changed since."
        ),
        verbose_name=_("package version"),
    )
    note = models.CharField(
        max_length=256, blank=True, help_text=_("Refund: why the money was returned."), verbose_name=_("note")
    )
    created_at = models.DateTimeField(_("created"), default=clock.now)
    pay_before = models.DateTimeField(
        _("pay before"),
        null=True,
        blank=True,
        help_text=_("An unpaid order lapses at this time (ORDER_PAYMENT_WINDOW_HOURS after it was placed)."),
    )
    paid_at = models.DateTimeField(_("paid"), null=True, blank=True)
    term_start = models.DateTimeField(
        _("paid from"),
        null=True,
        blank=True,
        editable=False,
        help_text=_(
            "Paid Buy and Renew: the start of the time paid for; Upgrade and Downgrade: when the "
            "bandwidth changed. Refunds are the unused share of what was paid for each such term."
        ),
    )
    term_end = models.DateTimeField(
        _("paid until"),
        null=True,
        blank=True,
        editable=False,
        help_text=_("Paid orders: the end of the time the order paid for (the package's expiration then)."),
    )
    cancelled_at = models.DateTimeField(_("cancelled"), null=True, blank=True)
    lapsed_at = models.DateTimeField(_("lapsed"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("order")
        verbose_name_plural = _("orders")
        constraints = [
            models.UniqueConstraint(fields=["owner", "idempotency_key"], name="one_order_per_idempotency_key"),
            models.CheckConstraint(
                condition=~models.Q(status="Paid") | models.Q(package__isnull=False), name="paid_order_has_package"
            ),
            models.CheckConstraint(condition=models.Q(amount__gte=0), name="order_amount_not_negative"),
            models.CheckConstraint(
                condition=models.Q(order_type__in=["Upgrade", "Downgrade", "Refund", "TempUpgrade"])
                | models.Q(duration_months__isnull=False),
                name="buy_and_renew_orders_have_duration",
            ),
            models.CheckConstraint(
                condition=models.Q(order_type="Refund", status="Refunded")
                | (~models.Q(order_type="Refund") & ~models.Q(status="Refunded")),
                name="refunds_and_only_refunds_are_refunded",
            ),
            models.CheckConstraint(
                condition=models.Q(order_type="Buy") | models.Q(package__isnull=False),
                name="change_orders_name_their_package",
            ),
            models.CheckConstraint(
                condition=~models.Q(order_type="TempUpgrade") | models.Q(ends_at__isnull=False),
                name="temporary_upgrades_have_an_end",
            ),
        ]
        indexes = [
            models.Index(fields=["owner", "-created_at"], name="order_owner_created_idx"),
            models.Index(fields=["status", "pay_before"], name="order_status_pay_before_idx"),
            # An account's unpaid orders, counted for its quota at every Buy Now.
            models.Index(
                fields=["owner", "pay_before"], condition=models.Q(status="Unpaid"), name="order_owner_unpaid_idx"
            ),
        ]

    def __str__(self):
        return gettext("Order %(number)s") % {"number": self.number}

    def save(self, *args, **kwargs):
        # A new order's number is drawn at random (core.ids.order_number): in the rare case it is taken
        # (by any account, before any reset), it draws again; the unique column refuses a repeat all the same.
        if self._state.adding:
            while type(self).objects.filter(number=self.number).exists():
                self.number = order_number()
        super().save(*args, **kwargs)

    @property
    def note_display(self) -> str:
        """The note in the reader's language when the console wrote it (refunds), else as written."""
        return note_display(self.note)

    @property
    def is_unpaid(self) -> bool:
        return self.status == self.Status.UNPAID

    @property
    def is_paid(self) -> bool:
        return self.status == self.Status.PAID

    @property
    def is_refund(self) -> bool:
        return self.order_type == self.Type.REFUND

    @property
    def areas_label(self) -> str:
        return f"{self.area_a.display_name} ↔ {self.area_b.display_name}"

    @property
    def is_cross_border(self) -> bool:
        return is_cross_border(self.area_a_id, self.area_b_id)
