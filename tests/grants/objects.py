"""The grant and route objects the URL walks need (tests/security/test_url_access.py make_owner_objects):
a grant `owner` made to another account's CEN instance, and a published custom route of its VPC."""

from cenconsole.accounts.uids import account_uid
from cenconsole.grants import services as grant_services
from cenconsole.networks import services as network_services
from cenconsole.networks.routes import route_table_id
from tests.factories import CenInstanceFactory


def grants_and_routes_objects(*, owner, network) -> dict:
    peer_cen = CenInstanceFactory()
    rule = grant_services.grant_rule_create(
        owner=owner,
        instance_type="VPC",
        instance_id="vpc-objectsgranted",
        cen_id=peer_cen.pk,
        cen_owner_uid=str(account_uid(peer_cen.owner_id)),
        region_code="cn-hangzhou",
    )
    entry = network_services.route_entry_publish(
        owner=owner,
        cen_instance_id=network.cen_instance_id,
        vpc_id=network.instance_id,
        region_code=network.region_id,
        route_table_id=route_table_id(network),
        destination_cidr="192.168.77.0/24",
    )
    return {"grant_id": rule.pk, "vpc_route_entry_id": entry.pk}
