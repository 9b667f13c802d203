"""The grant pages without JavaScript: CEN Cross-account Authorization (list, Grant, Revoke) and Attach
Network's Different Account tab, each through the grants services, refusals on the page."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from cenconsole.accounts.uids import account_uid
from cenconsole.grants import services
from cenconsole.grants.models import GrantRule
from cenconsole.networks.models import NetworkInstance
from tests.factories import CenInstanceFactory, UserFactory

pytestmark = pytest.mark.django_db

LIST = "/cen/cross-account-authorization/"


def grant(owner, cen_instance, vpc_id="vpc-granted01"):
    return services.grant_rule_create(
        owner=owner,
        instance_type="VPC",
        instance_id=vpc_id,
        cen_id=cen_instance.pk,
        cen_owner_uid=str(account_uid(cen_instance.owner_id)),
        region_code="cn-hangzhou",
    )


def different_account_url(cen_instance):
    return reverse("grants:network_attach_granted", kwargs={"cen_id": cen_instance.pk})


def test_the_page_lists_the_grants_made_and_the_account_uid(client_user, user):
    """The page lists each grant (VPC, peer CEN ID, peer UID) and shows the account's own UID."""
    peer_cen = CenInstanceFactory()
    grant(user, peer_cen)
    page = client_user.get(reverse("grants:grant_list")).content.decode()
    assert "vpc-granted01" in page and peer_cen.pk in page
    assert str(account_uid(peer_cen.owner_id)) in page and str(account_uid(user.pk)) in page


def test_the_page_is_in_the_left_navigation(client_user):
    """Cross-account Authorization is a left-navigation entry, current on its page."""
    page = client_user.get(LIST).content.decode()
    assert 'aria-current="page">Cross-account Authorization</a>' in page


def test_the_page_queries_do_not_grow_with_grants(client_user, user):
    """The page runs the same number of queries for one grant as for five."""
    peer_cen = CenInstanceFactory()
    grant(user, peer_cen, "vpc-count1")
    client_user.get(LIST)
    with CaptureQueriesContext(connection) as one:
        client_user.get(LIST)
    for number in range(2, 6):
        grant(user, peer_cen, f"vpc-count{number}")
    with CaptureQueriesContext(connection) as five:
        client_user.get(LIST)
    assert len(five) == len(one)


def test_grant_posts_through_the_service_and_redirects(client_user, user):
    """The form's OK makes the grant rule and returns to the list with a message."""
    peer_cen = CenInstanceFactory()
    form = {
        "instance_type": "VPC",
        "region": "cn-beijing",
        "instance_id": "vpc-mine01",
        "cen_id": peer_cen.pk,
        "cen_owner_id": str(account_uid(peer_cen.owner_id)),
    }
    response = client_user.post(reverse("grants:grant_create"), form, follow=True)
    rule = GrantRule.objects.get()
    assert (rule.owner, rule.cen_owner, rule.region_id) == (user, peer_cen.owner, "cn-beijing")
    assert "is granted to CEN instance" in response.content.decode()


def test_a_grant_to_an_unknown_account_is_refused_beside_the_field(client_user):
    """A peer account UID no account has is refused on the form (summary and field), nothing made."""
    form = {
        "instance_type": "VPC",
        "region": "cn-beijing",
        "instance_id": "vpc-mine01",
        "cen_id": "cen-nobody",
        "cen_owner_id": "1000000000000000",
    }
    page = client_user.post(reverse("grants:grant_create"), form).content.decode()
    assert "There is a problem" in page and "No Alibaba Cloud account has the ID 1000000000000000" in page
    assert "is-invalid" in page
    assert not GrantRule.objects.exists()


def test_revoke_asks_then_revokes(client_user, user):
    """Revoke shows a confirm page; its OK revokes the grant."""
    rule = grant(user, CenInstanceFactory())
    revoke = reverse("grants:grant_revoke", kwargs={"grant_id": rule.pk})
    assert "Revoke Grant" in client_user.get(revoke).content.decode()
    response = client_user.post(revoke, follow=True)
    assert "was revoked" in response.content.decode()
    assert not GrantRule.objects.exists()


def test_revoke_while_attached_is_refused_on_the_confirm_page(client_user, user):
    """A grant whose VPC the peer attached stays: the confirm page says to detach it first."""
    peer_cen = CenInstanceFactory()
    rule = grant(user, peer_cen)
    services.granted_vpc_attach(
        owner=peer_cen.owner,
        cen_instance_id=peer_cen.pk,
        vpc_owner_uid=str(account_uid(user.pk)),
        vpc_id=rule.instance_id,
        region_code="cn-hangzhou",
    )
    page = client_user.post(reverse("grants:grant_revoke", kwargs={"grant_id": rule.pk})).content.decode()
    assert "Detach it before revoking the grant" in page
    assert GrantRule.objects.filter(pk=rule.pk).exists()


def test_another_accounts_grant_is_not_found(client_user):
    """Revoke on another account's grant is 404."""
    rule = grant(UserFactory(), CenInstanceFactory())
    assert client_user.get(reverse("grants:grant_revoke", kwargs={"grant_id": rule.pk})).status_code == 404


def test_different_account_attaches_a_granted_vpc(client_user, user, cen_instance):
    """Different Account's OK attaches the VPC another account granted, naming that account."""
    granting = UserFactory()
    grant(granting, cen_instance)
    form = {
        "vpc_owner_uid": str(account_uid(granting.pk)),
        "network_type": "VPC",
        "region": "cn-hangzhou",
        "network_id": "vpc-granted01",
    }
    response = client_user.post(different_account_url(cen_instance), form, follow=True)
    network = NetworkInstance.objects.get(instance_id="vpc-granted01")
    assert (network.owner, network.vpc_owner, network.cen_instance) == (user, granting, cen_instance)
    page = response.content.decode()
    assert "was attached" in page and f"Account {account_uid(granting.pk)}" in page


def test_different_account_refuses_a_vpc_not_granted(client_user, cen_instance):
    """A VPC its account has not granted is refused beside the Networks field; nothing attached."""
    form = {
        "vpc_owner_uid": str(account_uid(UserFactory().pk)),
        "network_type": "VPC",
        "region": "cn-hangzhou",
        "network_id": "vpc-notgranted",
    }
    page = client_user.post(different_account_url(cen_instance), form).content.decode()
    assert "There is a problem" in page and "has not granted it to CEN instance" in page
    assert not NetworkInstance.objects.exists()


def test_different_account_tab_for_htmx_is_only_the_form(client_user, cen_instance):
    """htmx asking for Different Account gets the form alone, with both account tabs."""
    page = client_user.get(different_account_url(cen_instance), HTTP_HX_REQUEST="true").content.decode()
    assert "Peer Account UID" in page and "Your Account" in page and "network-table" not in page


def test_different_account_on_another_accounts_cen_is_not_found(client_user):
    """Different Account on another account's CEN instance is 404."""
    assert client_user.get(different_account_url(CenInstanceFactory())).status_code == 404


def test_attach_network_offers_your_account_and_different_account_tabs(client_user, cen_instance):
    """Attach Network Instance opens on Your Account (current) with a link to Different Account."""
    attach = reverse("networks:network_attach", kwargs={"cen_id": cen_instance.pk})
    page = client_user.get(attach).content.decode()
    assert f'aria-current="page" href="{attach}"' in page
    assert f'href="{different_account_url(cen_instance)}"' in page
