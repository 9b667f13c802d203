"""Room-wide actions finish or are repeated safely (issue 27): a crash part-way through Advance
everyone's clock, Reset everyone or End workshop leaves a room that the next press (or the periodic
`end_workshops`) finishes, and no trainee is moved twice by one press."""

from datetime import timedelta
from unittest import mock

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command

from cenconsole.bandwidth.models import BandwidthPackage
from cenconsole.cen.models import CenInstance
from cenconsole.demo import services as demo_services
from cenconsole.tickets.models import DeletionTicket
from cenconsole.workshops import services as workshop_services
from cenconsole.workshops.models import Trainee
from tests.factories import buy_package, trainee_join, workshop_new

pytestmark = pytest.mark.django_db
User = get_user_model()
WEEK = timedelta(weeks=1)


class Crash(BaseException):
    """The process dying part-way (not an error the loop would catch and carry on from)."""


def crashing_on(n, real):
    """`real`, raising Crash on its nth call (before doing anything for that trainee)."""
    calls = {"count": 0}

    def step(*args, **kwargs):
        calls["count"] += 1
        if calls["count"] == n:
            raise Crash
        return real(*args, **kwargs)

    return step


def offsets(workshop):
    return [
        trainee.account.clock_offset for trainee in Trainee.objects.filter(workshop=workshop).select_related("account")
    ]


@pytest.fixture
def room():
    workshop = workshop_new(scenario="fresh")
    for _ in range(5):
        trainee_join(workshop)
    return workshop


def crash_advance(workshop, *, on=3, step="week"):
    with mock.patch.object(demo_services, "clock_advance", crashing_on(on, demo_services.clock_advance)):
        with pytest.raises(Crash):
            workshop_services.workshop_clock_advance(workshop=workshop, step=step)


def test_a_crash_mid_advance_leaves_the_room_split(room):
    """The finding's state: the trainees before the crash moved, the rest did not."""
    crash_advance(room)
    assert offsets(room) == [WEEK, WEEK, timedelta(0), timedelta(0), timedelta(0)]


def test_advance_pressed_again_after_a_crash_finishes_the_room_and_moves_nobody_twice(room):
    """The second press brings the three left behind to +1 week; the two that moved stay at +1 week."""
    crash_advance(room)
    outcome = workshop_services.workshop_clock_advance(workshop=room, step="week")
    assert outcome["retry"] is True and outcome["moved"] == 3
    assert offsets(room) == [WEEK] * 5


def test_a_press_after_the_room_finished_moves_everyone_again(room):
    """Once the room is whole, a press is a new press: everyone moves by its step."""
    crash_advance(room)
    workshop_services.workshop_clock_advance(workshop=room, step="week")
    outcome = workshop_services.workshop_clock_advance(workshop=room, step="day")
    assert outcome["retry"] is False and outcome["moved"] == 5
    assert offsets(room) == [WEEK + timedelta(days=1)] * 5


def test_the_retry_finishes_the_step_that_was_pressed_not_the_new_one(room):
    """After a crash in 1 week, pressing 1 day finishes the week (the room is one time again), and says so."""
    crash_advance(room)
    outcome = workshop_services.workshop_clock_advance(workshop=room, step="day")
    assert outcome["retry"] is True and outcome["action"] == "week"
    assert offsets(room) == [WEEK] * 5


def test_a_refused_trainee_is_not_retried(room):
    """To next expiry with no package is that trainee's answer for the press: the next press is new."""
    first = Trainee.objects.filter(workshop=room).first().account
    buy_package(CenInstance.objects.get(owner=first), area_a_code="China", area_b_code="China")
    outcome = workshop_services.workshop_clock_advance(workshop=room, step="next-expiry")
    assert outcome["moved"] == 1 and sum(outcome["refused"].values()) == 4
    outcome = workshop_services.workshop_clock_advance(workshop=room, step="day")
    assert outcome["retry"] is False and outcome["moved"] == 5


def test_a_trainee_who_joins_after_a_crash_is_not_moved_by_its_retry(room):
    """A newcomer starts on real time; the retry of an earlier press is not theirs."""
    crash_advance(room)
    newcomer = trainee_join(room).account
    workshop_services.workshop_clock_advance(workshop=room, step="week")
    newcomer.refresh_from_db()
    assert newcomer.clock_offset == timedelta(0)
    assert offsets(room)[:5] == [WEEK] * 5


def test_the_board_says_the_retry_finished_the_earlier_press(client, room):
    """The facilitator reads that the press finished the earlier one, and how many it reached."""
    crash_advance(room)
    client.force_login(room.facilitator)
    page = client.post(f"/workshops/{room.pk}/clock/", {"step": "month"}, follow=True).content.decode()
    assert "The last room-wide action (1 week) had not reached every trainee" in page
    assert offsets(room) == [WEEK] * 5


def test_reset_pressed_again_after_a_crash_finishes_the_room(room):
    """A crash in Reset everyone, then Reset again: every sandbox is reset (each once)."""
    workshop_services.workshop_clock_advance(workshop=room, step="week")
    with mock.patch.object(demo_services, "demo_reset", crashing_on(4, demo_services.demo_reset)):
        with pytest.raises(Crash):
            workshop_services.workshop_reset(workshop=room)
    assert offsets(room) == [timedelta(0)] * 3 + [WEEK] * 2
    with mock.patch.object(demo_services, "demo_reset", wraps=demo_services.demo_reset) as reset:
        outcome = workshop_services.workshop_reset(workshop=room)
    assert reset.call_count == 2 and outcome["retry"] is True
    assert offsets(room) == [timedelta(0)] * 5


def test_advance_after_a_crashed_reset_finishes_the_reset_first(room):
    """Pressing Advance while a Reset is unfinished resets the rest and moves nobody ahead."""
    workshop_services.workshop_clock_advance(workshop=room, step="week")
    with mock.patch.object(demo_services, "demo_reset", crashing_on(2, demo_services.demo_reset)):
        with pytest.raises(Crash):
            workshop_services.workshop_reset(workshop=room)
    outcome = workshop_services.workshop_clock_advance(workshop=room, step="week")
    assert outcome["retry"] is True and outcome["action"] == "reset"
    assert offsets(room) == [timedelta(0)] * 5


def test_end_workshops_finishes_an_end_that_crashed(room):
    """A crash during End workshop: the periodic end_workshops removes the sandboxes (and their
    tickets) still alive, though the workshop is already marked ended."""
    workshop = workshop_new(scenario="deletion-request")
    for _ in range(3):
        trainee_join(workshop)
    with mock.patch.object(demo_services, "sandbox_purge", crashing_on(2, demo_services.sandbox_purge)):
        with pytest.raises(Crash):
            workshop_services.workshop_end(workshop=workshop)
    workshop.refresh_from_db()
    assert workshop.ended_at is not None
    assert Trainee.objects.filter(workshop=workshop, account__isnull=False).count() == 2
    call_command("end_workshops")
    assert not Trainee.objects.filter(workshop=workshop, account__isnull=False).exists()
    assert (
        not DeletionTicket.objects.exists()
        and not BandwidthPackage.objects.filter(
            owner__is_sandbox=True, owner__workshop_seat__workshop=workshop
        ).exists()
    )
    assert Trainee.objects.filter(workshop=room, account__isnull=False).count() == 5  # a running room is untouched


def test_end_workshops_leaves_a_finished_end_alone():
    """An ended workshop with no sandbox left is not ended again (no new audit record)."""
    workshop = workshop_new()
    trainee_join(workshop)
    workshop_services.workshop_end(workshop=workshop)
    assert workshop_services.workshops_end_due() == []
