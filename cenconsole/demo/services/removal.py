"""Removing an account's data (Reset demo, the sandbox purge). This is the one path that drops
bandwidth package rows, which every other path refuses (model, queryset, PROTECT): it runs only for
sandbox accounts and the accounts the seeder made (is_demo). REMOVED_MODELS names every model it drops
rows of; a test walks the models and fails when one tied to an account, a CEN instance or a package is
neither there nor named as kept."""

from collections import Counter
from datetime import timedelta

from django.contrib.auth import get_user_model
from django.db import models, transaction
from django.db.models import Q

from cenconsole.accounts.models import LedgerEntry, signup_credit
from cenconsole.accounts.services import account_state_changed
from cenconsole.addressing.models import (
    PrefixListAssociation,
    TransitRouterCidr,
    TransitRouterCidrAllocation,
    TransitRouteTableAggregation,
)
from cenconsole.api.models import AccessKey, ClientToken, ConnectionDirection, RequestCount
from cenconsole.audit.models import AuditRecord
from cenconsole.audit.services import audit_record
from cenconsole.bandwidth.models import BandwidthPackage, Order
from cenconsole.cen.models import CenInstance
from cenconsole.core import clock
from cenconsole.core.errors import refusal
from cenconsole.flowlogs.models import FlowLog
from cenconsole.grants.models import GrantRule
from cenconsole.healthchecks.models import VbrHealthCheck
from cenconsole.multicast.models import (
    MulticastAssociation,
    MulticastDomain,
    MulticastGroupResource,
    NetworkInterface,
)
from cenconsole.networks.models import NetworkInstance, RegionConnection, VpcRouteEntry
from cenconsole.privatezones.models import PrivateZoneRoute, RouteService
from cenconsole.products.models import ProductResource
from cenconsole.qos.models import InterRegionQosPolicy, InterRegionQosQueue, TrafficMarkingPolicy, TrafficMatchRule
from cenconsole.routemaps.models import RouteMap
from cenconsole.tags.models import Tag
from cenconsole.tickets.models import DeletionTicket, EmailNotification, TicketMessage
from cenconsole.transit.models import (
    RouteTableLink,
    TransitRouter,
    TransitRouterEcrAttachment,
    TransitRouterPeerAttachment,
    TransitRouterRouteEntry,
    TransitRouterRouteTable,
    TransitRouterService,
    TransitRouterVbrAttachment,
    TransitRouterVpcAttachment,
    TransitRouterVpnAttachment,
)

from ..messages import DEMO_ONLY
from ..signals import reset_seed
from .seed import DEMO_CEN_NAME, DEMO_PACKAGES, account_seed

# Every model account_data_remove drops rows of (Reset demo and the sandbox purge), children first.
# tests/demo/test_removal_covers_every_model.py walks the models: one tied to an account, a CEN instance
# or a package (by a foreign key, directly or through others) must be here or named there as kept.
REMOVED_MODELS = (
    InterRegionQosQueue,
    InterRegionQosPolicy,
    TrafficMatchRule,
    TrafficMarkingPolicy,
    TicketMessage,
    EmailNotification,
    DeletionTicket,
    RegionConnection,
    ConnectionDirection,
    PrivateZoneRoute,
    RouteService,
    VpcRouteEntry,
    GrantRule,
    NetworkInstance,
    MulticastGroupResource,
    MulticastAssociation,
    MulticastDomain,
    NetworkInterface,
    RouteMap,
    FlowLog,
    VbrHealthCheck,
    TransitRouterCidrAllocation,
    TransitRouterCidr,
    PrefixListAssociation,
    TransitRouteTableAggregation,
    RouteTableLink,
    TransitRouterRouteEntry,
    TransitRouterRouteTable,
    TransitRouterEcrAttachment,
    TransitRouterVpnAttachment,
    TransitRouterVbrAttachment,
    TransitRouterPeerAttachment,
    TransitRouterVpcAttachment,
    TransitRouter,
    TransitRouterService,
    Tag,
    Order,
    BandwidthPackage,
    CenInstance,
    ProductResource,
    ClientToken,
    RequestCount,
    LedgerEntry,
    AccessKey,
    AuditRecord,
)


def is_demo_account(account) -> bool:
    """Sandboxes and the accounts the demo seeder made (is_demo, whatever their username): the accounts
    Reset demo and Advance time work on."""
    return bool(account.is_authenticated and not account.is_staff and (account.is_sandbox or account.is_demo))


def account_rows_lock(account_id) -> None:
    """Locks what the account holds in the order every other path locks it: its packages first (Pay,
    Request Deletion and Approve each lock a package before anything else), then its tickets, orders
    and CEN instances. The account's own row comes after them (demo_account_locked), as it does in a
    payment's or refund's balance change: Reset demo, the purge and Advance time wait for a running
    approval or payment instead of deadlocking with it."""
    for rows in (
        BandwidthPackage.objects.filter(owner_id=account_id),
        DeletionTicket.objects.filter(requester_id=account_id),
        Order.objects.filter(owner_id=account_id),
        CenInstance.objects.filter(owner_id=account_id),
    ):
        list(rows.select_for_update().order_by("pk").values_list("pk", flat=True))


def demo_account_locked(account_id):
    """The account, locked, if it is a sandbox or the demo account (read again from the database, so
    a stale object can never widen the check); refused otherwise. What it holds is locked first, in
    the order every other path locks it (account_rows_lock)."""
    if not is_demo_account(get_user_model().objects.get(pk=account_id)):
        raise refusal(DEMO_ONLY, "demo_only")
    account_rows_lock(account_id)
    account = get_user_model().objects.select_for_update().get(pk=account_id)
    if not is_demo_account(account):
        raise refusal(DEMO_ONLY, "demo_only")
    return account


def _raw_delete(queryset: models.QuerySet) -> int:
    """Drops the rows without Django's delete() (no signals, no cascades collected): the only way
    past BandwidthPackage's refusing delete(). Callers remove every referring row first."""
    return queryset._raw_delete(queryset.db) or 0


def _transit_remove(account) -> int:
    """The account's Enterprise Edition rows, children first (raw deletes collect no cascades)."""
    qos_policies = InterRegionQosPolicy.objects.filter(owner=account)
    _raw_delete(InterRegionQosQueue.objects.filter(policy__in=qos_policies))
    _raw_delete(qos_policies)
    marking_policies = TrafficMarkingPolicy.objects.filter(owner=account)
    _raw_delete(TrafficMatchRule.objects.filter(policy__in=marking_policies))
    _raw_delete(marking_policies)
    domains = MulticastDomain.objects.filter(owner=account)
    _raw_delete(MulticastGroupResource.objects.filter(Q(domain__in=domains) | Q(peer_domain__in=domains)))
    _raw_delete(MulticastAssociation.objects.filter(owner=account))
    _raw_delete(domains)
    _raw_delete(NetworkInterface.objects.filter(owner=account))
    routers = TransitRouter.objects.filter(owner=account)
    _raw_delete(TransitRouterCidrAllocation.objects.filter(cidr_block__transit_router__in=routers))
    _raw_delete(TransitRouterCidr.objects.filter(transit_router__in=routers))
    _raw_delete(PrefixListAssociation.objects.filter(transit_router__in=routers))
    _raw_delete(TransitRouteTableAggregation.objects.filter(route_table__transit_router__in=routers))
    _raw_delete(RouteTableLink.objects.filter(transit_router__in=routers))
    _raw_delete(TransitRouterRouteEntry.objects.filter(route_table__transit_router__in=routers))
    _raw_delete(TransitRouterRouteTable.objects.filter(transit_router__in=routers))
    _raw_delete(TransitRouterPeerAttachment.objects.filter(owner=account))
    for model in (TransitRouterEcrAttachment, TransitRouterVpnAttachment, TransitRouterVbrAttachment):
        _raw_delete(model.objects.filter(owner=account))
    _raw_delete(TransitRouterVpcAttachment.objects.filter(owner=account))
    _raw_delete(TransitRouterService.objects.filter(owner=account))
    return _raw_delete(routers)


def account_data_remove(account, *, access_keys: bool) -> Counter:
    """Removes what the (locked, checked) account owns: tickets with their messages and emails, region
    connections, networks, tags, orders, packages, CEN instances, client tokens, ledger entries, the
    audit records about them, and with `access_keys` its AccessKeys. Returns how many of each it removed."""
    if not (account.is_sandbox or account.is_demo):  # never widen
        raise refusal(DEMO_ONLY, "demo_only")
    held = Counter()
    packages = BandwidthPackage.objects.filter(owner=account)
    cen_instances = CenInstance.objects.filter(owner=account)
    package_ids = list(packages.values_list("pk", flat=True))
    cen_ids = list(cen_instances.values_list("pk", flat=True))
    tickets = DeletionTicket.objects.filter(Q(requester=account) | Q(package_id__in=package_ids))
    connections = RegionConnection.objects.filter(Q(cen_instance_id__in=cen_ids) | Q(package_id__in=package_ids))
    connection_ids = list(connections.values_list("pk", flat=True))
    orders = Order.objects.filter(owner=account)
    networks = NetworkInstance.objects.filter(owner=account)
    route_entries = VpcRouteEntry.objects.filter(owner=account)
    grant_rules = GrantRule.objects.filter(Q(owner=account) | Q(cen_owner=account))
    targets = {
        "GrantRule": [str(pk) for pk in grant_rules.values_list("pk", flat=True)],
        "VpcRouteEntry": list(route_entries.values_list("pk", flat=True)),
        "DeletionTicket": [str(pk) for pk in tickets.values_list("pk", flat=True)],
        "RegionConnection": [str(pk) for pk in connection_ids],
        "NetworkInstance": list(networks.values_list("pk", flat=True)),
        "Order": [str(pk) for pk in orders.values_list("pk", flat=True)],
        "BandwidthPackage": package_ids,
        "CenInstance": cen_ids,
    }
    ticket_ids = list(tickets.values_list("pk", flat=True))
    _raw_delete(TicketMessage.objects.filter(Q(ticket_id__in=ticket_ids) | Q(author=account)))
    _raw_delete(EmailNotification.objects.filter(ticket_id__in=ticket_ids))
    held["tickets"] = _raw_delete(tickets)
    held["region connections"] = _raw_delete(connections)
    _raw_delete(ConnectionDirection.objects.filter(connection_id__in=connection_ids))
    _raw_delete(PrivateZoneRoute.objects.filter(owner=account))
    _raw_delete(RouteService.objects.filter(owner=account))
    held["route entries"] = _raw_delete(route_entries)
    held["grant rules"] = _raw_delete(grant_rules)
    held["network instances"] = _raw_delete(networks)
    held["route maps"] = _raw_delete(RouteMap.objects.filter(owner=account))
    held["flow logs"] = _raw_delete(FlowLog.objects.filter(owner=account))
    held["health checks"] = _raw_delete(VbrHealthCheck.objects.filter(owner=account))
    held["transit routers"] = _transit_remove(account)
    held["other products' resources"] = _raw_delete(ProductResource.objects.filter(owner=account))
    held["tags"] = _raw_delete(Tag.objects.filter(owner=account))
    held["orders"] = _raw_delete(orders)
    held["bandwidth packages"] = _raw_delete(packages)
    held["CEN instances"] = _raw_delete(cen_instances)
    _raw_delete(ClientToken.objects.filter(owner=account))
    held["other products' resources"] = _raw_delete(ProductResource.objects.filter(owner=account))
    held["ledger entries"] = _raw_delete(LedgerEntry.objects.filter(account=account))
    about = Q(pk__in=[])
    for target_type, ids in targets.items():
        if ids:
            about |= Q(target_type=target_type, target_id__in=ids)
    if access_keys:
        keys = AccessKey.objects.filter(owner=account)
        about |= Q(target_type="AccessKey", target_id__in=list(keys.values_list("pk", flat=True))) | Q(actor=account)
        held["AccessKeys"] = keys.count()
        keys.delete()  # their used nonces go with them (CASCADE)
    _raw_delete(AuditRecord.objects.filter(about))
    return held


def held_note(held: Counter) -> str:
    return ", ".join(f"{count} {what}" for what, count in held.items() if count) or "nothing"


# Reset demo ---------------------------------------------------------------------------------------


def demo_reset(*, account) -> CenInstance:
    """Reset demo: the account back to its seeded state on real time (clock offset 0, the demo credit
    as its only ledger entry), keeping the seeded CEN instance's and packages' IDs so bookmarks still
    work. Only for sandboxes and the demo account; its AccessKeys are kept."""
    with transaction.atomic(), clock.account_time(None):
        account = demo_account_locked(account.pk)
        seeded = CenInstance.objects.filter(owner=account, name=DEMO_CEN_NAME).order_by("created_at").first()
        package_ids = dict(
            BandwidthPackage.objects.filter(owner=account, name__in=[p[0] for p in DEMO_PACKAGES])
            .order_by("created_at")
            .values_list("name", "pk")
        )
        held = account_data_remove(account, access_keys=False)
        credit = signup_credit()
        type(account).objects.filter(pk=account.pk).update(balance=credit, clock_offset=timedelta(0))
        account.balance, account.clock_offset = credit, timedelta(0)
        LedgerEntry.objects.create(
            account=account,
            kind=LedgerEntry.Kind.OPENING_CREDIT,
            amount=credit,
            balance_after=credit,
            description="Opening credit (demo reset)",
        )
        seed = next((answer for _, answer in reset_seed.send(sender=None, account=account) if answer), account_seed)
        cen_instance = seed(owner=account, cen_id=seeded.pk if seeded else None, package_ids=package_ids)
        account_state_changed(owner=account)
        audit_record(actor=account, action="demo.reset", target=account, note=f"Removed {held_note(held)}.")
        return cen_instance
