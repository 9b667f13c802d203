"""TagResources, UntagResources, ListTagResources, tags on CreateCen / CreateCenBandwidthPackage and
the Tag.N filters, as requests: what they keep and return, and every refusal with the real code."""

import pytest

from cenconsole.bandwidth.models import BandwidthPackage
from cenconsole.cen.models import CenInstance
from cenconsole.tags import services as tag_services
from cenconsole.tags.models import Tag
from tests.api.conftest import api_call
from tests.factories import CenInstanceFactory, buy_package

pytestmark = pytest.mark.django_db


def tag_parameters(*tags):
    parameters = {}
    for index, (key, value) in enumerate(tags, start=1):
        parameters[f"Tag.{index}.Key"] = key
        if value is not None:
            parameters[f"Tag.{index}.Value"] = value
    return parameters


def stored_tags(resource_id):
    return dict(Tag.objects.filter(resource_id=resource_id).values_list("key", "value"))


def tag(client, resource_id, *tags, resource_type="cen"):
    return api_call(
        client, "TagResources", ResourceType=resource_type, **{"ResourceId.1": resource_id}, **tag_parameters(*tags)
    )


@pytest.fixture
def package(cen_instance):
    return buy_package(cen_instance)


# What is kept ------------------------------------------------------------------------------------------


def test_tag_resources_keeps_the_tags(client, access_key, cen_instance):
    """TagResources on a CEN instance keeps each key with its value."""
    answer = tag(client, cen_instance.pk, ("team", "network"), ("env", ""))
    assert answer.status == 200, answer.body
    assert stored_tags(cen_instance.pk) == {"team": "network", "env": ""}


def test_tag_resources_replaces_the_value_of_a_key_the_resource_has(client, access_key, cen_instance):
    """Tagging a key again changes its value: one value per key."""
    tag(client, cen_instance.pk, ("team", "network"))
    tag(client, cen_instance.pk, ("team", "platform"))
    assert stored_tags(cen_instance.pk) == {"team": "platform"}


def test_tag_resources_tags_several_resources(client, access_key, user):
    """ResourceId.N: every listed resource gets the tags."""
    first, second = CenInstanceFactory(owner=user), CenInstanceFactory(owner=user)
    answer = api_call(
        client,
        "TagResources",
        ResourceType="cen",
        **{"ResourceId.1": first.pk, "ResourceId.2": second.pk},
        **tag_parameters(("team", "network")),
    )
    assert answer.status == 200
    assert stored_tags(first.pk) == stored_tags(second.pk) == {"team": "network"}


def test_tag_resources_tags_bandwidth_packages(client, access_key, package):
    """ResourceType bandwidthpackage tags a package."""
    assert tag(client, package.pk, ("team", "network"), resource_type="bandwidthpackage").status == 200
    assert stored_tags(package.pk) == {"team": "network"}


def test_tag_changes_are_audited(client, access_key, cen_instance):
    """Adding and removing tags leaves audit records on the CEN instance."""
    from cenconsole.audit.models import AuditRecord

    tag(client, cen_instance.pk, ("team", "network"))
    api_call(client, "UntagResources", ResourceType="cen", **{"ResourceId.1": cen_instance.pk, "TagKey.1": "team"})
    records = AuditRecord.objects.filter(target_id=cen_instance.pk).order_by("id")
    assert [(record.action, record.changes) for record in records] == [
        ("tags.added", {"tag:team": [None, "network"]}),
        ("tags.removed", {"tag:team": ["network", None]}),
    ]


def test_untag_resources_removes_the_named_keys(client, access_key, cen_instance):
    """UntagResources with TagKey.N removes those keys only."""
    tag(client, cen_instance.pk, ("team", "network"), ("env", "prod"))
    answer = api_call(
        client, "UntagResources", ResourceType="cen", **{"ResourceId.1": cen_instance.pk, "TagKey.1": "env"}
    )
    assert answer.status == 200
    assert stored_tags(cen_instance.pk) == {"team": "network"}


def test_untag_resources_with_all_removes_every_tag(client, access_key, cen_instance):
    """UntagResources with All=true and no TagKey removes every tag of the resource."""
    tag(client, cen_instance.pk, ("team", "network"), ("env", "prod"))
    answer = api_call(client, "UntagResources", ResourceType="cen", All="true", **{"ResourceId.1": cen_instance.pk})
    assert answer.status == 200
    assert stored_tags(cen_instance.pk) == {}


def test_list_tag_resources_lists_the_resources_tags(client, access_key, cen_instance):
    """ListTagResources answers each tag as ResourceId, ResourceType, TagKey, TagValue."""
    tag(client, cen_instance.pk, ("team", "network"))
    answer = api_call(client, "ListTagResources", ResourceType="cen", **{"ResourceId.1": cen_instance.pk})
    assert answer.body["TagResources"]["TagResource"] == [
        {"ResourceId": cen_instance.pk, "ResourceType": "cen", "TagKey": "team", "TagValue": "network"}
    ]
    assert answer.body["NextToken"] == ""


def test_list_tag_resources_pages_with_next_token(client, access_key, cen_instance):
    """PageSize rows at a time; NextToken fetches the rest."""
    tag(client, cen_instance.pk, ("a", "1"), ("b", "2"), ("c", "3"))
    first = api_call(client, "ListTagResources", ResourceType="cen", PageSize="2", **{"ResourceId.1": cen_instance.pk})
    assert [row["TagKey"] for row in first.body["TagResources"]["TagResource"]] == ["a", "b"]
    rest = api_call(
        client,
        "ListTagResources",
        ResourceType="cen",
        PageSize="2",
        NextToken=first.body["NextToken"],
        **{"ResourceId.1": cen_instance.pk},
    )
    assert [row["TagKey"] for row in rest.body["TagResources"]["TagResource"]] == ["c"]
    assert rest.body["NextToken"] == ""


def test_list_tag_resources_by_tag_finds_the_tagged_resources(client, access_key, user):
    """ListTagResources with Tag.N lists the tags of the resources that carry them."""
    tagged, other = CenInstanceFactory(owner=user), CenInstanceFactory(owner=user)
    tag(client, tagged.pk, ("team", "network"))
    tag(client, other.pk, ("team", "platform"))
    answer = api_call(client, "ListTagResources", ResourceType="cen", **tag_parameters(("team", "network")))
    assert {row["ResourceId"] for row in answer.body["TagResources"]["TagResource"]} == {tagged.pk}


def test_list_tag_resources_shows_no_other_accounts_tags(client, access_key, other_user):
    """Another account's tagged resources are never listed."""
    theirs = CenInstanceFactory(owner=other_user)
    tag_services.tags_add(owner=other_user, resource_type="cen", resources=[theirs], tags=[("team", "network")])
    answer = api_call(client, "ListTagResources", ResourceType="cen", **tag_parameters(("team", None)))
    assert answer.body["TagResources"]["TagResource"] == []


def test_create_cen_keeps_its_tags(client, access_key):
    """CreateCen with Tag.N: the new instance carries them."""
    answer = api_call(client, "CreateCen", Name="tagged", **tag_parameters(("team", "network")))
    assert stored_tags(answer.body["CenId"]) == {"team": "network"}


def test_create_cen_with_an_invalid_tag_creates_nothing(client, access_key):
    """CreateCen with a reserved tag key: InvalidTagKey, and no instance is created."""
    answer = api_call(client, "CreateCen", Name="tagged", **tag_parameters(("aliyun:team", "x")))
    assert (answer.status, answer.code) == (400, "InvalidTagKey")
    assert not CenInstance.objects.exists()


def test_create_package_keeps_its_tags(client, access_key):
    """CreateCenBandwidthPackage with Tag.N: the bought package carries them."""
    answer = api_call(
        client,
        "CreateCenBandwidthPackage",
        GeographicRegionAId="China",
        GeographicRegionBId="China",
        Bandwidth="2",
        **tag_parameters(("team", "network")),
    )
    assert answer.status == 200, answer.body
    assert stored_tags(answer.body["CenBandwidthPackageId"]) == {"team": "network"}


def test_create_package_with_an_invalid_tag_buys_nothing(client, access_key):
    """CreateCenBandwidthPackage with an invalid tag value: refused before anything is bought."""
    answer = api_call(
        client,
        "CreateCenBandwidthPackage",
        GeographicRegionAId="China",
        GeographicRegionBId="China",
        Bandwidth="2",
        **tag_parameters(("team", "acs:reserved")),
    )
    assert (answer.status, answer.code) == (400, "InvalidTagValue")
    assert not BandwidthPackage.objects.exists()


def test_describe_cens_returns_tags_and_filters_by_them(client, access_key, user):
    """DescribeCens answers each instance's tags; Tag.N keeps only instances carrying all of them."""
    tagged, _untagged = CenInstanceFactory(owner=user), CenInstanceFactory(owner=user)
    tag(client, tagged.pk, ("team", "network"), ("env", "prod"))
    answer = api_call(client, "DescribeCens", **tag_parameters(("team", "network"), ("env", "prod")))
    (cen,) = answer.body["Cens"]["Cen"]
    assert cen["CenId"] == tagged.pk
    assert cen["Tags"]["Tag"] == [{"Key": "env", "Value": "prod"}, {"Key": "team", "Value": "network"}]
    assert answer.body["TotalCount"] == 1


def test_describe_cens_tag_filter_needs_every_tag(client, access_key, cen_instance):
    """An instance with only one of two filter tags is not listed."""
    tag(client, cen_instance.pk, ("team", "network"))
    answer = api_call(client, "DescribeCens", **tag_parameters(("team", "network"), ("env", "prod")))
    assert answer.body["Cens"]["Cen"] == []


def test_describe_cens_tag_key_without_value_matches_any_value(client, access_key, cen_instance):
    """Tag.N.Key alone matches the key with any value."""
    tag(client, cen_instance.pk, ("team", "network"))
    answer = api_call(client, "DescribeCens", **tag_parameters(("team", None)))
    assert [cen["CenId"] for cen in answer.body["Cens"]["Cen"]] == [cen_instance.pk]


def test_describe_packages_returns_tags_and_filters_by_them(client, access_key, user, package):
    """DescribeCenBandwidthPackages answers tags and filters by Tag.N."""
    other = buy_package(CenInstanceFactory(owner=user), area_b_code="Europe")
    tag(client, package.pk, ("team", "network"), resource_type="bandwidthpackage")
    answer = api_call(client, "DescribeCenBandwidthPackages", **tag_parameters(("team", "network")))
    listed = answer.body["CenBandwidthPackages"]["CenBandwidthPackage"]
    assert [(item["CenBandwidthPackageId"], item["Tags"]["Tag"]) for item in listed] == [
        (package.pk, [{"Key": "team", "Value": "network"}])
    ]
    assert other.pk not in {item["CenBandwidthPackageId"] for item in listed}


# Refusals ------------------------------------------------------------------------------------------------


def test_an_unknown_cen_is_refused(client, access_key):
    """TagResources on a CEN ID that does not exist: ParameterCenInstanceId."""
    answer = tag(client, "cen-doesnotexist00000", ("team", "network"))
    assert (answer.status, answer.code) == (400, "ParameterCenInstanceId")


def test_another_accounts_cen_is_refused_as_unknown(client, access_key, other_user):
    """Another account's CEN instance is refused as if it did not exist, and stays untagged."""
    theirs = CenInstanceFactory(owner=other_user)
    answer = tag(client, theirs.pk, ("team", "network"))
    assert (answer.status, answer.code) == (400, "ParameterCenInstanceId")
    assert stored_tags(theirs.pk) == {}


def test_another_accounts_package_is_refused_as_unknown(client, access_key, other_user):
    """Another account's package: ParameterBwpInstanceId, for tagging and untagging alike."""
    theirs = buy_package(CenInstanceFactory(owner=other_user))
    answer = tag(client, theirs.pk, ("team", "network"), resource_type="bandwidthpackage")
    assert (answer.status, answer.code) == (400, "ParameterBwpInstanceId")
    untag = api_call(
        client, "UntagResources", ResourceType="bandwidthpackage", All="true", **{"ResourceId.1": theirs.pk}
    )
    assert (untag.status, untag.code) == (400, "ParameterBwpInstanceId")


def test_one_unknown_resource_refuses_the_whole_request(client, access_key, cen_instance):
    """A known and an unknown ID together: refused, and the known one is not tagged either."""
    answer = api_call(
        client,
        "TagResources",
        ResourceType="cen",
        **{"ResourceId.1": cen_instance.pk, "ResourceId.2": "cen-doesnotexist00000"},
        **tag_parameters(("team", "network")),
    )
    assert answer.code == "ParameterCenInstanceId"
    assert stored_tags(cen_instance.pk) == {}


def test_an_unknown_resource_type_is_refused(client, access_key, cen_instance):
    """ResourceType other than cen or bandwidthpackage: InvalidParameter."""
    answer = api_call(
        client, "TagResources", ResourceType="vpc", **{"ResourceId.1": cen_instance.pk}, **tag_parameters(("a", "b"))
    )
    assert (answer.status, answer.code) == (400, "InvalidParameter")


@pytest.mark.parametrize("key", ["", "aliyun", "aliyunteam", "acs:team", "ACS:team", "k" * 129])
def test_an_invalid_tag_key_is_refused(client, access_key, cen_instance, key):
    """Empty, longer than 128 characters, or starting with aliyun or acs:: InvalidTagKey."""
    answer = tag(client, cen_instance.pk, (key, "value"))
    assert (answer.status, answer.code) == (400, "InvalidTagKey")
    assert stored_tags(cen_instance.pk) == {}


@pytest.mark.parametrize("value", ["aliyun-value", "acs:value", "v" * 129])
def test_an_invalid_tag_value_is_refused(client, access_key, cen_instance, value):
    """Longer than 128 characters, or starting with aliyun or acs:: InvalidTagValue."""
    answer = tag(client, cen_instance.pk, ("team", value))
    assert (answer.status, answer.code) == (400, "InvalidTagValue")


def test_the_longest_key_and_value_are_accepted(client, access_key, cen_instance):
    """A 128-character key with a 128-character value is within the rules."""
    assert tag(client, cen_instance.pk, ("k" * 128, "v" * 128)).status == 200


def test_a_key_given_twice_is_refused(client, access_key, cen_instance):
    """The same key twice in one request: Forbidden.TagKey.Duplicated."""
    answer = tag(client, cen_instance.pk, ("team", "a"), ("team", "b"))
    assert (answer.status, answer.code) == (400, "Forbidden.TagKey.Duplicated")


def test_a_21st_tag_is_refused(client, access_key, cen_instance):
    """A resource keeps at most 20 tags: the 21st is QuotaExceeded.TagNum, and nothing changes."""
    tag(client, cen_instance.pk, *[(f"key{n}", "v") for n in range(20)])
    answer = tag(client, cen_instance.pk, ("one-too-many", "v"))
    assert (answer.status, answer.code) == (400, "QuotaExceeded.TagNum")
    assert len(stored_tags(cen_instance.pk)) == 20


def test_retagging_an_existing_key_at_the_limit_is_accepted(client, access_key, cen_instance):
    """At 20 tags, changing the value of one of them is not a 21st tag."""
    tag(client, cen_instance.pk, *[(f"key{n}", "v") for n in range(20)])
    assert tag(client, cen_instance.pk, ("key0", "changed")).status == 200


def test_tag_resources_without_tags_is_refused(client, access_key, cen_instance):
    """TagResources with no Tag.N: MissingTag.1.Key."""
    answer = api_call(client, "TagResources", ResourceType="cen", **{"ResourceId.1": cen_instance.pk})
    assert (answer.status, answer.code) == (400, "MissingTag.1.Key")


def test_tag_resources_without_resources_is_refused(client, access_key):
    """TagResources with no ResourceId.N: MissingResourceId.1."""
    answer = api_call(client, "TagResources", ResourceType="cen", **tag_parameters(("team", "network")))
    assert (answer.status, answer.code) == (400, "MissingResourceId.1")


def test_untag_resources_without_keys_or_all_is_refused(client, access_key, cen_instance):
    """UntagResources naming no TagKey.N and not All=true: MissingTagKey.1, and nothing is removed."""
    tag(client, cen_instance.pk, ("team", "network"))
    answer = api_call(client, "UntagResources", ResourceType="cen", **{"ResourceId.1": cen_instance.pk})
    assert (answer.status, answer.code) == (400, "MissingTagKey.1")
    assert stored_tags(cen_instance.pk) == {"team": "network"}


def test_list_tag_resources_refuses_a_bad_next_token(client, access_key):
    """A NextToken the server did not give: InvalidParameter."""
    answer = api_call(client, "ListTagResources", ResourceType="cen", NextToken="garbage")
    assert (answer.status, answer.code) == (400, "InvalidParameter")


def test_a_tag_value_without_its_key_is_refused(client, access_key, cen_instance):
    """Tag.1.Value without Tag.1.Key: MissingTag.1.Key."""
    answer = api_call(client, "DescribeCens", **{"Tag.1.Value": "network"})
    assert (answer.status, answer.code) == (400, "MissingTag.1.Key")


def test_tag_resources_refuses_a_look_alike_reserved_key(client, access_key, cen_instance):
    """TagResources with ALİYUN as a key: InvalidTagKey, no tag."""
    answer = tag(client, cen_instance.pk, ("ALİYUN", "x"))
    assert (answer.status, answer.code) == (400, "InvalidTagKey")
    assert not Tag.objects.exists()


def test_tag_resources_refuses_a_bidi_control_in_a_value(client, access_key, cen_instance):
    """TagResources with U+202E in a value: InvalidTagValue, no tag."""
    answer = tag(client, cen_instance.pk, ("k", "a\u202eb"))
    assert (answer.status, answer.code) == (400, "InvalidTagValue")
    assert not Tag.objects.exists()
