"""Reads for workshops: who may facilitate, a facilitator's workshops, and the board (every trainee's
progress, read from their real orders and tickets, and the funnel of the tour's steps)."""

from dataclasses import dataclass
from datetime import datetime, timedelta

from django.db.models import Exists, OuterRef

from cenconsole.bandwidth.models import Order
from cenconsole.core import clock
from cenconsole.tickets.models import DeletionTicket

from .models import Trainee, Workshop
from .scenarios import SCENARIOS, SEED_ORDER_PREFIX
from .tour import PURCHASE, TOURS, Tour, tour_of

# The Facilitators group (a data migration) holds this permission; the console checks the permission.
# Being staff is not enough: Support staff reach the ticket desk, not the room (superusers hold every
# permission, so they run workshops too).
FACILITATOR_PERMISSION = "workshops.add_workshop"


def is_facilitator(user) -> bool:
    """A member of the Facilitators group, or a superuser (never a sandbox, whatever its groups)."""
    if not user.is_authenticated or getattr(user, "is_sandbox", False):
        return False
    return user.has_perm(FACILITATOR_PERMISSION)


def workshops_of(*, facilitator):
    """The workshops the facilitator runs (a superuser sees every workshop), newest first."""
    workshops = Workshop.objects.all()
    if not facilitator.is_superuser:
        workshops = workshops.filter(facilitator=facilitator)
    return workshops


def workshop_of(*, facilitator, workshop_id):
    """The facilitator's workshop (any, for a superuser), or None."""
    return workshops_of(facilitator=facilitator).filter(pk=workshop_id).first()


@dataclass
class BoardRow:
    seat: int
    username: str
    display_name: str
    joined_at: datetime
    step: int
    stop: str
    finished: bool
    bought: bool
    paid: bool
    opened_ticket: bool
    clock: datetime
    offset: timedelta
    days_ahead: int
    live: bool


def _trainee_orders():
    return Order.objects.filter(owner_id=OuterRef("account_id")).exclude(idempotency_key__startswith=SEED_ORDER_PREFIX)


def board_rows(*, workshop) -> list[BoardRow]:
    """Every trainee of the workshop, in seat order, in one query whatever the room's size: their
    figures read live from their orders and tickets while the sandbox lives, and as End workshop kept
    them afterwards."""
    trainees = (
        Trainee.objects.filter(workshop=workshop)
        .select_related("account")
        .only(
            "seat",
            "username",
            "display_name",
            "joined_at",
            "tour_stop",
            "bought",
            "paid",
            "opened_ticket",
            "clock_offset",
            "account__id",
            "account__clock_offset",
        )
        .annotate(
            live_bought=Exists(_trainee_orders().filter(order_type=Order.Type.BUY)),
            live_paid=Exists(_trainee_orders().filter(paid_at__isnull=False)),
            live_ticket=Exists(DeletionTicket.objects.filter(requester_id=OuterRef("account_id"), practice=False)),
        )
    )
    tour = workshop_tour(workshop)
    now = clock.real_now()
    end = workshop.ended_at or now
    rows = []
    for trainee in trainees:
        live = trainee.account is not None
        if live:
            offset = trainee.account.clock_offset
            bought, paid, ticket = trainee.live_bought, trainee.live_paid, trainee.live_ticket
        else:
            offset = trainee.clock_offset or timedelta(0)
            bought, paid, ticket = bool(trainee.bought), bool(trainee.paid), bool(trainee.opened_ticket)
        rows.append(
            BoardRow(
                seat=trainee.seat,
                username=trainee.username,
                display_name=trainee.display_name,
                joined_at=trainee.joined_at,
                step=tour.step_of(trainee.tour_stop),
                stop=tour.stop_name(trainee.tour_stop),
                finished=trainee.tour_stop >= tour.finished_stop,
                bought=bought,
                paid=paid,
                opened_ticket=ticket,
                clock=(now if live else end) + offset,
                offset=offset,
                days_ahead=offset.days,
                live=live,
            )
        )
    return rows


@dataclass
class FunnelStep:
    step: int
    name: object
    reached: int
    stopped: int


def funnel(rows: list[BoardRow], tour: Tour = TOURS[PURCHASE]) -> dict:
    """How many trainees reached each step of the tour, and how many stopped there (reached it and no
    further, without finishing); how many finished, and how many never started."""
    steps = [
        FunnelStep(
            step=step,
            name=tour.step_names[step],
            reached=sum(1 for row in rows if row.step >= step),
            stopped=sum(1 for row in rows if row.step == step and not row.finished),
        )
        for step in tour.steps
    ]
    return {
        "steps": steps,
        "finished": sum(1 for row in rows if row.finished),
        "not_started": sum(1 for row in rows if row.step == 0),
        "room": len(rows),
    }


def workshop_tour(workshop) -> Tour:
    """The guided tour the workshop's scenario starts from: the one whose stops its board counts."""
    scenario = SCENARIOS.get(workshop.scenario)
    return scenario.tour if scenario else tour_of(PURCHASE)


def trainee_of(account):
    """The trainee row of a signed-in sandbox, with its workshop, or None."""
    if not getattr(account, "is_sandbox", False):
        return None
    return Trainee.objects.select_related("workshop").filter(account=account).first()


def workshop_by_id(workshop_id):
    if not isinstance(workshop_id, int):
        return None
    return Workshop.objects.filter(pk=workshop_id).first()


def workshop_by_code(code: str):
    return Workshop.objects.filter(code=code).first()


def seats_taken(workshop) -> int:
    return Trainee.objects.filter(workshop=workshop).count()
