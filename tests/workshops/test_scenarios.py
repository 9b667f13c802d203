"""The scenarios: each seeds, through the real services, the state it names; Reset puts it back."""

from datetime import timedelta

import pytest

from cenconsole.bandwidth.models import BandwidthPackage, Order
from cenconsole.cen.models import CenInstance
from cenconsole.core import clock
from cenconsole.demo import services as demo_services
from cenconsole.networks.models import NetworkInstance
from cenconsole.tickets.models import DeletionTicket, EmailNotification
from cenconsole.transit import services as transit_services
from cenconsole.transit.models import TransitRouter
from cenconsole.workshops.scenarios import SCENARIOS, scenario_choices
from tests.factories import buy_package, support_staff, trainee_join, workshop_new

pytestmark = pytest.mark.django_db


def seeded(scenario):
    return trainee_join(workshop_new(scenario=scenario)).account


def test_registry_offers_the_five_scenarios_in_order():
    """Fresh account, Renewal due, Deletion request, Big account and Connect VPCs through transit routers,
    one function each."""
    assert [str(label) for _, label in scenario_choices()] == [
        "Fresh account",
        "Renewal due",
        "Deletion request",
        "Big account",
        "Connect VPCs through transit routers",
    ]
    assert all(callable(item.seed) for item in SCENARIOS.values())


def test_fresh_account_has_a_cen_instance_and_nothing_bought():
    """A CEN instance with its VPCs; no package, no order, no ticket; the demo credit untouched."""
    account = seeded("fresh")
    assert CenInstance.objects.filter(owner=account).count() == 1
    assert NetworkInstance.objects.filter(owner=account).count() == 2
    assert not BandwidthPackage.objects.filter(owner=account).exists()
    assert not Order.objects.filter(owner=account).exists()
    assert not DeletionTicket.objects.filter(requester=account).exists()
    assert account.balance == 10000


def test_renewal_due_has_a_package_expiring_within_the_hour_without_auto_renewal():
    """One package, bought and paid, expiring within the hour, auto-renewal off."""
    account = seeded("renewal-due")
    package = BandwidthPackage.objects.get(owner=account)
    assert clock.now() < package.expires_at <= clock.now() + timedelta(hours=1)
    assert package.auto_renewal is False
    assert Order.objects.get(owner=account).is_paid


def test_deletion_request_has_a_package_with_a_pending_ticket():
    """One package whose deletion ticket is pending."""
    account = seeded("deletion-request")
    package = BandwidthPackage.objects.get(owner=account)
    ticket = DeletionTicket.objects.get(requester=account)
    assert ticket.package_id == package.pk
    assert ticket.status == DeletionTicket.Status.PENDING


def test_deletion_request_emails_nobody(django_capture_on_commit_callbacks, mailoutbox):
    """The scenario's ticket is staged: Support staff get no email about it."""
    staff = support_staff()
    staff.email = "support@example.com"
    staff.save()
    with django_capture_on_commit_callbacks(execute=True):
        account = seeded("deletion-request")
    assert DeletionTicket.objects.filter(requester=account).exists()
    assert not EmailNotification.objects.exists() and mailoutbox == []


def test_big_account_has_500_cen_instances_with_the_sample_one_first():
    """500 CEN instances, inserted in bulk; the sample instance is the newest (first on the Instances page)."""
    account = seeded("big-account")
    instances = CenInstance.objects.filter(owner=account)
    assert instances.count() == 500
    assert instances.order_by("-created_at").first().name == demo_services.DEMO_CEN_NAME


def test_transit_tour_has_a_package_between_china_and_north_america_and_no_transit_router():
    """The second tour's start: the sample CEN instance, a paid 10 Mbps package bound to it between
    Mainland China and North America (the regions of the tour's routers), and no transit router yet."""
    account = seeded("transit-tour")
    cen_instance = CenInstance.objects.get(owner=account)
    package = BandwidthPackage.objects.get(owner=account)
    assert (package.cen_instance_id, package.area_a_id, package.area_b_id) == (
        cen_instance.pk,
        "China",
        "North-America",
    )
    assert package.bandwidth == 10 and package.expires_at > clock.now() + timedelta(days=29)
    assert Order.objects.get(owner=account).is_paid
    assert not TransitRouter.objects.filter(owner=account).exists()
    assert SCENARIOS["transit-tour"].tour.url_name == "transit_tour"


def test_reset_demo_of_a_trainee_puts_back_the_scenario_not_the_demo_seed():
    """Reset demo (the top bar's, the same service as Reset everyone) on a trainee's sandbox seeds the
    workshop's scenario again, keeping the sample CEN instance's ID."""
    account = seeded("renewal-due")
    cen_instance = CenInstance.objects.get(owner=account)
    buy_package(cen_instance, area_a_code="China", area_b_code="China")
    demo_services.demo_reset(account=account)
    assert list(BandwidthPackage.objects.filter(owner=account).values_list("name", flat=True)) == ["renewal-due"]
    assert CenInstance.objects.get(owner=account).pk == cen_instance.pk


def test_reset_of_a_transit_tour_trainee_removes_what_the_tour_made():
    """Reset demo of a trainee who took the second tour part-way: the transit router goes, and the
    scenario's package is staged again, so the tour starts from its first router."""
    account = seeded("transit-tour")
    cen_instance = CenInstance.objects.get(owner=account)
    transit_services.transit_router_create(owner=account, cen_instance_id=cen_instance.pk, region_code="cn-hangzhou")
    demo_services.demo_reset(account=account)
    assert not TransitRouter.objects.filter(owner=account).exists()
    assert list(BandwidthPackage.objects.filter(owner=account).values_list("name", flat=True)) == ["transit-tour"]


def test_reset_demo_of_an_ordinary_sandbox_still_seeds_the_demo():
    """Sandboxes from Try the console are not trainees: Reset demo gives the demo's own state."""
    account = demo_services.sandbox_create(ip_address=None)
    demo_services.demo_reset(account=account)
    names = set(BandwidthPackage.objects.filter(owner=account).values_list("name", flat=True))
    assert names == {name for name, *_ in demo_services.DEMO_PACKAGES}
