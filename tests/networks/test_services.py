import re

import pytest
from django.core.exceptions import ValidationError

from cenconsole.audit.models import AuditRecord
from cenconsole.bandwidth import services as bandwidth_services
from cenconsole.networks import services
from cenconsole.networks.models import NetworkInstance, RegionConnection
from tests.factories import CenInstanceFactory, buy_package

pytestmark = pytest.mark.django_db


def field_errors(excinfo, field):
    return excinfo.value.message_dict[field]


# Network instances -------------------------------------------------------------------------------


def test_attach_creates_a_vpc_in_the_region(cen_instance, attach):
    """Attach Network Instance creates a VPC record with a vpc- id in the chosen region."""
    network = attach(cen_instance, "cn-hangzhou", name="web")
    assert re.fullmatch(r"vpc-[a-z0-9]+", network.instance_id)
    assert (network.region_id, network.name, network.network_type) == ("cn-hangzhou", "web", "VPC")
    assert network.cen_instance == cen_instance and network.owner == cen_instance.owner


def test_attach_refuses_an_unknown_region(cen_instance):
    """A region that is not in the seed's table is refused and nothing is created."""
    with pytest.raises(ValidationError) as excinfo:
        services.network_instance_attach(
            owner=cen_instance.owner, cen_instance_id=cen_instance.pk, region_code="mars-1"
        )
    assert field_errors(excinfo, "region") == [services.UNKNOWN_REGION]
    assert not NetworkInstance.objects.exists()


def test_attach_refuses_another_accounts_cen_instance(cen_instance, other_user):
    """Another account cannot attach a network instance to this account's CEN instance."""
    with pytest.raises(ValidationError) as excinfo:
        services.network_instance_attach(owner=other_user, cen_instance_id=cen_instance.pk, region_code="cn-hangzhou")
    assert field_errors(excinfo, "cen_instance_id") == [services.UNKNOWN_CEN]
    assert not NetworkInstance.objects.exists()


def test_attach_refuses_a_url_prefixed_name(cen_instance):
    """A name starting with http:// is refused, as for every other resource."""
    with pytest.raises(ValidationError) as excinfo:
        services.network_instance_attach(
            owner=cen_instance.owner, cen_instance_id=cen_instance.pk, region_code="cn-hangzhou", name="http://x"
        )
    assert "name" in excinfo.value.message_dict


def test_attach_refuses_a_network_type_other_than_vpc(cen_instance):
    """VPC is the only network type."""
    with pytest.raises(ValidationError) as excinfo:
        services.network_instance_attach(
            owner=cen_instance.owner, cen_instance_id=cen_instance.pk, region_code="cn-hangzhou", network_type="VBR"
        )
    assert field_errors(excinfo, "network_type") == [services.UNKNOWN_NETWORK_TYPE]


def test_detach_removes_the_network_and_keeps_region_connections(cen_instance, package, attach, connect):
    """Detach removes the network instance; connections are between regions and stay."""
    network = attach(cen_instance, "cn-hangzhou")
    connect(package, "cn-hangzhou", "us-east-1", 6)
    services.network_instance_detach(owner=cen_instance.owner, network_id=network.pk)
    assert not NetworkInstance.objects.exists()
    assert RegionConnection.objects.count() == 1
    assert AuditRecord.objects.filter(action="network.detached", target_id=network.pk).exists()


def test_detach_refuses_another_accounts_network(cen_instance, other_user, attach):
    """Another account's network instance is not found."""
    network = attach(cen_instance, "cn-hangzhou")
    with pytest.raises(NetworkInstance.DoesNotExist):
        services.network_instance_detach(owner=other_user, network_id=network.pk)


# Region connections ------------------------------------------------------------------------------


def test_set_creates_a_connection_on_the_package(package, connect):
    """Setting Hangzhou <-> Virginia at 6 Mbps creates one connection on the package."""
    connection = connect(package, "cn-hangzhou", "us-east-1", 6)
    assert (connection.local_region_id, connection.opposite_region_id) == ("cn-hangzhou", "us-east-1")
    assert (connection.package, connection.bandwidth) == (package, 6)
    assert connection.cen_instance_id == package.cen_instance_id
    assert connection.regions_label == "China (Hangzhou) ↔ US (Virginia)"


def test_set_stores_the_pair_in_the_seed_tables_order(package, connect):
    """Virginia -> Hangzhou is stored and shown as China (Hangzhou) ↔ US (Virginia)."""
    connection = connect(package, "us-east-1", "cn-hangzhou", 6)
    assert (connection.local_region_id, connection.opposite_region_id) == ("cn-hangzhou", "us-east-1")


def test_setting_a_pair_again_in_either_order_modifies_it(package, connect):
    """One connection per region pair: setting the reversed pair changes the existing connection."""
    first = connect(package, "cn-hangzhou", "us-east-1", 6)
    second = connect(package, "us-east-1", "cn-hangzhou", 8)
    assert second.pk == first.pk
    assert list(RegionConnection.objects.values_list("bandwidth", flat=True)) == [8]


def test_set_refuses_the_same_region_twice(package, connect):
    """Local and opposite region must differ."""
    with pytest.raises(ValidationError) as excinfo:
        connect(package, "cn-hangzhou", "cn-hangzhou", 1)
    assert field_errors(excinfo, "opposite_region") == [services.SAME_REGION]
    assert not RegionConnection.objects.exists()


def test_set_refuses_regions_the_package_does_not_cover(package, connect):
    """A Mainland China <-> North America package cannot carry Hangzhou <-> Shanghai."""
    with pytest.raises(ValidationError) as excinfo:
        connect(package, "cn-hangzhou", "cn-shanghai", 1)
    assert field_errors(excinfo, "opposite_region") == [
        services.REGIONS_NOT_COVERED
        % dict(
            package_id=package.pk,
            areas="Mainland China ↔ North America",
            regions="China (Hangzhou) ↔ China (Shanghai)",
        )
    ]
    assert not RegionConnection.objects.exists()


def test_set_refuses_a_region_outside_both_areas(package, connect):
    """Frankfurt is in Europe, which the package does not connect."""
    with pytest.raises(ValidationError) as excinfo:
        connect(package, "eu-central-1", "us-east-1", 1)
    assert "opposite_region" in excinfo.value.message_dict


def test_set_refuses_an_unknown_region(package, connect):
    """A region id that is not in the seed's table is refused."""
    with pytest.raises(ValidationError) as excinfo:
        connect(package, "cn-hangzhou", "us-nowhere-9", 1)
    assert field_errors(excinfo, "opposite_region") == [services.UNKNOWN_REGION]


@pytest.mark.parametrize("bandwidth", [0, -1])
def test_set_refuses_less_than_one_mbps_for_a_new_pair(package, connect, bandwidth):
    """A new connection needs at least 1 Mbps."""
    with pytest.raises(ValidationError) as excinfo:
        connect(package, "cn-hangzhou", "us-east-1", bandwidth)
    assert field_errors(excinfo, "bandwidth") == [services.BANDWIDTH_TOO_LOW]
    assert not RegionConnection.objects.exists()


def test_set_refuses_a_bandwidth_that_is_not_a_whole_number(package, connect):
    """Bandwidth is whole Mbps."""
    with pytest.raises(ValidationError) as excinfo:
        connect(package, "cn-hangzhou", "us-east-1", 1.5)
    assert field_errors(excinfo, "bandwidth") == [services.BANDWIDTH_TOO_LOW]


def test_setting_zero_on_an_existing_connection_removes_it(package, connect):
    """Bandwidth 0 removes the connection, as the API's SetCenInterRegionBandwidthLimit does."""
    connect(package, "cn-hangzhou", "us-east-1", 6)
    assert connect(package, "us-east-1", "cn-hangzhou", 0) is None
    assert not RegionConnection.objects.exists()
    assert AuditRecord.objects.filter(action="package.connection_deleted", target_id=package.pk).exists()


def test_set_refuses_more_than_the_package_has_left(package, connect):
    """With 6 of 10 Mbps used, 5 Mbps is refused and the message says 4 Mbps remain."""
    connect(package, "cn-hangzhou", "us-east-1", 6)
    with pytest.raises(ValidationError) as excinfo:
        connect(package, "cn-shanghai", "us-west-1", 5)
    assert field_errors(excinfo, "bandwidth") == [
        services.BANDWIDTH_EXCEEDS_REMAINING % dict(package_id=package.pk, available=4, total=10, used=6)
    ]
    assert "only 4 Mbps remaining" in field_errors(excinfo, "bandwidth")[0]
    assert RegionConnection.objects.count() == 1


def test_set_accepts_exactly_what_remains(package, connect):
    """6 + 4 Mbps on a 10 Mbps package is allowed."""
    connect(package, "cn-hangzhou", "us-east-1", 6)
    connect(package, "cn-shanghai", "us-west-1", 4)
    assert sorted(RegionConnection.objects.values_list("bandwidth", flat=True)) == [4, 6]


def test_modifying_counts_the_connections_own_bandwidth_as_available(package, connect):
    """A 6 Mbps connection on a 10 Mbps package can be raised to 10 Mbps."""
    connect(package, "cn-hangzhou", "us-east-1", 6)
    assert connect(package, "cn-hangzhou", "us-east-1", 10).bandwidth == 10


def test_modifying_beyond_the_package_is_refused_and_keeps_the_old_bandwidth(package, connect):
    """Raising a connection past the package's bandwidth leaves it unchanged."""
    connect(package, "cn-hangzhou", "us-east-1", 6)
    with pytest.raises(ValidationError):
        connect(package, "cn-hangzhou", "us-east-1", 11)
    assert RegionConnection.objects.get().bandwidth == 6


def test_set_refuses_another_accounts_package(package, other_user):
    """Another account cannot spend this account's package, even on its own CEN instance."""
    other_cen = CenInstanceFactory(owner=other_user)
    with pytest.raises(ValidationError) as excinfo:
        services.region_connection_set(
            owner=other_user,
            cen_instance_id=other_cen.pk,
            package_id=package.pk,
            local_region_code="cn-hangzhou",
            opposite_region_code="us-east-1",
            bandwidth=1,
        )
    assert field_errors(excinfo, "package") == [services.UNKNOWN_PACKAGE]


def test_set_refuses_another_accounts_cen_instance(package, other_user):
    """Another account's CEN instance is refused before anything else."""
    with pytest.raises(ValidationError) as excinfo:
        services.region_connection_set(
            owner=other_user,
            cen_instance_id=package.cen_instance_id,
            package_id=package.pk,
            local_region_code="cn-hangzhou",
            opposite_region_code="us-east-1",
            bandwidth=1,
        )
    assert field_errors(excinfo, "cen_instance_id") == [services.UNKNOWN_CEN]


def test_set_refuses_a_package_bound_to_another_cen_instance(package, user):
    """A package lends bandwidth only to the CEN instance it is bound to."""
    second_cen = CenInstanceFactory(owner=user)
    with pytest.raises(ValidationError) as excinfo:
        services.region_connection_set(
            owner=user,
            cen_instance_id=second_cen.pk,
            package_id=package.pk,
            local_region_code="cn-hangzhou",
            opposite_region_code="us-east-1",
            bandwidth=1,
        )
    assert field_errors(excinfo, "package") == [services.UNKNOWN_PACKAGE]


def test_set_is_audited_on_the_package(package, connect):
    """Each change of a connection is recorded on its package, with old and new bandwidth."""
    connect(package, "cn-hangzhou", "us-east-1", 6)
    connect(package, "cn-hangzhou", "us-east-1", 8)
    records = AuditRecord.objects.for_target(package).filter(action="package.connection_set")
    assert [r.changes for r in records] == [
        {"China (Hangzhou) ↔ US (Virginia)": [None, 6]},
        {"China (Hangzhou) ↔ US (Virginia)": [6, 8]},
    ]


def test_delete_removes_the_connection_and_frees_its_bandwidth(package, connect):
    """After Delete, the package's whole bandwidth is available again."""
    connection = connect(package, "cn-hangzhou", "us-east-1", 6)
    services.region_connection_delete(owner=package.owner, connection_id=connection.pk)
    assert not RegionConnection.objects.exists()
    assert connect(package, "cn-shanghai", "us-west-1", 10).bandwidth == 10
    assert AuditRecord.objects.filter(action="package.connection_deleted", target_id=package.pk).count() == 1


def test_delete_refuses_another_accounts_connection(package, connect, other_user):
    """Another account's connection is not found."""
    connection = connect(package, "cn-hangzhou", "us-east-1", 6)
    with pytest.raises(RegionConnection.DoesNotExist):
        services.region_connection_delete(owner=other_user, connection_id=connection.pk)
    assert RegionConnection.objects.exists()


def test_remove_for_package_removes_all_its_connections_in_one_audited_change(package, connect, user):
    """The ticket approval's hook removes every connection of the package and says how many."""
    connect(package, "cn-hangzhou", "us-east-1", 6)
    connect(package, "cn-shanghai", "us-west-1", 4)
    assert services.region_connections_remove_for_package(package=package, actor=user) == 2
    assert not RegionConnection.objects.exists()
    record = AuditRecord.objects.for_target(package).get(action="package.connections_removed")
    assert record.changes == {
        "China (Hangzhou) ↔ US (Virginia)": [6, None],
        "China (Shanghai) ↔ US (Silicon Valley)": [4, None],
    }


def test_remove_for_package_leaves_other_packages_connections(package, connect, cen_instance, user):
    """Only the given package's connections go."""
    china_package = buy_package(cen_instance, area_b_code="China", bandwidth=2, cross_border_agreed=False)
    connect(package, "cn-hangzhou", "us-east-1", 6)
    kept = connect(china_package, "cn-hangzhou", "cn-shanghai", 2)
    assert services.region_connections_remove_for_package(package=package, actor=user) == 1
    assert list(RegionConnection.objects.all()) == [kept]


def test_remove_for_package_without_connections_records_nothing(package, user):
    """Nothing to remove: 0, and no audit record."""
    assert services.region_connections_remove_for_package(package=package, actor=user) == 0
    assert not AuditRecord.objects.filter(action="package.connections_removed").exists()


def test_releasing_a_package_removes_its_connections(package, connect, user):
    """The release path (an approved deletion ticket) goes through the networks hook."""
    connect(package, "cn-hangzhou", "us-east-1", 6)
    bandwidth_services.package_release(package_id=package.pk, actor=user, reason="test")
    assert not RegionConnection.objects.exists()


def test_attach_keeps_the_cidr_block_given(cen_instance, attach):
    """A CIDR block given on attach is the VPC's, in its network form."""
    network = attach(cen_instance, "cn-hangzhou", cidr_block="192.168.7.9/24")
    assert network.cidr_block == "192.168.7.0/24"


def test_attach_without_a_cidr_block_takes_the_regions_default(cen_instance, attach):
    """No CIDR block: the region's default, a 10.x.0.0/16 that differs from region to region."""
    hangzhou = attach(cen_instance, "cn-hangzhou")
    virginia = attach(cen_instance, "us-east-1")
    assert re.fullmatch(r"10\.[0-9]+\.0\.0/16", hangzhou.cidr_block)
    assert hangzhou.cidr_block != virginia.cidr_block


@pytest.mark.parametrize("cidr_block", ["10.0.0.0", "10.0.0.0/33", "10.0.0.0/7", "300.1.1.1/16", "a.b.c.d/16"])
def test_attach_refuses_a_cidr_block_that_is_not_one(cen_instance, cidr_block):
    """Not an IPv4 network of /8 to /28: refused on the CIDR block, nothing attached."""
    with pytest.raises(ValidationError) as refused:
        services.network_instance_attach(
            owner=cen_instance.owner, cen_instance_id=cen_instance.pk, region_code="cn-hangzhou", cidr_block=cidr_block
        )
    assert refused.value.error_dict["cidr_block"][0].code == "cidr_block_format"
    assert not NetworkInstance.objects.exists()
