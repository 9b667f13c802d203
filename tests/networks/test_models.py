import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import ProtectedError

from cenconsole.networks.models import REGION_PAIR_TAKEN, RegionConnection

pytestmark = pytest.mark.django_db


def raw_connection(package, local_region_id, opposite_region_id, bandwidth=1):
    """A row written past the services, to show what the database itself refuses."""
    with transaction.atomic():
        return RegionConnection.objects.create(
            cen_instance_id=package.cen_instance_id,
            package=package,
            local_region_id=local_region_id,
            opposite_region_id=opposite_region_id,
            bandwidth=bandwidth,
        )


def test_database_refuses_the_same_region_on_both_ends(package):
    """region_connection_distinct_regions holds below the services."""
    with pytest.raises(IntegrityError):
        raw_connection(package, "cn-hangzhou", "cn-hangzhou")


def test_database_refuses_less_than_one_mbps(package):
    """region_connection_bandwidth_min holds below the services."""
    with pytest.raises(IntegrityError):
        raw_connection(package, "cn-hangzhou", "us-east-1", bandwidth=0)


def test_database_refuses_a_second_connection_for_the_reversed_pair(package):
    """one_connection_per_region_pair holds whichever region is stored as local."""
    raw_connection(package, "cn-hangzhou", "us-east-1")
    with pytest.raises(IntegrityError):
        raw_connection(package, "us-east-1", "cn-hangzhou")


def test_a_cen_instance_with_networks_cannot_be_deleted_by_cascade(cen_instance, attach):
    """Network instances protect their CEN instance's row."""
    attach(cen_instance, "cn-hangzhou")
    with pytest.raises(ProtectedError):
        cen_instance.delete()


def test_full_clean_reports_a_taken_pair_in_the_consoles_words(package, connect):
    """Model validation of the pair constraint uses the console's message, not Django's default."""
    connect(package, "cn-hangzhou", "us-east-1", 1)
    duplicate = RegionConnection(
        cen_instance_id=package.cen_instance_id,
        package=package,
        local_region_id="us-east-1",
        opposite_region_id="cn-hangzhou",
        bandwidth=1,
    )
    with pytest.raises(ValidationError) as excinfo:
        duplicate.full_clean()
    assert excinfo.value.messages == [REGION_PAIR_TAKEN]
