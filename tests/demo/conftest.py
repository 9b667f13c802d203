from datetime import timedelta

import pytest

from cenconsole.api import services as api_services
from cenconsole.bandwidth import services as bandwidth_services
from cenconsole.demo import services as demo
from cenconsole.networks import services as network_services
from cenconsole.tags import services as tag_services
from tests.factories import CenInstanceFactory, UserFactory, buy_package, open_ticket


@pytest.fixture
def sandbox(db):
    """A sandbox account, made as Try the console makes one."""
    return demo.sandbox_create(ip_address=None)


@pytest.fixture
def demo_account(db):
    """The `demo` account, seeded as seed_demo seeds it."""
    return demo.demo_ensure()[1]


def give_everything(owner):
    """Gives the account one of everything an account can own beyond the seed: a CEN instance with a
    bound package, a VPC, a region connection, a tag, an open deletion ticket, an unpaid order and an
    AccessKey. Returns the package."""
    cen_instance = CenInstanceFactory(owner=owner)
    package = buy_package(cen_instance, area_a_code="China", area_b_code="China", bandwidth=10)
    network_services.network_instance_attach(
        owner=owner, cen_instance_id=cen_instance.pk, region_code="cn-hangzhou", name="vpc"
    )
    network_services.region_connection_set(
        owner=owner,
        cen_instance_id=cen_instance.pk,
        package_id=package.pk,
        local_region_code="cn-hangzhou",
        opposite_region_code="cn-beijing",
        bandwidth=2,
    )
    tag_services.tags_add(owner=owner, resource_type="cen", resources=[cen_instance], tags=[("team", "demo")])
    open_ticket(package)
    bandwidth_services.order_create_purchase(
        terms_agreed=True,
        owner=owner,
        idempotency_key=f"unpaid-{owner.pk}",
        cen_instance_id=cen_instance.pk,
        area_a_code="Europe",
        area_b_code="Europe",
        bandwidth=2,
        name="unpaid",
        duration_months=1,
    )
    api_services.access_key_create(owner=owner)
    return package


@pytest.fixture
def regular_account(db):
    """An ordinary account holding one of everything, like a sandbox's."""
    owner = UserFactory()
    give_everything(owner)
    return owner


ONE_MONTH = timedelta(days=30)
