"""The one budget rule of a bandwidth package: its region connections and the inter-region
connections drawn from it use together at most its bandwidth. Every change of a package's bandwidth
use takes the package's row lock first (locked_bound_package), so two requests racing for its last
megabits are served one after the other."""

from django.db.models import Sum

from cenconsole.bandwidth.models import BandwidthPackage
from cenconsole.core.errors import field_error

from ..messages import BANDWIDTH_EXCEEDS_REMAINING, PACKAGE_EXPIRED, UNKNOWN_PACKAGE


def locked_bound_package(*, owner, cen_instance, package_id) -> BandwidthPackage:
    """The package bound to cen_instance (not expired), its row locked until the transaction ends:
    what every change of the package's bandwidth use takes first."""
    package = (
        BandwidthPackage.objects.active()
        .select_for_update(of=("self",))
        .select_related("area_a", "area_b")
        .filter(owner=owner, cen_instance=cen_instance, pk=package_id)
        .first()
    )
    if package is None:
        raise field_error("package", UNKNOWN_PACKAGE, "unknown_package")
    refuse_expired(package)
    return package


def refuse_expired(package: BandwidthPackage) -> None:
    """An expired (FinancialLocked) package's connections are frozen until it is renewed."""
    if package.is_expired:
        raise field_error("package", PACKAGE_EXPIRED, "package_expired", package_id=package.pk)


def package_bandwidth_used(*, package, excluding_connection=None, excluding_peer_attachment=None) -> int:
    """The one budget rule's sum: what the package's region connections and the inter-region
    connections drawn from it (Enterprise Edition: the transit app's rows, read through the relation,
    until they are being deleted) use together."""
    connections = package.region_connections.all()
    if excluding_connection is not None:
        connections = connections.exclude(pk=excluding_connection.pk)
    peers = package.transit_peer_attachments.filter(deleted_at__isnull=True)
    if excluding_peer_attachment is not None:
        peers = peers.exclude(pk=excluding_peer_attachment.pk)
    return (connections.aggregate(used=Sum("bandwidth"))["used"] or 0) + (
        peers.aggregate(used=Sum("bandwidth"))["used"] or 0
    )


def package_budget_check(*, package, bandwidth: int, excluding_connection=None, excluding_peer_attachment=None) -> None:
    """The budget rule: a package's region connections and inter-region connections together use at
    most its bandwidth. Call it with the package's row locked (locked_bound_package)."""
    used = package_bandwidth_used(
        package=package, excluding_connection=excluding_connection, excluding_peer_attachment=excluding_peer_attachment
    )
    if used + bandwidth > package.bandwidth:
        raise field_error(
            "bandwidth",
            BANDWIDTH_EXCEEDS_REMAINING,
            "bandwidth_exceeds_remaining",
            package_id=package.pk,
            available=max(package.bandwidth - used, 0),
            total=package.bandwidth,
            used=used,
        )
