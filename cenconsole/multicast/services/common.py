"""What every multicast service shares: the owned domain (locked), its Active check, the group address
and IGMPv2 values."""

import ipaddress

from cenconsole.core.errors import field_error, refusal

from ..messages import DOMAIN_NOT_ACTIVE, GROUP_IP_FORMAT, IGMPV2_VALUE, UNKNOWN_MULTICAST_DOMAIN
from ..models import MULTICAST_NETWORK, RESERVED_FOR_SOURCES, MulticastDomain, MulticastGroupResource


def owned_domain(*, owner, domain_id: str, lock: bool = False, live: bool = True) -> MulticastDomain:
    """The owner's multicast domain (not being deleted, unless live is False), with its router and the
    router's region in the same read (its row locked when lock); else unknown_multicast_domain."""
    domains = MulticastDomain.objects.live() if live else MulticastDomain.objects.present()
    domains = domains.select_related("transit_router__region")
    if lock:
        domains = domains.select_for_update(of=("self",))
    domain = domains.filter(owner=owner, pk=domain_id, transit_router__deleted_at__isnull=True).first()
    if domain is None:
        raise field_error("multicast_domain", UNKNOWN_MULTICAST_DOMAIN, "unknown_multicast_domain")
    return domain


def refuse_unless_domain_active(domain: MulticastDomain, *, code: str = "multicast_domain_not_active") -> None:
    """The API names a domain that is not Active differently by action: `code` says which."""
    if not domain.is_active:
        raise refusal(DOMAIN_NOT_ACTIVE, code, domain_id=domain.pk, status=domain.status_label)


def group_ip_clean(value, *, role: str = MulticastGroupResource.Role.MEMBER) -> str:
    """A multicast group address in its one written form: 224.0.0.1 (a source's: 224.0.1.0) to
    239.255.255.254."""
    try:
        address = ipaddress.IPv4Address((value or "").strip())
    except ValueError:
        address = None
    reserved = RESERVED_FOR_SOURCES if role == MulticastGroupResource.Role.SOURCE else None
    if (
        address is None
        or address not in MULTICAST_NETWORK
        or address in (MULTICAST_NETWORK.network_address, MULTICAST_NETWORK.broadcast_address)
        or (reserved is not None and address in reserved)
    ):
        first = "224.0.1.0" if reserved is not None else "224.0.0.1"
        raise field_error("group_ip", GROUP_IP_FORMAT, "group_ip_format", first=first)
    return str(address)


def igmpv2_clean(value) -> bool | None:
    """Options.Igmpv2Support: enable or disable (None when not given)."""
    if value is None:
        return None
    if value not in ("enable", "disable"):
        raise field_error("igmpv2_support", IGMPV2_VALUE, "igmpv2_support_value")
    return value == "enable"
