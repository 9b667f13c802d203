import re

import pytest
from django.core.exceptions import ValidationError

from cenconsole.cen import selectors, services
from cenconsole.cen.models import CenInstance
from tests.factories import CenInstanceFactory, buy_package

pytestmark = pytest.mark.django_db


def refused_fields(user, **fields):
    with pytest.raises(ValidationError) as caught:
        services.cen_instance_create(owner=user, **fields)
    return set(caught.value.message_dict)


def test_cen_id_is_cen_and_18_lowercase_alphanumerics(user):
    """A new instance's id looks like the real service's: cen- plus 18 lower-case letters and digits."""
    instance = services.cen_instance_create(owner=user, name="prod")
    assert re.fullmatch(r"cen-[a-z0-9]{18}", instance.pk)


def test_cen_ids_are_random(user):
    """Two instances get different ids."""
    first = services.cen_instance_create(owner=user)
    second = services.cen_instance_create(owner=user)
    assert first.pk != second.pk


def test_create_saves_an_active_instance_owned_by_the_account(user):
    """The instance is stored, owned by its creator, with its name and description, and Ready."""
    instance = services.cen_instance_create(owner=user, name="prod", description="Production network")
    stored = CenInstance.objects.get(pk=instance.pk)
    assert (stored.owner, stored.name, stored.description) == (user, "prod", "Production network")
    assert stored.get_status_display() == "Ready"


def test_create_strips_surrounding_spaces(user):
    """Spaces around the name and description are not kept."""
    instance = services.cen_instance_create(owner=user, name="  prod  ", description=" main ")
    assert (instance.name, instance.description) == ("prod", "main")


def test_name_and_description_are_optional(user):
    """An instance may have neither a name nor a description."""
    assert services.cen_instance_create(owner=user).name == ""


def test_name_of_128_characters_is_accepted(user):
    """128 characters is the longest name."""
    assert services.cen_instance_create(owner=user, name="n" * 128).name == "n" * 128


def test_name_longer_than_128_characters_is_refused(user):
    """A 129-character name is refused and nothing is created."""
    assert refused_fields(user, name="n" * 129) == {"name"}
    assert not CenInstance.objects.exists()


@pytest.mark.parametrize("prefix", ["http://", "https://", "Https://"])
def test_name_starting_like_a_url_is_refused(user, prefix):
    """A name starting with http:// or https:// is refused."""
    assert refused_fields(user, name=f"{prefix}example.com") == {"name"}
    assert not CenInstance.objects.exists()


def test_description_longer_than_256_characters_is_refused(user):
    """A 257-character description is refused."""
    assert refused_fields(user, description="d" * 257) == {"description"}


@pytest.mark.parametrize("prefix", ["http://", "https://"])
def test_description_starting_like_a_url_is_refused(user, prefix):
    """A description starting with http:// or https:// is refused."""
    assert refused_fields(user, description=f"{prefix}example.com") == {"description"}


def test_instance_list_holds_only_the_accounts_instances(user, other_user):
    """The Instances selector never returns another account's instance."""
    mine = CenInstanceFactory(owner=user)
    CenInstanceFactory(owner=other_user)
    assert list(selectors.cen_instance_list(owner=user)) == [mine]


def test_instance_list_counts_bound_packages(cen_instance):
    """Each listed instance carries the number of packages bound to it."""
    buy_package(cen_instance, area_a_code="China", area_b_code="China")
    buy_package(cen_instance, area_a_code="Europe", area_b_code="North-America")
    (listed,) = selectors.cen_instance_page(owner=cen_instance.owner).object_list
    assert listed.bandwidth_package_count == 2


def test_instance_get_refuses_another_accounts_id(cen_instance, other_user):
    """Looking up another account's instance raises DoesNotExist."""
    with pytest.raises(CenInstance.DoesNotExist):
        selectors.cen_instance_get(owner=other_user, cen_id=cen_instance.pk)
