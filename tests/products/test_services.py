"""Another product's resource (products.services.product_resource_ensure): made by the first mention,
the same record after, refused in a form its product never gives or in a second region."""

import pytest
from django.core.exceptions import ValidationError
from django.core.management import CommandError, call_command

from cenconsole.products.models import ProductResource
from cenconsole.products.services import product_resource_ensure
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db
VBR = ProductResource.Kind.VBR


def test_the_first_mention_records_the_resource_in_its_region():
    """A VBR named for the first time is recorded for the account, in the region the action gives."""
    owner = UserFactory()
    resource = product_resource_ensure(owner=owner, kind=VBR, resource_id="vbr-abc123", region_code="cn-hangzhou")
    assert (resource.owner, resource.kind, resource.resource_id, resource.region_id) == (
        owner,
        "VBR",
        "vbr-abc123",
        "cn-hangzhou",
    )


def test_a_second_mention_is_the_same_record():
    """Naming the VBR again finds the record made the first time: no second row."""
    owner = UserFactory()
    first = product_resource_ensure(owner=owner, kind=VBR, resource_id="vbr-abc123", region_code="cn-hangzhou")
    again = product_resource_ensure(owner=owner, kind=VBR, resource_id="vbr-abc123", region_code="cn-hangzhou")
    assert again.pk == first.pk and ProductResource.objects.count() == 1


def test_another_accounts_resource_of_the_same_id_is_its_own():
    """IDs are the account's: another account naming the same ID gets a record of its own."""
    product_resource_ensure(owner=UserFactory(), kind=VBR, resource_id="vbr-abc123")
    product_resource_ensure(owner=UserFactory(), kind=VBR, resource_id="vbr-abc123")
    assert ProductResource.objects.count() == 2


@pytest.mark.parametrize(
    ("kind", "resource_id"),
    [("VBR", "vpc-abc"), ("VBR", "vbr-"), ("VPN", "vbr-abc"), ("ECR", "ecr-ABC"), ("PREFIX_LIST", "pl-" + "a" * 29)],
)
def test_an_id_in_a_form_its_product_never_gives_is_refused_and_nothing_recorded(kind, resource_id):
    """The ID must be its product's prefix and 1 to 28 lower-case letters and digits: refused, on the
    caller's field, with the prefix in the message."""
    with pytest.raises(ValidationError) as refused:
        product_resource_ensure(owner=UserFactory(), kind=kind, resource_id=resource_id, field="VbrId")
    assert refused.value.error_dict["VbrId"][0].code == "resource_id_format"
    assert ProductResource.ID_PREFIXES[kind] in refused.value.messages[0]
    assert not ProductResource.objects.exists()


def test_a_resource_named_in_a_second_region_is_refused():
    """A resource lives in one region: naming it in another is refused (resource_region)."""
    owner = UserFactory()
    product_resource_ensure(owner=owner, kind=VBR, resource_id="vbr-abc123", region_code="cn-hangzhou")
    with pytest.raises(ValidationError) as refused:
        product_resource_ensure(owner=owner, kind=VBR, resource_id="vbr-abc123", region_code="us-east-1")
    assert refused.value.error_dict["resource_id"][0].code == "resource_region"


def test_an_unknown_region_is_refused():
    """A region the replica does not know is refused and nothing is recorded."""
    with pytest.raises(ValidationError) as refused:
        product_resource_ensure(owner=UserFactory(), kind=VBR, resource_id="vbr-abc123", region_code="mars-1")
    assert refused.value.error_dict["region"][0].code == "unknown_region"
    assert not ProductResource.objects.exists()


def test_the_command_records_a_resource_for_an_account(capsys):
    """manage.py product_resource_add records the resource as the first mention would."""
    owner = UserFactory(username="alice")
    call_command("product_resource_add", user="alice", kind="ECR", resource_id="ecr-abc")
    assert ProductResource.objects.get(owner=owner).resource_id == "ecr-abc"
    assert "ecr-abc" in capsys.readouterr().out


def test_the_command_refuses_a_bad_id_with_the_services_words():
    """A bad ID stops the command with the service's message."""
    UserFactory(username="alice")
    with pytest.raises(CommandError, match="vbr-"):
        call_command("product_resource_add", user="alice", kind="VBR", resource_id="nope")
