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
