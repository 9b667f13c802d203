"""The tag rules, in the service every caller goes through."""

import pytest
from django.core.exceptions import ValidationError

from cenconsole.tags import selectors, services
from cenconsole.tags.models import Tag
from tests.factories import CenInstanceFactory

pytestmark = pytest.mark.django_db


def add(owner, resource, *tags):
    services.tags_add(owner=owner, resource_type="cen", resources=[resource], tags=list(tags))


def codes(error: ValidationError):
    return [each.code for each in error.error_list]


def test_tags_add_strips_keys_and_values(user, cen_instance):
    """Surrounding spaces are not part of a key or value."""
    add(user, cen_instance, ("  team ", " network "))
    assert [
        (tag.key, tag.value) for tag in selectors.tags_of(owner=user, resource_type="cen", resource_id=cen_instance.pk)
    ] == [("team", "network")]


@pytest.mark.parametrize(
    ("key", "value", "code"),
    [
        ("", "v", "tag_key_invalid"),
        ("   ", "v", "tag_key_invalid"),
        ("k" * 129, "v", "tag_key_invalid"),
        ("Aliyun-team", "v", "tag_key_invalid"),
        ("acs:team", "v", "tag_key_invalid"),
        ("team", "v" * 129, "tag_value_invalid"),
        ("team", "aliyun", "tag_value_invalid"),
        ("team", "ACS:x", "tag_value_invalid"),
    ],
)
def test_tags_add_refuses_what_breaks_the_rules(user, cen_instance, key, value, code):
    """Keys of 1 to 128 characters and values of 0 to 128, neither starting with aliyun or acs:."""
    with pytest.raises(ValidationError) as refused:
        add(user, cen_instance, (key, value))
    assert codes(refused.value) == [code]
    assert not Tag.objects.exists()


def test_the_twenty_first_tag_is_refused(user, cen_instance):
    """At most 20 tags per resource, counted with the ones it has."""
    add(user, cen_instance, *[(f"k{n}", "") for n in range(19)])
    add(user, cen_instance, ("k19", ""))
    with pytest.raises(ValidationError) as refused:
        add(user, cen_instance, ("k20", ""))
    assert codes(refused.value) == ["tag_limit"]


def test_tags_remove_ignores_keys_the_resource_does_not_have(user, cen_instance):
    """Removing a key the resource lacks is not an error and changes nothing."""
    add(user, cen_instance, ("team", "network"))
    services.tags_remove(owner=user, resource_type="cen", resources=[cen_instance], keys=["other"])
    assert Tag.objects.count() == 1


def test_one_resources_tags_do_not_touch_anothers(user):
    """Removing every tag of one instance leaves another's."""
    first, second = CenInstanceFactory(owner=user), CenInstanceFactory(owner=user)
    add(user, first, ("team", "a"))
    add(user, second, ("team", "b"))
    services.tags_remove(owner=user, resource_type="cen", resources=[first])
    assert list(Tag.objects.values_list("resource_id", "value")) == [(second.pk, "b")]


def test_tagged_resource_ids_needs_every_tag(user):
    """The tag filter keeps resources carrying all the tags asked for."""
    both, one = CenInstanceFactory(owner=user), CenInstanceFactory(owner=user)
    add(user, both, ("team", "a"), ("env", "prod"))
    add(user, one, ("team", "a"))
    found = selectors.tagged_resource_ids(owner=user, resource_type="cen", tags=[("team", "a"), ("env", None)])
    assert [row["resource_id"] for row in found] == [both.pk]


LOOK_ALIKES = [
    "ALİYUN-team",  # capital I with a dot: lower() makes it i + a combining dot
    "\u200baliyun-team",  # a zero-width space before it
    "ali\u200dyun",  # a zero-width joiner inside it
    "\ufeffacs:team",  # a byte-order mark
    "ａｌｉｙｕｎ",  # full-width letters
    "ACS\uff1ateam",  # a full-width colon
    "aliyu\u0301n",  # a combining accent
    "\u00adaliyun",  # a soft hyphen
]


@pytest.mark.parametrize("key", LOOK_ALIKES)
def test_a_reserved_prefix_in_a_look_alike_key_is_refused(user, cen_instance, key):
    """Keys are normalised (NFKC, case-folded, without marks or invisible characters) before the
    reserved-prefix check: look-alikes of aliyun and acs: are refused."""
    with pytest.raises(ValidationError) as refused:
        add(user, cen_instance, (key, "v"))
    assert codes(refused.value) == ["tag_key_invalid"]
    assert not Tag.objects.exists()


@pytest.mark.parametrize("value", ["ALİYUN", "\u200baliyun", "ａｃｓ:x"])
def test_a_reserved_prefix_in_a_look_alike_value_is_refused(user, cen_instance, value):
    """Values get the same normalised check."""
    with pytest.raises(ValidationError) as refused:
        add(user, cen_instance, ("team", value))
    assert codes(refused.value) == ["tag_value_invalid"]


def test_a_key_is_stored_as_written(user, cen_instance):
    """The normalised form is only for the check: the key keeps its case and its characters."""
    add(user, cen_instance, ("Ｔeam", "Ｎetwork"))
    assert [(tag.key, tag.value) for tag in Tag.objects.all()] == [("Ｔeam", "Ｎetwork")]


@pytest.mark.parametrize("control", ["\u202e", "\u2066", "\u202a"])
def test_bidi_controls_are_refused_in_tag_keys_and_values(user, cen_instance, control):
    """Embeddings, overrides and isolates are refused in a key and in a value, as names refuse them."""
    with pytest.raises(ValidationError) as refused:
        add(user, cen_instance, (f"team{control}x", "v"))
    assert codes(refused.value) == ["tag_key_invalid"]
    assert "bidirectional" in refused.value.messages[0]
    with pytest.raises(ValidationError) as refused:
        add(user, cen_instance, ("team", f"gpj.{control}exe"))
    assert codes(refused.value) == ["tag_value_invalid"]
    assert "bidirectional" in refused.value.messages[0]
    assert not Tag.objects.exists()


def test_control_characters_are_refused_in_tag_keys_and_values(user, cen_instance):
    """A C0 or C1 control character is refused in a key or a value, as in names."""
    for tag, code in [(("x\x01y", "v"), "tag_key_invalid"), (("team", "x\x85y"), "tag_value_invalid")]:
        with pytest.raises(ValidationError) as refused:
            add(user, cen_instance, tag)
        assert codes(refused.value) == [code]
    assert not Tag.objects.exists()
