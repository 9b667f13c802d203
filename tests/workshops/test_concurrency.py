"""Visitors joining one workshop at the same moment, on PostgreSQL (SQLite serializes every write anyway)."""

import pytest
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError

from cenconsole.workshops import services
from cenconsole.workshops.models import Trainee
from tests.concurrency import at_once
from tests.conftest import requires_postgres
from tests.factories import workshop_new

pytestmark = [requires_postgres, pytest.mark.postgres, pytest.mark.django_db(transaction=True)]


def test_five_visitors_racing_for_two_seats_give_two_trainees():
    """Five joins at once to a workshop of 2 seats: two sandboxes and seats 1 and 2, three refusals
    saying it is full, and no sandbox left over from a refused join."""
    workshop = workshop_new(seat_limit=2)
    outcomes = at_once(*[lambda: services.workshop_join(workshop_id=workshop.pk, ip_address=None)] * 5)
    refused = [outcome for outcome in outcomes if isinstance(outcome, ValidationError)]
    assert len(refused) == 3 and all("full" in " ".join(error.messages) for error in refused)
    assert sorted(Trainee.objects.values_list("seat", flat=True)) == [1, 2]
    assert get_user_model().objects.filter(is_sandbox=True).count() == 2


def test_eight_joins_at_once_from_one_address_stay_within_its_joins_per_address():
    """Eight joins at once from one address to a 40-seat workshop allowing 3 per address: three seated."""
    workshop = workshop_new(seat_limit=40, joins_per_address=3)
    outcomes = at_once(*[lambda: services.workshop_join(workshop_id=workshop.pk, ip_address="203.0.113.7")] * 8)
    refused = [outcome for outcome in outcomes if isinstance(outcome, ValidationError)]
    assert len(refused) == 5 and all(error.code == "join_throttled" for error in refused)
    assert Trainee.objects.filter(ip_address="203.0.113.7").count() == 3
