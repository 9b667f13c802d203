import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from cenconsole.audit.models import AuditRecord
from cenconsole.cen import services
from cenconsole.cen.models import CenInstance
from tests.factories import UserFactory, buy_package

pytestmark = pytest.mark.django_db


def delete_url(instance):
    return reverse("cen:instance_delete", args=[instance.pk])


def test_instance_without_packages_is_deleted(cen_instance, user):
    """An unused instance is deleted: gone from the account's pages, kept as a row, audited."""
    services.cen_instance_delete(owner=user, cen_id=cen_instance.pk)
    cen_instance.refresh_from_db()
    assert cen_instance.deleted_at is not None
    assert AuditRecord.objects.for_target(cen_instance).filter(action="cen.deleted").exists()


def test_instance_with_a_bound_package_is_not_deleted(cen_instance, user):
    """Deleting an instance with a bound package is refused with a message naming the package."""
    package = buy_package(cen_instance)
    with pytest.raises(ValidationError, match=package.pk):
        services.cen_instance_delete(owner=user, cen_id=cen_instance.pk)
    assert CenInstance.objects.get(pk=cen_instance.pk).deleted_at is None


def test_instances_page_offers_delete(client_user, cen_instance):
    """Each row of the Instances page has a Delete action."""
    page = client_user.get(reverse("cen:instance_list")).content.decode()
    assert f'href="{delete_url(cen_instance)}"' in page


def test_delete_asks_for_confirmation_first(client_user, cen_instance):
    """GET shows the confirm step and deletes nothing."""
    response = client_user.get(delete_url(cen_instance))
    assert response.status_code == 200 and "Are you sure" in response.content.decode()
    assert CenInstance.objects.get(pk=cen_instance.pk).deleted_at is None


def test_confirmed_delete_removes_the_instance_from_the_list(client_user, cen_instance):
    """OK deletes the instance (it is being deleted, as DeleteCen is asynchronous) and the Instances
    page no longer lists it."""
    response = client_user.post(delete_url(cen_instance), follow=True)
    assert f"CEN instance {cen_instance.pk} is being deleted." in response.content.decode()
    assert client_user.get(reverse("cen:instance_detail", args=[cen_instance.pk])).status_code == 404


def test_delete_with_a_package_shows_the_message(client_user, cen_instance):
    """A refused delete re-renders the confirm page with the reason."""
    buy_package(cen_instance)
    response = client_user.post(delete_url(cen_instance))
    assert response.status_code == 200
    assert "still has bandwidth packages bound" in response.content.decode()


def test_another_accounts_instance_cannot_be_deleted(client, cen_instance):
    """Another account's instance answers 404 and stays."""
    client.force_login(UserFactory())
    assert client.post(delete_url(cen_instance)).status_code == 404
    assert CenInstance.objects.get(pk=cen_instance.pk).deleted_at is None
