"""The board's figures, one by one (issue 27, `make mutation` on workshops/selectors.py): when each trainee
joined, the time on their clock (live, and as End workshop kept it), their tour stop, their kept ticket, and
how many never started."""

from datetime import UTC, datetime, timedelta

import pytest
import time_machine

from cenconsole.cen.models import CenInstance
from cenconsole.workshops import selectors
from cenconsole.workshops import services as workshop_services
from cenconsole.workshops.models import Trainee
from tests.factories import buy_package, open_ticket, trainee_join, workshop_new

pytestmark = pytest.mark.django_db

NOON = datetime(2026, 12, 6, 12, 0, tzinfo=UTC)


def ahead(trainee, days):
    type(trainee.account).objects.filter(pk=trainee.account.pk).update(clock_offset=timedelta(days=days))


def test_a_live_trainees_row_says_when_they_joined_and_the_time_on_their_clock():
    """While the sandbox lives its clock is real time plus the trainee's own offset."""
    with time_machine.travel(NOON, tick=False):
        workshop = workshop_new()
        trainee = trainee_join(workshop)
        ahead(trainee, 7)
        row = selectors.board_rows(workshop=workshop)[0]
    assert row.joined_at == Trainee.objects.get().joined_at == NOON
    assert (row.live, row.clock, row.days_ahead) == (True, NOON + timedelta(days=7), 7)


def test_an_ended_workshops_clock_stops_at_its_end_plus_each_trainees_offset():
    """After End workshop a trainee's clock is the end plus the offset they had, not the time of reading."""
    with time_machine.travel(NOON, tick=False):
        workshop = workshop_new()
        ahead_trainee, plain_trainee = trainee_join(workshop), trainee_join(workshop)
        ahead(ahead_trainee, 3)
        workshop_services.workshop_end(workshop=workshop)
    workshop.refresh_from_db()
    with time_machine.travel(NOON + timedelta(hours=5), tick=False):
        rows = {row.seat: row for row in selectors.board_rows(workshop=workshop)}
    assert rows[ahead_trainee.seat].clock == workshop.ended_at + timedelta(days=3) == NOON + timedelta(days=3)
    assert rows[plain_trainee.seat].clock == NOON
    assert not rows[plain_trainee.seat].live


def test_an_ended_workshop_keeps_who_opened_a_ticket():
    """The kept figures after End workshop include the ticket a trainee opened."""
    workshop = workshop_new()
    asker = trainee_join(workshop)
    open_ticket(buy_package(CenInstance.objects.get(owner=asker.account), area_a_code="Europe", area_b_code="Europe"))
    workshop_services.workshop_end(workshop=workshop)
    assert selectors.board_rows(workshop=workshop)[0].opened_ticket is True


def test_a_trainee_who_has_not_started_the_tour_has_no_stop_and_counts_as_not_started():
    """Two of three never started: their stop is empty and the funnel counts them as not started."""
    workshop = workshop_new()
    started, *others = (trainee_join(workshop) for _ in range(3))
    Trainee.objects.update(tour_stop=0)
    workshop_services.trainee_tour_step(account=started.account, stop="manage")
    rows = {row.seat: row for row in selectors.board_rows(workshop=workshop)}
    assert [rows[trainee.seat].stop for trainee in others] == ["", ""]
    assert rows[started.seat].stop == "manage"
    assert selectors.funnel(list(rows.values()))["not_started"] == 2
