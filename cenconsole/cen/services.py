from django.db import transaction

from .models import CenInstance


@transaction.atomic
def cen_instance_create(*, owner, name: str = "", description: str = "") -> CenInstance:
    instance = CenInstance(owner=owner, name=name.strip(), description=description.strip())
    instance.full_clean()
    instance.save(force_insert=True)
    return instance
