"""The multicast admin: staff see every multicast row, and change none of them there (the services,
with their rules and audit records, are the only writers)."""

import pytest
from django.urls import reverse

from cenconsole.multicast.models import MulticastAssociation, MulticastDomain, MulticastGroupResource, NetworkInterface

from .objects import multicast_objects

pytestmark = pytest.mark.django_db

MODELS = [MulticastDomain, MulticastAssociation, MulticastGroupResource, NetworkInterface]


def url(model, view, *args):
    return reverse(f"admin:multicast_{model._meta.model_name}_{view}", args=args)


@pytest.mark.parametrize("model", MODELS, ids=lambda model: model.__name__)
def test_staff_see_the_list_and_a_row(admin_client, cen_instance, model):
    """Each model's list and one row's page render for staff, naming the row."""
    multicast_objects(owner=cen_instance.owner, cen_instance=cen_instance)
    row = model.objects.first()
    assert admin_client.get(url(model, "changelist")).status_code == 200
    page = admin_client.get(url(model, "change", row.pk))
    assert page.status_code == 200
    assert str(row) in page.text


@pytest.mark.parametrize("model", MODELS, ids=lambda model: model.__name__)
def test_the_admin_adds_and_deletes_nothing(admin_client, cen_instance, model):
    """No Add page, no Delete page: 403."""
    multicast_objects(owner=cen_instance.owner, cen_instance=cen_instance)
    row = model.objects.first()
    assert admin_client.get(url(model, "add")).status_code == 403
    assert admin_client.get(url(model, "delete", row.pk)).status_code == 403
