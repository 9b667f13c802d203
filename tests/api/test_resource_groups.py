"""Resource groups through the API (MoveResourceGroup, ResourceGroupId returned and filtering) and in
the console (the Create form, the Instances and Bandwidth Packages lists); parameters the replica
does not support are refused by name."""

import pytest
from django.urls import reverse
from pytest_django.asserts import assertContains

from cenconsole.accounts.resource_groups import default_resource_group_id
from cenconsole.audit.models import AuditRecord
from cenconsole.bandwidth.models import BandwidthPackage
from cenconsole.cen.models import CenInstance
from tests.api.conftest import api_call
from tests.factories import CenInstanceFactory, buy_package

pytestmark = pytest.mark.django_db

GROUP = "rg-aekzteam0001"


def move(client, resource_id, group=GROUP, resource_type="cen", **extra):
    return api_call(
        client,
        "MoveResourceGroup",
        ResourceId=resource_id,
        NewResourceGroupId=group,
        ResourceType=resource_type,
        **extra,
    )


def cens_in(client, group):
    answer = api_call(client, "DescribeCens", ResourceGroupId=group)
    return [cen["CenId"] for cen in answer.body["Cens"]["Cen"]]


def test_a_new_cen_instance_is_in_the_accounts_default_group(client, access_key, cen_instance):
    """DescribeCens returns ResourceGroupId: the account's default rg- group for a new instance."""
    (cen,) = api_call(client, "DescribeCens").body["Cens"]["Cen"]
    assert cen["ResourceGroupId"] == default_resource_group_id(cen_instance.owner_id)
    assert cen["ResourceGroupId"].startswith("rg-")


def test_two_accounts_have_different_default_groups(user, other_user):
    """Each account's default group is its own."""
    assert default_resource_group_id(user.pk) != default_resource_group_id(other_user.pk)


def test_move_resource_group_moves_a_cen_instance(client, access_key, cen_instance):
    """MoveResourceGroup puts the instance in the group, with an audit record; DescribeCens shows it."""
    answer = move(client, cen_instance.pk)
    assert answer.status == 200, answer.body
    assert CenInstance.objects.get(pk=cen_instance.pk).resource_group == GROUP
    assert AuditRecord.objects.filter(action="cen.moved", target_id=cen_instance.pk).exists()
    (cen,) = api_call(client, "DescribeCens").body["Cens"]["Cen"]
    assert cen["ResourceGroupId"] == GROUP


def test_move_resource_group_moves_a_bandwidth_package(client, access_key, package):
    """ResourceType bandwidthpackage moves a package; DescribeCenBandwidthPackages returns its group."""
    assert move(client, package.pk, resource_type="bandwidthpackage").status == 200
    (shown,) = api_call(client, "DescribeCenBandwidthPackages").body["CenBandwidthPackages"]["CenBandwidthPackage"]
    assert shown["ResourceGroupId"] == GROUP
    assert BandwidthPackage.objects.get(pk=package.pk).resource_group == GROUP


def test_resource_group_id_filters_describe_cens(client, access_key, user):
    """ResourceGroupId keeps the instances of that group only; the default group's id keeps the others."""
    moved, stayed = CenInstanceFactory(owner=user), CenInstanceFactory(owner=user)
    move(client, moved.pk)
    assert cens_in(client, GROUP) == [moved.pk]
    assert cens_in(client, default_resource_group_id(user.pk)) == [stayed.pk]
    assert cens_in(client, "rg-nosuchgroup") == []


def test_resource_group_id_filters_describe_cen_bandwidth_packages(client, access_key, cen_instance):
    """ResourceGroupId keeps the packages of that group only."""
    moved = buy_package(cen_instance)
    buy_package(cen_instance, area_a_code="China", area_b_code="China")
    move(client, moved.pk, resource_type="bandwidthpackage")
    answer = api_call(client, "DescribeCenBandwidthPackages", ResourceGroupId=GROUP)
    assert [p["CenBandwidthPackageId"] for p in answer.body["CenBandwidthPackages"]["CenBandwidthPackage"]] == [
        moved.pk
    ]


def test_moving_another_accounts_instance_is_refused(client, access_key, other_user):
    """Another account's CEN instance: ParameterCenInstanceId, and it stays where it was."""
    theirs = CenInstanceFactory(owner=other_user)
    assert move(client, theirs.pk).code == "ParameterCenInstanceId"
    assert CenInstance.objects.get(pk=theirs.pk).resource_group_id == ""


def test_a_malformed_group_id_is_refused(client, access_key, cen_instance):
    """NewResourceGroupId not of the rg- form: InvalidResourceGroupId, nothing moved."""
    answer = move(client, cen_instance.pk, group="group 1")
    assert (answer.status, answer.code) == (400, "InvalidResourceGroupId")


def test_an_unknown_resource_type_is_refused(client, access_key, cen_instance):
    """ResourceType other than cen or bandwidthpackage: InvalidParameter."""
    assert move(client, cen_instance.pk, resource_type="vpc").code == "InvalidParameter"


def test_dry_run_checks_and_moves_nothing(client, access_key, cen_instance):
    """DryRun=true: DryRunOperation, and the instance stays in its group."""
    answer = move(client, cen_instance.pk, DryRun="true")
    assert (answer.status, answer.code) == (400, "DryRunOperation")
    assert CenInstance.objects.get(pk=cen_instance.pk).resource_group_id == ""


def test_an_unsupported_parameter_is_refused_by_name_and_undoes_nothing_half(client, access_key, user):
    """A parameter the replica does not model: InvalidParameter naming it, and the action left nothing."""
    answer = api_call(client, "CreateCen", Name="kept?", Ipv6Level="ENABLE")
    assert (answer.status, answer.code) == (400, "InvalidParameter")
    assert "Ipv6Level" in answer.body["Message"]
    assert not CenInstance.objects.filter(owner=user).exists()


def test_the_create_form_takes_a_resource_group(client_user, user):
    """Create CEN Instance with a Resource Group puts the instance there; the list shows the group."""
    page = client_user.get(reverse("cen_instance_create"))
    assertContains(page, "Resource Group")
    assertContains(page, default_resource_group_id(user.pk))
    client_user.post(reverse("cen_instance_create"), {"name": "grouped", "resource_group_id": GROUP})
    assert CenInstance.objects.get(name="grouped").resource_group == GROUP
    assertContains(client_user.get(reverse("cen:instance_list")), GROUP)


def test_the_create_form_refuses_a_malformed_group(client_user, user):
    """A Resource Group not of the rg- form is refused on the form, nothing created."""
    response = client_user.post(reverse("cen_instance_create"), {"name": "grouped", "resource_group_id": "nope"})
    assertContains(response, "A resource group ID is rg- followed by")
    assert not CenInstance.objects.filter(name="grouped").exists()


def test_the_bandwidth_packages_page_shows_the_group(client_user, package):
    """The Bandwidth Packages page has a Resource Group column with the package's group."""
    response = client_user.get(reverse("bandwidth:package_list"))
    assertContains(response, "Resource Group")
    assertContains(response, package.resource_group)
