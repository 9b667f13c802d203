"""Reset demo and the sandbox purge remove every row tied to the account: a model that refers to an
account (directly, or through a CEN instance, a package or any other row) is either in the removal's
REMOVED_MODELS or named below as kept, with the reason; and a sandbox holding every kind of row the
services make keeps none of them after the purge."""

import pytest
from django.apps import apps
from django.contrib.admin.models import LogEntry
from django.contrib.auth import get_user_model

from cenconsole.accounts.uids import account_uid
from cenconsole.api import services as api_services
from cenconsole.api.models import AccessKey, SignatureNonce
from cenconsole.audit.models import AuditRecord
from cenconsole.demo import services as demo
from cenconsole.grants import services as grant_services
from cenconsole.tags import services as tag_services
from cenconsole.workshops.models import Trainee, Workshop
from tests.factories import CenInstanceFactory, UserFactory, buy_package, open_ticket
from tests.multicast.objects import multicast_objects
from tests.qos.objects import qos_objects
from tests.routemaps.objects import routing_objects
from tests.transit.objects import transit_objects

User = get_user_model()

# Tied to an account but, by design, not removed with a demo account's data.
KEPT = {
    LogEntry: "the admin's log of staff actions (demo accounts and sandboxes are never staff)",
    Workshop: "a facilitator's (staff), not a demo account's",
    Trainee: "the workshop's roster: its account is set to NULL when the sandbox goes",
    SignatureNonce: "goes with its AccessKey (CASCADE) when the purge deletes the keys",
}


def account_paths(model, depth=4, seen=()):
    """Every lookup path from `model` to an account's primary key along concrete foreign keys
    ("owner", "cen_instance__owner", "ticket__requester", ...)."""
    if depth == 0:
        return []
    paths = []
    for field in model._meta.concrete_fields:
        if not field.is_relation or field.related_model is None:
            continue
        target = field.related_model
        if target is User:
            paths.append(field.name)
        elif target not in seen and target is not model:
            paths += [f"{field.name}__{rest}" for rest in account_paths(target, depth - 1, (*seen, model))]
    return paths


def tied_models():
    return {model: account_paths(model) for model in apps.get_models() if model is not User and account_paths(model)}


def rows_of(account):
    """The primary keys of every row tied to `account`, by model (only models with some)."""
    found = {}
    for model, paths in tied_models().items():
        pks = set()
        for path in paths:
            pks |= set(model._default_manager.filter(**{path: account.pk}).values_list("pk", flat=True))
        if pks:
            found[model] = pks
    return found


def left_of(rows):
    return {
        model._meta.label: pks & set(model._default_manager.filter(pk__in=pks).values_list("pk", flat=True))
        for model, pks in rows.items()
        if model._default_manager.filter(pk__in=pks).exists()
    }


def sandbox_with_everything():
    """A sandbox holding every kind of row the services make: the seeded CEN instance, VPCs, packages,
    orders, ledger and Enterprise Edition example; a second CEN instance with a China package, transit
    routers and their connections, a route map, a VBR health check (and the VBR's record) and a flow
    log; a ticket with its thread; a tag; an AccessKey;
    a ClientToken; a multicast domain with a vSwitch, a member and a source; a traffic marking policy
    with a rule and a QoS policy with a queue; another account's VPC granted to its CEN instance; audit
    records of all that."""
    sandbox = demo.sandbox_create(ip_address=None)
    cen_instance = sandbox.cen_instances.get()
    # The seed's own transit router is in cn-shanghai, where transit_objects makes one too: the
    # sandbox's second CEN instance holds those.
    second = CenInstanceFactory(owner=sandbox)
    package = buy_package(second, area_a_code="China", area_b_code="China", bandwidth=10)
    transit = transit_objects(owner=sandbox, cen_instance=second, package=package)
    routing_objects(owner=sandbox, cen_instance=second, router_id=transit["router_id"])
    multicast_objects(owner=sandbox, cen_instance=second)
    qos_objects(owner=sandbox, router_id=transit["router_id"], peer_attachment_id=transit["peer_attachment_id"])
    grant_services.grant_rule_create(
        owner=UserFactory(),
        instance_type="VPC",
        instance_id="vpc-granted0001",
        region_code="cn-hangzhou",
        cen_id=cen_instance.pk,
        cen_owner_uid=str(account_uid(sandbox.pk)),
    )
    open_ticket(demo_package(sandbox))
    tag_services.tags_add(owner=sandbox, resource_type="cen", resources=[cen_instance], tags=[("team", "demo")])
    api_services.access_key_create(owner=sandbox)
    api_services.client_token_once(
        owner=sandbox, action="CreateCen", token="t-1", create=lambda: cen_instance.pk, fingerprint=""
    )
    return sandbox


def demo_package(account):
    return account.bandwidth_packages.get(name="demo-expired")


def test_every_model_tied_to_an_account_is_removed_or_kept_on_purpose():
    """apps.get_models(): each model with a foreign key path to an account is in REMOVED_MODELS or KEPT."""
    missing = sorted(
        model._meta.label for model in tied_models() if model not in demo.REMOVED_MODELS and model not in KEPT
    )
    assert missing == []


@pytest.mark.django_db
def test_the_purge_leaves_no_row_tied_to_the_sandbox():
    """A sandbox with every kind of row, purged: none of the rows that were tied to it remains."""
    sandbox = sandbox_with_everything()
    rows = rows_of(sandbox)
    assert demo.sandbox_purge(account_id=sandbox.pk, note="test") == sandbox.username
    assert left_of(rows) == {}


@pytest.mark.django_db
def test_reset_demo_leaves_none_of_the_accounts_earlier_rows_but_its_access_keys():
    """Reset demo on that sandbox: every earlier row tied to it is gone but its AccessKeys and the
    audit records of its own actions (kept by design), and the seeded CEN instance's and packages' IDs,
    which the new seeded rows take back."""
    sandbox = sandbox_with_everything()
    seeded_ids = {
        "cen.CenInstance": {sandbox.cen_instances.get(name=demo.DEMO_CEN_NAME).pk},
        "bandwidth.BandwidthPackage": {
            demo_package(sandbox).pk,
            sandbox.bandwidth_packages.get(name="demo-expiring").pk,
        },
    }
    rows = rows_of(sandbox)
    demo.demo_reset(account=sandbox)
    left = left_of(rows)
    assert set(left) - {AccessKey._meta.label, AuditRecord._meta.label} == set(seeded_ids)
    assert {label: left[label] for label in seeded_ids} == seeded_ids
    assert AccessKey._meta.label in left


@pytest.mark.django_db
def test_the_sandbox_with_everything_holds_a_row_of_each_removed_model_it_can_reach():
    """The seeded sandbox above really holds rows of most removed models (so the purge test means something)."""
    sandbox = sandbox_with_everything()
    held = {model._meta.label for model in rows_of(sandbox)}
    assert held >= {
        "cen.CenInstance",
        "bandwidth.BandwidthPackage",
        "bandwidth.Order",
        "networks.NetworkInstance",
        "transit.TransitRouter",
        "routemaps.RouteMap",
        "healthchecks.VbrHealthCheck",
        "flowlogs.FlowLog",
        "products.ProductResource",
        "multicast.MulticastDomain",
        "multicast.MulticastGroupResource",
        "qos.TrafficMarkingPolicy",
        "qos.TrafficMatchRule",
        "qos.InterRegionQosPolicy",
        "qos.InterRegionQosQueue",
        "grants.GrantRule",
        "tickets.DeletionTicket",
        "tags.Tag",
        "api.AccessKey",
        "api.ClientToken",
        "accounts.LedgerEntry",
        "audit.AuditRecord",
    }
