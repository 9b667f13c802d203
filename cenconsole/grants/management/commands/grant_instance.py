from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from cenconsole.accounts.uids import account_uid
from cenconsole.grants.services import grant_rule_create


class Command(BaseCommand):
    help = (
        "Grants an account's network instance (a VPC, VBR or CCN instance) to another account's CEN instance, "
        "as the VPC product's GrantInstanceToCen does (not a Cbn action, so the API does not answer it). The "
        "CEN instance's account may then attach it (AttachCenChildInstance, CreateTransitRouterVpcAttachment)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--user", required=True, help="the granting account's username")
        parser.add_argument("--type", default="VPC", dest="instance_type", choices=["VPC", "VBR", "CCN"])
        parser.add_argument("--id", required=True, dest="instance_id", help="e.g. vpc-abc123")
        parser.add_argument("--region", help="the instance's region ID, e.g. cn-hangzhou")
        parser.add_argument("--cen", required=True, dest="cen_id", help="the CEN instance's ID")
        parser.add_argument(
            "--cen-owner", required=True, help="the CEN instance's account: its 16-digit ID, or its username"
        )

    def handle(self, *args, user, instance_type, instance_id, region, cen_id, cen_owner, **options):
        accounts = get_user_model().objects
        owner = accounts.filter(username=user).first()
        if owner is None:
            raise CommandError(f"No account named {user!r}.")
        named = accounts.filter(username=cen_owner).first()
        cen_owner_uid = str(account_uid(named.pk)) if named is not None else cen_owner
        try:
            rule = grant_rule_create(
                owner=owner,
                instance_type=instance_type,
                instance_id=instance_id,
                region_code=region,
                cen_id=cen_id,
                cen_owner_uid=cen_owner_uid,
            )
        except ValidationError as error:
            raise CommandError("; ".join(error.messages)) from None
        self.stdout.write(
            f"{rule.instance_id} of {owner.username} granted to {rule.cen_id} of {rule.cen_owner.username}"
        )
