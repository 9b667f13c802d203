"""Throttles that fit a classroom (issue 29): joins count per workshop and per address, live sandboxes
only, with a per-workshop limit a facilitator raises for a room behind one address; one address stays
bounded."""

import pytest
from django.core.exceptions import ValidationError
from django.test import Client, override_settings

from cenconsole.demo import services as demo_services
from cenconsole.workshops import services as workshop_services
from cenconsole.workshops.models import MAX_JOINS_PER_ADDRESS, Trainee, Workshop
from tests.factories import facilitator, trainee_join, workshop_new

pytestmark = pytest.mark.django_db
ROOM = "203.0.113.7"  # one classroom behind one NAT address


def test_two_back_to_back_forty_seat_workshops_from_one_address_both_seat_everyone():
    """A 40-seat class from one address, ended, then the next 40-seat class from it within the hour: 80 seated."""
    owner = facilitator()
    morning = workshop_new(owner, seat_limit=40)
    for _ in range(40):
        trainee_join(morning, ip_address=ROOM)
    workshop_services.workshop_end(workshop=morning)
    afternoon = workshop_new(owner, seat_limit=40)
    for _ in range(40):
        trainee_join(afternoon, ip_address=ROOM)
    assert Trainee.objects.filter(workshop=morning).count() == 40
    assert Trainee.objects.filter(workshop=afternoon, account__isnull=False).count() == 40


@override_settings(WORKSHOP_JOINS_PER_ADDRESS=3)
def test_a_removed_sandbox_no_longer_counts_against_its_address():
    """Joins count live sandboxes only: once one of an address's trainees is gone, the address seats another."""
    workshop = workshop_new(seat_limit=10)
    trainees = [trainee_join(workshop, ip_address=ROOM) for _ in range(3)]
    with pytest.raises(ValidationError):
        trainee_join(workshop, ip_address=ROOM)
    demo_services.sandbox_purge(account_id=trainees[0].account.pk, note="test")
    assert trainee_join(workshop, ip_address=ROOM).seat == 4


def test_a_facilitator_raises_joins_per_address_for_a_room_behind_one_address(client):
    """New workshop with Joins per address 120: 120 trainees join from one address, the 121st is refused."""
    client.force_login(facilitator())
    form = {"title": "Big room", "length_hours": 3, "scenario": "fresh", "seat_limit": 200, "joins_per_address": 120}
    assert client.post("/workshops/", form).status_code == 302
    workshop = Workshop.objects.get()
    assert workshop.joins_per_address == 120
    assert "Joins per address" in client.get(f"/workshops/{workshop.pk}/").content.decode()
    for _ in range(120):
        trainee_join(workshop, ip_address=ROOM)
    response = Client(REMOTE_ADDR=ROOM).post(f"/w/{workshop.code}/")
    assert response.status_code == 429
    assert "120 trainees have already joined this workshop from your address" in response.content.decode()
    assert Trainee.objects.filter(workshop=workshop).count() == 120


def test_joins_per_address_is_bounded_on_the_form(client):
    """The form takes 1 to 200 joins per address: 201 and 0 are refused, nothing is made."""
    client.force_login(facilitator())
    for value in (MAX_JOINS_PER_ADDRESS + 1, 0):
        form = {"title": "Lab", "length_hours": 3, "scenario": "fresh", "seat_limit": 40, "joins_per_address": value}
        assert client.post("/workshops/", form).status_code == 400
    assert not Workshop.objects.exists()


def test_joins_per_address_defaults_to_the_operators_setting(client):
    """Left empty, a workshop's joins per address is WORKSHOP_JOINS_PER_ADDRESS; the form shows it."""
    client.force_login(facilitator())
    with override_settings(WORKSHOP_JOINS_PER_ADDRESS=60):
        assert 'value="60"' in client.get("/workshops/").content.decode()
        client.post("/workshops/", {"title": "Lab", "length_hours": 3, "scenario": "fresh", "seat_limit": 40})
    assert Workshop.objects.get().joins_per_address == 60


def test_abuse_from_one_address_stays_bounded():
    """One address joining a 200-seat workshop again and again gets WORKSHOP_JOINS_PER_ADDRESS (50) sandboxes."""
    workshop = workshop_new(seat_limit=200)
    seated = 0
    for _ in range(60):
        try:
            trainee_join(workshop, ip_address=ROOM)
            seated += 1
        except ValidationError as error:
            assert error.code == "join_throttled"
    assert seated == 50
    assert Trainee.objects.filter(workshop=workshop, ip_address=ROOM).count() == 50
