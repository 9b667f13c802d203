"""Test data. Plain rows come from factories; anything with rules (packages, orders) is made
through the real services, so tests never build a state the console could not reach."""

import uuid
from decimal import Decimal

import factory
from django.contrib.auth import get_user_model

from cenconsole.accounts.models import LedgerEntry
from cenconsole.accounts.services import balance_change
from cenconsole.bandwidth import services as bandwidth_services
from cenconsole.cen.models import CenInstance

PASSWORD = "correct-horse-battery"


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    password = factory.PostGenerationMethodCall("set_password", PASSWORD)

    @factory.post_generation
    def save_password(obj, create, extracted, **kwargs):
        if create:
            obj.save()


class CenInstanceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CenInstance

    owner = factory.SubFactory(UserFactory)
    name = factory.Sequence(lambda n: f"cen-test-{n}")
    description = "test instance"


def balance_set(account, amount):
    """Brings the account's balance to `amount` (a short balance, or a large one) the way money
    moves in the console: one adjustment through the ledger, so balance and entries agree."""
    current = get_user_model().objects.values_list("balance", flat=True).get(pk=account.pk)
    difference = Decimal(amount) - current
    if difference:
        balance_change(account=account, amount=difference, kind=LedgerEntry.Kind.ADJUSTMENT, description="Test set-up")


def purchase_args(cen_instance, **overrides):
    """Arguments for a valid purchase on cen_instance: Mainland China <-> North America, 10 Mbps, 1 month."""
    args = {
        "cen_instance_id": cen_instance.pk,
        "area_a_code": "China",
        "area_b_code": "North-America",
        "bandwidth": 10,
        "name": "bwp-test",
        "description": "",
        "duration_months": 1,
        "auto_renewal": False,
        "auto_renewal_months": 1,
        "cross_border_agreed": True,
    }
    args.update(overrides)
    return args


def order_purchase(cen_instance, *, owner=None, idempotency_key=None, terms_agreed=True, **overrides):
    """An unpaid order, made by the Buy Now service (the Terms of Service selected, unless told not)."""
    return bandwidth_services.order_create_purchase(
        owner=owner or cen_instance.owner,
        idempotency_key=idempotency_key or uuid.uuid4().hex,
        terms_agreed=terms_agreed,
        **purchase_args(cen_instance, **overrides),
    )


def buy_package(cen_instance, **overrides):
    """A paid, bound package, made by Buy Now and Pay exactly as the console makes it."""
    order = order_purchase(cen_instance, **overrides)
    order = bandwidth_services.order_pay(owner=cen_instance.owner, order_id=order.pk)
    return order.package


def support_staff(username="support"):
    """A staff member in the Support staff group that the tickets migration makes."""
    from django.contrib.auth.models import Group

    staff = UserFactory(username=username, is_staff=True)
    staff.groups.add(Group.objects.get(name="Support staff"))
    return get_user_model().objects.get(pk=staff.pk)  # fresh: permissions are cached per instance


def open_ticket(package, reason="No longer needed"):
    from cenconsole.tickets import services as ticket_services

    ticket, _ = ticket_services.ticket_open(requester=package.owner, package_id=package.pk, reason=reason)
    return ticket


def facilitator(username=None):
    """An account in the Facilitators group that the workshops migration makes."""
    from django.contrib.auth.models import Group

    user = UserFactory(**({"username": username} if username else {}))
    user.groups.add(Group.objects.get(name="Facilitators"))
    return get_user_model().objects.get(pk=user.pk)


def workshop_new(
    owner=None, *, title="Partner enablement", scenario="fresh", length_hours=3, seat_limit=40, joins_per_address=None
):
    """A workshop created by the New workshop service (by a new facilitator unless `owner` is given)."""
    from cenconsole.workshops import services as workshop_services

    return workshop_services.workshop_create(
        facilitator=owner or facilitator(),
        title=title,
        scenario=scenario,
        length_hours=length_hours,
        seat_limit=seat_limit,
        joins_per_address=joins_per_address,
    )


def trainee_join(workshop, ip_address=None, display_name=""):
    """A trainee seated by Join workshop's service: a sandbox seeded with the workshop's scenario."""
    from cenconsole.workshops import services as workshop_services

    return workshop_services.workshop_join(workshop_id=workshop.pk, ip_address=ip_address, display_name=display_name)
