"""Writes for multicast, by resource: domains, their vSwitch associations, and their groups' members
and sources; common holds what they share (the owned domain, its Active check, the group address).
Every caller (the API, the signal receivers) goes through these names."""

from ..messages import *  # noqa: F403 (callers name the messages beside the services that raise them)
from .associations import (
    MAX_VSWITCHES_PER_DOMAIN,
    multicast_domain_associate,
    multicast_domain_disassociate,
    refuse_attachment_delete_with_associations,
)
from .common import group_ip_clean
from .domains import (
    multicast_domain_create,
    multicast_domain_delete,
    multicast_domain_update,
    refuse_router_delete_with_domains,
)
from .groups import (
    ENI_ID_PATTERN,
    multicast_members_deregister,
    multicast_members_register,
    multicast_sources_deregister,
    multicast_sources_register,
)

__all__ = [
    "ENI_ID_PATTERN",
    "MAX_VSWITCHES_PER_DOMAIN",
    "group_ip_clean",
    "multicast_domain_associate",
    "multicast_domain_create",
    "multicast_domain_delete",
    "multicast_domain_disassociate",
    "multicast_domain_update",
    "multicast_members_deregister",
    "multicast_members_register",
    "multicast_sources_deregister",
    "multicast_sources_register",
    "refuse_attachment_delete_with_associations",
    "refuse_router_delete_with_domains",
]
