"""CEN instances: CreateCen, DescribeCens, ModifyCenAttribute, DeleteCen."""

from cenconsole.accounts.resource_groups import in_resource_group
from cenconsole.bandwidth.models import BandwidthPackage
from cenconsole.cen import services as cen_services
from cenconsole.cen.selectors import cen_instances_listed
from cenconsole.tags import selectors as tag_selectors
from cenconsole.tags import services as tag_services
from cenconsole.tags.models import Tag

from .. import representations as show
from .. import services as api_services
from ..params import Params
from .common import CLIENT_TOKEN_MAX_LENGTH
from .tags import tags_to_set


def create_cen(*, owner, params: Params) -> dict:
    name, description = params.string("Name") or "", params.string("Description") or ""
    params.string("ProtectionLevel", choices=["REDUCED"])
    token = params.string("ClientToken", max_length=CLIENT_TOKEN_MAX_LENGTH)
    tags = tags_to_set(params)

    def create():
        instance = cen_services.cen_instance_create(owner=owner, name=name, description=description)
        tag_services.tags_add(owner=owner, resource_type=Tag.ResourceType.CEN, resources=[instance], tags=tags)
        return instance.pk

    return {
        "CenId": api_services.client_token_once(
            owner=owner, action="CreateCen", token=token, create=create, fingerprint=params.fingerprint()
        )
    }


def modify_cen_attribute(*, owner, params: Params) -> dict:
    params.string("ProtectionLevel", choices=["REDUCED"])
    cen_services.cen_instance_modify_attribute(
        owner=owner,
        cen_id=params.string("CenId", required=True),
        name=params.string("Name"),
        description=params.string("Description"),
    )
    return {}


def describe_cens(*, owner, params: Params) -> dict:
    filters = params.filters({"CenId", "Name"})
    tags = params.tags()
    instances = cen_instances_listed(owner=owner).order_by("-created_at", "-id")
    if "CenId" in filters:
        instances = instances.filter(pk__in=filters["CenId"])
    if "Name" in filters:
        instances = instances.filter(name__in=filters["Name"])
    if tags:
        instances = instances.filter(
            pk__in=tag_selectors.tagged_resource_ids(owner=owner, resource_type=Tag.ResourceType.CEN, tags=tags)
        )
    resource_group = params.string("ResourceGroupId")
    if resource_group:
        instances = instances.filter(in_resource_group(resource_group, owner_id=owner.pk))
    number, size = params.page()
    page = list(instances[(number - 1) * size : number * size])
    package_ids = {instance.pk: [] for instance in page}
    bound = BandwidthPackage.objects.active().filter(cen_instance__in=page).order_by("created_at", "id")
    for cen_id, package_id in bound.values_list("cen_instance_id", "pk"):
        package_ids[cen_id].append(package_id)
    tags_by_cen = tag_selectors.tags_for(
        owner=owner, resource_type=Tag.ResourceType.CEN, resource_ids=[instance.pk for instance in page]
    )
    shown = [show.cen(instance, package_ids[instance.pk], tags_by_cen[instance.pk]) for instance in page]
    return show.page(shown, total=instances.count(), number=number, size=size, wrapper="Cens", item="Cen")


def delete_cen(*, owner, params: Params) -> dict:
    cen_services.cen_instance_delete(owner=owner, cen_id=params.string("CenId", required=True))
    return {}
