import pytest

from cenconsole.bandwidth import services as bandwidth_services
from cenconsole.bandwidth.models import PACKAGE_STATUS_CONDITIONS, BandwidthPackage
from cenconsole.tickets import services as ticket_services
from tests.factories import buy_package, open_ticket, support_staff

pytestmark = pytest.mark.django_db


def test_status_conditions_select_exactly_the_packages_with_that_status(user, cen_instance):
    """Filtering by a status's condition finds the packages whose status property says so."""
    in_use = buy_package(cen_instance, area_a_code="China", area_b_code="China")
    idle = buy_package(cen_instance, area_a_code="Europe", area_b_code="Europe")
    bandwidth_services.package_unbind(owner=user, package_id=idle.pk)
    released = buy_package(cen_instance, area_a_code="Asia-Pacific", area_b_code="Europe")
    ticket_services.ticket_approve(ticket_id=open_ticket(released).pk, staff=support_staff())
    expected = {"InUse": {in_use.pk}, "Idle": {idle.pk}, "Released": {released.pk}}
    for status, condition in PACKAGE_STATUS_CONDITIONS.items():
        found = BandwidthPackage.objects.filter(condition)
        assert set(found.values_list("pk", flat=True)) == expected[status]
        assert {package.status for package in found} == {status}
