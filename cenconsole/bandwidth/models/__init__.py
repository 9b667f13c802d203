"""Bandwidth packages (packages.py) and their orders (orders.py). Every caller imports from here."""

from .orders import Order
from .packages import (
    AREA_FIELDS,
    AREAS_IMMUTABLE,
    AUTO_RENEWAL_CHOICES,
    DELETE_REFUSED,
    DURATION_CHOICES,
    MAX_BANDWIDTH,
    MIN_BANDWIDTH,
    PACKAGE_STATUS_CONDITIONS,
    BandwidthPackage,
    BandwidthPackageQuerySet,
    DeletionRefused,
    add_months,
    geographic_span,
    is_cross_border,
    new_package_id,
)

__all__ = [
    "AREA_FIELDS",
    "AREAS_IMMUTABLE",
    "AUTO_RENEWAL_CHOICES",
    "DELETE_REFUSED",
    "DURATION_CHOICES",
    "MAX_BANDWIDTH",
    "MIN_BANDWIDTH",
    "PACKAGE_STATUS_CONDITIONS",
    "BandwidthPackage",
    "BandwidthPackageQuerySet",
    "DeletionRefused",
    "Order",
    "add_months",
    "geographic_span",
    "is_cross_border",
    "new_package_id",
]
