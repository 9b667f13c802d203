"""Bandwidth packages: their areas, bandwidth, term, binding and status."""

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from cenconsole.accounts.resource_groups import resource_group_of
from cenconsole.core import clock
from cenconsole.core.ids import random_id
from cenconsole.core.validators import validate_description, validate_name
from cenconsole.regions.models import Area

from ..pricing import add_months, is_cross_border_pair  # noqa: F401 (add_months: named here for callers)

MIN_BANDWIDTH = 2
MAX_BANDWIDTH = 10_000

DURATION_CHOICES = [
    (1, _("1 Month")),
    (2, _("2 Months")),
    (3, _("3 Months")),
    (6, _("6 Months")),
    (12, _("1 Year")),
    (24, _("2 Years")),
    (36, _("3 Years")),
]
AUTO_RENEWAL_CHOICES = DURATION_CHOICES[:3]

AREAS_IMMUTABLE = "The interconnected areas of a bandwidth package cannot be modified after purchase."
DELETE_REFUSED = "A bandwidth package cannot be deleted after purchase unless you open a ticket."
AREA_FIELDS = ("area_a_id", "area_b_id")


class DeletionRefused(PermissionDenied):
    """Raised by every path that would drop a bandwidth package's row."""


def new_package_id():
    return random_id("cenbwp-", 17)


def geographic_span(area_a: Area, area_b: Area) -> str:
    """The API's name for an area pair, `<a>_<b>` in lower case, in the seed table's order."""
    first, second = sorted([area_a, area_b], key=lambda area: area.position)
    return f"{first.api_id}_{second.api_id}"


is_cross_border = is_cross_border_pair  # one rule, in pricing (cross-border pairs are non-refundable)


class BandwidthPackageQuerySet(models.QuerySet):
    def active(self):
        """Packages not released: the ones a user sees and uses."""
        return self.filter(released_at__isnull=True)

    IMMUTABLE_FIELDS = {"area_a", "area_a_id", "area_b", "area_b_id", "geographic_span", "owner", "owner_id"}

    def delete(self):
        raise DeletionRefused(DELETE_REFUSED)

    delete.queryset_only = True

    def update(self, **kwargs):
        if self.IMMUTABLE_FIELDS & kwargs.keys():
            raise ValidationError(AREAS_IMMUTABLE, code="areas_immutable")
        return super().update(**kwargs)


class BandwidthPackage(models.Model):
    """A subscription bandwidth package: an interconnection bandwidth between two areas."""

    class Status(models.TextChoices):
        IN_USE = "InUse", _("In Use")
        IDLE = "Idle", _("Available")
        RELEASED = "Released", _("Released")

    id = models.CharField(_("instance ID"), max_length=32, primary_key=True, default=new_package_id, editable=False)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="bandwidth_packages", verbose_name=_("account")
    )
    cen_instance = models.ForeignKey(
        "cen.CenInstance",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="bandwidth_packages",
        verbose_name=_("CEN instance"),
        help_text=_("The CEN instance the package is bound to; empty while it is available."),
    )
    area_a = models.ForeignKey(
        Area, on_delete=models.PROTECT, related_name="+", verbose_name=_("area"), help_text=_("Fixed at purchase.")
    )
    area_b = models.ForeignKey(
        Area,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("other area"),
        help_text=_("Fixed at purchase."),
    )
    geographic_span = models.CharField(
        max_length=64,
        editable=False,
        help_text=_("The area pair in the API's form, e.g. china_north-america."),
        verbose_name=_("geographic span"),
    )
    bandwidth = models.PositiveIntegerField(
        _("bandwidth (Mbps)"), validators=[MinValueValidator(MIN_BANDWIDTH), MaxValueValidator(MAX_BANDWIDTH)]
    )
    name = models.CharField(max_length=128, blank=True, validators=[validate_name], verbose_name=_("name"))
    description = models.CharField(
        max_length=256, blank=True, validators=[validate_description], verbose_name=_("description")
    )
    auto_renewal = models.BooleanField(_("auto-renewal"), default=False)
    auto_renewal_months = models.PositiveSmallIntegerField(
        _("auto-renewal period"), choices=AUTO_RENEWAL_CHOICES, default=1
    )
    resource_group_id = models.CharField(
        _("resource group ID"),
        max_length=32,
        blank=True,
        help_text=_("Empty: the account's default resource group."),
    )
    temporary_upgrade_from = models.PositiveIntegerField(
        _("bandwidth before the temporary upgrade (Mbps)"),
        null=True,
        blank=True,
        help_text=_("A temporary upgrade: the bandwidth the package returns to when it ends."),
    )
    temporary_upgrade_ends_at = models.DateTimeField(
        _("temporary upgrade ends"),
        null=True,
        blank=True,
        help_text=_("A temporary upgrade: when the package returns to its earlier bandwidth."),
    )
    created_at = models.DateTimeField(_("purchased"), default=clock.now)
    expires_at = models.DateTimeField(_("expiration time"))
    released_at = models.DateTimeField(
        _("released"), null=True, blank=True, help_text=_("When the package was released; the row stays for history.")
    )
    released_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        help_text=_("Staff member who approved the deletion ticket; empty when released automatically."),
        verbose_name=_("released by"),
    )
    release_reason = models.CharField(
        max_length=256, blank=True, help_text=_("Why the package was released."), verbose_name=_("release reason")
    )
    expiry_processed_for = models.DateTimeField(
        null=True,
        blank=True,
        editable=False,
        help_text=_("The expiration time process_subscriptions last handled (auto-renewed or recorded as expired)."),
        verbose_name=_("expiry processed for"),
    )

    objects = BandwidthPackageQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("bandwidth package")
        verbose_name_plural = _("bandwidth packages")
        constraints = [
            models.UniqueConstraint(fields=["cen_instance", "geographic_span"], name="one_package_per_area_pair"),
            models.CheckConstraint(
                condition=models.Q(bandwidth__gte=MIN_BANDWIDTH, bandwidth__lte=MAX_BANDWIDTH),
                name="package_bandwidth_in_range",
            ),
            models.CheckConstraint(
                condition=models.Q(released_at__isnull=True) | models.Q(cen_instance__isnull=True),
                name="released_package_unbound",
            ),
            models.CheckConstraint(
                condition=models.Q(temporary_upgrade_from__isnull=True, temporary_upgrade_ends_at__isnull=True)
                | models.Q(temporary_upgrade_from__isnull=False, temporary_upgrade_ends_at__isnull=False),
                name="temporary_upgrade_has_end_and_bandwidth",
            ),
        ]
        indexes = [
            models.Index(fields=["owner", "-created_at"], name="package_owner_created_idx"),
            # The packages an account holds, counted for its quota at every Buy Now.
            models.Index(
                fields=["owner"], condition=models.Q(released_at__isnull=True), name="package_owner_active_idx"
            ),
        ]

    def __str__(self):
        return self.id

    @property
    def resource_group(self) -> str:
        """The resource group's ID (the account's default group when none was set)."""
        return resource_group_of(self)

    @classmethod
    def from_db(cls, db, field_names, values):
        package = super().from_db(db, field_names, values)
        # The areas as stored; one left out by only()/defer() is DEFERRED and checked against the row on save.
        package._loaded_areas = tuple(package.__dict__.get(name, models.DEFERRED) for name in AREA_FIELDS)
        package._loaded_cen_instance_id = package.__dict__.get("cen_instance_id", models.DEFERRED)
        return package

    def save(self, *args, **kwargs):
        if not self._state.adding and self._areas_changed():
            raise ValidationError(AREAS_IMMUTABLE, code="areas_immutable")
        self.geographic_span = geographic_span(self.area_a, self.area_b)
        super().save(*args, **kwargs)
        self._loaded_areas = self._areas()

    @property
    def binding_changed(self) -> bool:
        """Whether the last save bound or unbound the package (or may have: the binding was not
        loaded). Read by the post_save receiver that keeps the Instances page's counts fresh."""
        return self.cen_instance_id != getattr(self, "_loaded_cen_instance_id", None)

    def binding_saved(self) -> None:
        self._loaded_cen_instance_id = self.cen_instance_id

    def delete(self, *args, **kwargs):
        raise DeletionRefused(DELETE_REFUSED)

    def _areas(self):
        return (self.area_a_id, self.area_b_id)

    def _areas_changed(self) -> bool:
        """Whether save() would write areas other than the stored ones. Reads __dict__, not the
        attributes: reading a deferred area would load it and look like a change."""
        loaded = getattr(self, "_loaded_areas", None)
        if loaded is None:
            return False
        current = [self.__dict__.get(name, models.DEFERRED) for name in AREA_FIELDS]
        if any(old is models.DEFERRED and new is not models.DEFERRED for old, new in zip(loaded, current, strict=True)):
            loaded = type(self)._base_manager.filter(pk=self.pk).values_list(*AREA_FIELDS).get()
        return any(new is not models.DEFERRED and new != old for old, new in zip(loaded, current, strict=True))

    @property
    def status(self) -> str:
        if self.released_at:
            return self.Status.RELEASED
        return self.Status.IN_USE if self.cen_instance_id else self.Status.IDLE

    @property
    def status_label(self) -> str:
        return self.Status(self.status).label

    @property
    def is_expired(self) -> bool:
        return self.expires_at <= clock.now()

    @property
    def shows_expired(self) -> bool:
        """The one rule for showing "Expired": a package not released whose time has run out."""
        return self.is_expired and not self.released_at

    @property
    def business_status(self) -> str:
        """Normal, or FinancialLocked once the subscription has run out (the console says Expired)."""
        return "FinancialLocked" if self.is_expired else "Normal"

    @property
    def is_cross_border(self) -> bool:
        return is_cross_border(self.area_a_id, self.area_b_id)

    @property
    def areas_label(self) -> str:
        return f"{self.area_a.display_name} ↔ {self.area_b.display_name}"

    @property
    def own_bandwidth(self) -> int:
        """The package's bandwidth without a temporary upgrade (the one it returns to when that ends):
        what a renewed term runs at, so what a renewal is priced on."""
        return self.temporary_upgrade_from or self.bandwidth

    @property
    def version(self) -> dict:
        """What an order for this package is priced on: its bandwidth, expiration, status and binding.
        An order placed on one version is not paid on another."""
        return {
            "bandwidth": self.bandwidth,
            "expires_at": self.expires_at.isoformat(),
            "status": self.status,
            "cen_instance": self.cen_instance_id,
        }

    @property
    def renewal_version(self) -> dict:
        """What a Renew order is priced on: the version with the package's own bandwidth, so a temporary
        upgrade starting or ending between Buy Now and Pay changes nothing a renewal pays for."""
        return {**self.version, "bandwidth": self.own_bandwidth}


# The same statuses as BandwidthPackage.status, as database conditions (for filtering by status).
PACKAGE_STATUS_CONDITIONS = {
    BandwidthPackage.Status.IN_USE: models.Q(released_at__isnull=True, cen_instance__isnull=False),
    BandwidthPackage.Status.IDLE: models.Q(released_at__isnull=True, cen_instance__isnull=True),
    BandwidthPackage.Status.RELEASED: models.Q(released_at__isnull=False),
}
