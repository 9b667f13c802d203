"""The starting states of a workshop's sandboxes: one function each, in one registry. Each builds its
state through the real services, as the demo's seed does (cenconsole/demo/services/seed.py), on the clock
it is called on (real time when a trainee joins or is reset). Adding a scenario is one decorated
function: it is then offered on the New workshop form, seeded on joining and put back by Reset.

A scenario is called as seed(owner=, cen_id=, package_ids=) and returns the CEN instance the tour
starts from; `cen_id` gives back the ID the sample CEN instance of a reset account had (bookmarks
still work); `package_ids` is Reset demo's and unused here (packages are bought anew)."""

import secrets
from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta

from django.db import transaction
from django.utils.translation import gettext_lazy as _

from cenconsole.bandwidth import services as bandwidth_services
from cenconsole.cen.models import CenInstance, new_cen_id
from cenconsole.core import clock
from cenconsole.demo.services import DEMO_CEN_NAME, DEMO_NETWORKS, cen_instances_ensure
from cenconsole.networks import services as network_services
from cenconsole.tickets import services as ticket_services

from .tour import PURCHASE, TRANSIT, Tour, tour_of

# Orders a scenario places carry this prefix in their idempotency key, and its ticket this reason: the
# board counts only what the trainee did.
SEED_ORDER_PREFIX = "workshop-seed:"
SEED_TICKET_REASON = "Opened by the workshop's Deletion request scenario."
BIG_ACCOUNT_INSTANCES = 500


@dataclass(frozen=True)
class Scenario:
    key: str
    label: object
    description: object
    seed: Callable
    tour_key: str = PURCHASE

    @property
    def tour(self) -> Tour:
        """The guided tour a trainee starts from (its steps page after Join workshop), whose stops the board counts."""
        return tour_of(self.tour_key)


SCENARIOS: dict[str, Scenario] = {}


def scenario(key, label, description, tour=PURCHASE):
    def register(seed):
        SCENARIOS[key] = Scenario(
            key=key, label=label, description=description, seed=transaction.atomic(seed), tour_key=tour
        )
        return seed

    return register


def scenario_choices():
    return [(item.key, item.label) for item in SCENARIOS.values()]


def _cen_instance(*, owner, cen_id):
    """The sample CEN instance with VPCs in Mainland China and North America, like the demo's."""
    cen_instance = CenInstance.objects.create(
        id=cen_id or new_cen_id(), owner=owner, name=DEMO_CEN_NAME, description="Sample CEN instance"
    )
    for name, region in DEMO_NETWORKS:
        network_services.network_instance_attach(
            owner=owner, cen_instance_id=cen_instance.pk, region_code=region, name=name
        )
    return cen_instance


def _package_buy(*, owner, cen_instance, name, area_a, area_b, expires_in, bandwidth=2, cross_border=False):
    """A package (2 Mbps unless said; cross_border: between Mainland China and another area, its agreement
    read) bought and paid through the real services (auto-renewal off), its expiration and paid term then
    moved as if time had passed."""
    order = bandwidth_services.order_create_purchase(
        owner=owner,
        idempotency_key=f"{SEED_ORDER_PREFIX}{name}:{secrets.token_hex(8)}",
        terms_agreed=True,
        cen_instance_id=cen_instance.pk,
        area_a_code=area_a,
        area_b_code=area_b,
        bandwidth=bandwidth,
        name=name,
        **({"cross_border_agreed": True} if cross_border else {}),
        duration_months=1,
    )
    order = bandwidth_services.order_pay(owner=owner, order_id=order.pk)
    return bandwidth_services.paid_package_backdate(order=order, expires_at=clock.now() + expires_in)


@scenario(
    "fresh",
    _("Fresh account"),
    _("A CEN instance with VPCs in Mainland China and North America; nothing bought."),
)
def fresh_account(*, owner, cen_id=None, package_ids=None):
    return _cen_instance(owner=owner, cen_id=cen_id)


@scenario(
    "renewal-due",
    _("Renewal due"),
    _("A CEN instance with a bandwidth package that expires within the hour, auto-renewal off."),
)
def renewal_due(*, owner, cen_id=None, package_ids=None):
    cen_instance = _cen_instance(owner=owner, cen_id=cen_id)
    _package_buy(
        owner=owner,
        cen_instance=cen_instance,
        name="renewal-due",
        area_a="Asia-Pacific",
        area_b="Europe",
        expires_in=timedelta(minutes=45),
    )
    return cen_instance


@scenario(
    "deletion-request",
    _("Deletion request"),
    _("A CEN instance with a bandwidth package whose deletion ticket is pending."),
)
def deletion_request(*, owner, cen_id=None, package_ids=None):
    cen_instance = _cen_instance(owner=owner, cen_id=cen_id)
    package = _package_buy(
        owner=owner,
        cen_instance=cen_instance,
        name="deletion-request",
        area_a="North-America",
        area_b="Europe",
        expires_in=timedelta(days=20),
    )
    # A practice ticket: out of the staff's queue and emailing nobody, so a room's worth of made-up
    # tickets never reaches the desk, and no staff work releases the trainee's package.
    ticket_services.ticket_open(requester=owner, package_id=package.pk, reason=SEED_TICKET_REASON, practice=True)
    return cen_instance


@scenario(
    "big-account",
    _("Big account"),
    _("500 CEN instances (the sample one first); nothing bought."),
)
def big_account(*, owner, cen_id=None, package_ids=None):
    # The bulk ones first (dated up to now), so the sample one is the newest: first on the Instances page.
    cen_instances_ensure(owner=owner, count=BIG_ACCOUNT_INSTANCES - 1, name_prefix="cen")
    return _cen_instance(owner=owner, cen_id=cen_id)


@scenario(
    "transit-tour",
    _("Connect VPCs through transit routers"),
    _(
        "A CEN instance with a paid 10 Mbps bandwidth package between Mainland China and North America, and no "
        "transit router yet: the guided tour connects a VPC in China (Hangzhou) and one in US (Virginia)."
    ),
    tour=TRANSIT,
)
def transit_tour(*, owner, cen_id=None, package_ids=None):
    # The sample CEN instance (its VPCs attached on the Networks tab stay there: the tour connects two
    # more VPCs, as a VPC is attached either way, never both); the package the inter-region connection
    # draws its bandwidth from covers both regions' areas, for a month.
    cen_instance = _cen_instance(owner=owner, cen_id=cen_id)
    _package_buy(
        owner=owner,
        cen_instance=cen_instance,
        name="transit-tour",
        area_a="China",
        area_b="North-America",
        expires_in=timedelta(days=30),
        bandwidth=10,
        cross_border=True,
    )
    return cen_instance
