"""A VPC connection's features (TransitRouterVPCAttachmentOptions) through the services: kept on the
create, set key by key on the update, refused outside the documented ipv6Support: enable or disable."""

import pytest
from django.core.exceptions import ValidationError

from cenconsole.audit.models import AuditRecord
from cenconsole.transit import services
from cenconsole.transit.models import TransitRouterVpcAttachment

from .conftest import ZONES

pytestmark = pytest.mark.django_db


def create(router, **extra):
    return services.vpc_attachment_create(
        owner=router.owner, transit_router_id=router.pk, vpc_id="vpc-options0001", zone_mappings=ZONES, **extra
    )


def test_the_create_keeps_the_features_given(active_router):
    """{"ipv6Support": "enable"} on the create is stored as given; none given is an empty map."""
    router = active_router()
    assert create(router, attachment_options={"ipv6Support": "enable"}).attachment_options == {"ipv6Support": "enable"}
    other = services.vpc_attachment_create(
        owner=router.owner, transit_router_id=router.pk, vpc_id="vpc-options0002", zone_mappings=ZONES
    )
    assert other.attachment_options == {}


@pytest.mark.parametrize(
    ("options", "code"),
    [({"dnsSupport": "enable"}, "vpc_option_unknown"), ({"ipv6Support": "yes"}, "vpc_option_value")],
)
def test_the_create_refuses_an_undocumented_key_or_value(active_router, options, code):
    """A key other than ipv6Support, or a value other than enable/disable: a field error, nothing made."""
    with pytest.raises(ValidationError) as refused:
        create(active_router(), attachment_options=options)
    assert [each.code for each in refused.value.error_dict["attachment_options"]] == [code]
    assert not TransitRouterVpcAttachment.objects.exists()


def test_the_update_changes_the_features_and_audits_it(active_router, later):
    """An update's features replace the keys they name, and the change is one audit record."""
    attachment = create(active_router(), attachment_options={"ipv6Support": "enable"})
    later(20)
    services.vpc_attachment_update(
        owner=attachment.owner, attachment_id=attachment.pk, attachment_options={"ipv6Support": "disable"}
    )
    attachment.refresh_from_db()
    assert attachment.attachment_options == {"ipv6Support": "disable"}
    record = AuditRecord.objects.get(action="transit_router.vpc_attachment_modified")
    assert "attachment_options" in record.changes


def test_an_update_with_an_empty_map_changes_nothing(active_router, later):
    """An empty map names no feature: the features stay, and nothing is audited."""
    attachment = create(active_router(), attachment_options={"ipv6Support": "enable"})
    later(20)
    services.vpc_attachment_update(owner=attachment.owner, attachment_id=attachment.pk, attachment_options={})
    attachment.refresh_from_db()
    assert attachment.attachment_options == {"ipv6Support": "enable"}
    assert not AuditRecord.objects.filter(action="transit_router.vpc_attachment_modified").exists()
