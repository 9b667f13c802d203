from django.db.models import QuerySet

from .models import AccessKey


def access_keys_for(*, owner) -> QuerySet[AccessKey]:
    """The account's AccessKeys that are not deleted: the AccessKey Management page starts here."""
    return AccessKey.objects.filter(owner=owner, deleted_at__isnull=True)


def access_key_for_signing(*, access_key_id: str) -> AccessKey | None:
    """The key a request names, if it exists and is not deleted (disabled keys are returned: the
    caller refuses them once the signature is checked)."""
    return AccessKey.objects.filter(pk=access_key_id, deleted_at__isnull=True).select_related("owner").first()
