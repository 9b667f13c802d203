from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from cenconsole.products.models import ProductResource
from cenconsole.products.services import product_resource_ensure


class Command(BaseCommand):
    help = (
        "Records another product's resource (a VBR, an IPsec-VPN connection, a VPN gateway, an Express Connect "
        "Router, a prefix list) for an account, as if it had been created in that product, so that CEN actions "
        "can name it. Actions that name one also record it on first use."
    )

    def add_arguments(self, parser):
        parser.add_argument("--user", required=True, help="the account's username")
        parser.add_argument("--kind", required=True, choices=ProductResource.Kind.values)
        parser.add_argument("--id", required=True, dest="resource_id", help="e.g. vbr-abc123")
        parser.add_argument("--region", help="the region ID, e.g. cn-hangzhou (none for an ECR)")

    def handle(self, *args, user, kind, resource_id, region, **options):
        owner = get_user_model().objects.filter(username=user).first()
        if owner is None:
            raise CommandError(f"No account named {user!r}.")
        try:
            resource = product_resource_ensure(owner=owner, kind=kind, resource_id=resource_id, region_code=region)
        except ValidationError as error:
            raise CommandError("; ".join(error.messages)) from None
        self.stdout.write(f"{resource} of {owner.username}, region {resource.region_id or '-'}")
