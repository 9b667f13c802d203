"""The one way a CEN action gets hold of another product's resource (products.models): the account's
record of it, made by the first action that names it, in the region that action gives. A later action
that names it in another region is refused, as the real resource lives in one region."""

from django.db import IntegrityError, transaction

from cenconsole.core.errors import field_error
from cenconsole.regions.models import Region

from .messages import RESOURCE_ID_FORMAT, RESOURCE_REGION, UNKNOWN_REGION
from .models import ProductResource


def product_resource_ensure(
    *, owner, kind: str, resource_id: str, region_code: str | None = None, field: str = "resource_id"
) -> ProductResource:
    """The account's `kind` resource `resource_id` (made now if it is the first mention), in
    `region_code` (None: any region, or a global resource). Refusals name `field`, the parameter the
    caller took the ID from (VbrId, VpnId, EcrId...)."""
    kind = ProductResource.Kind(kind)
    if not isinstance(resource_id, str) or not ProductResource.ID_PATTERNS[kind].fullmatch(resource_id):
        raise field_error(
            field,
            RESOURCE_ID_FORMAT,
            "resource_id_format",
            name=kind.label,
            prefix=ProductResource.ID_PREFIXES[kind],
        )
    region = None
    if region_code is not None:
        region = Region.objects.filter(pk=region_code).first()
        if region is None:
            raise field_error("region", UNKNOWN_REGION, "unknown_region")
    found = ProductResource.objects.filter(owner=owner, kind=kind, resource_id=resource_id).first()
    if found is None:
        try:
            with transaction.atomic():
                found = ProductResource.objects.create(owner=owner, kind=kind, resource_id=resource_id, region=region)
        except IntegrityError:  # named by a concurrent request meanwhile
            found = ProductResource.objects.get(owner=owner, kind=kind, resource_id=resource_id)
    if region is not None and found.region_id not in (None, region.pk):
        raise field_error(
            field,
            RESOURCE_REGION,
            "resource_region",
            resource_id=resource_id,
            region=found.region_id,
            expected=region.pk,
        )
    return found
