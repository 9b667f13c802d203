"""Writes for workshops: create one, join it (a sandbox seeded with its scenario), report tour steps,
and the facilitator's room-wide actions (Advance everyone's clock, Reset everyone, End workshop), each
done per trainee through the demo's own services, as the single-sandbox buttons do."""

import logging
import secrets
from collections import Counter
from datetime import timedelta

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Q

from cenconsole.audit.services import audit_record
from cenconsole.core import clock
from cenconsole.core.errors import field_error, refusal
from cenconsole.core.validators import validate_name
from cenconsole.demo import services as demo_services

from .messages import (
    DISPLAY_NAME_TOO_LONG,
    FACILITATORS_ONLY,
    JOIN_THROTTLED,
    NOT_A_TRAINEE,
    UNKNOWN_SCENARIO,
    UNKNOWN_TOUR_STOP,
    WORKSHOP_FULL,
    WORKSHOP_OVER,
)
from .models import DISPLAY_NAME_MAX_LENGTH, Trainee, Workshop, default_joins_per_address
from .scenarios import SCENARIOS
from .selectors import board_rows, is_facilitator, workshop_tour

logger = logging.getLogger("cenconsole.workshops")

# Join codes: lower-case letters and digits a projector cannot confuse (no 0/o, 1/l/i).
CODE_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789"
CODE_LENGTH = 8
# A trainee's sandbox outlives its workshop's end by this much, so `end_workshops` (which keeps the
# board's figures) removes it before the sandbox purge would.
SANDBOX_GRACE = timedelta(minutes=15)


def _new_code() -> str:
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))


def workshop_create(
    *, facilitator, title: str, scenario: str, length_hours: int = 3, seat_limit: int = 40, joins_per_address=None
) -> Workshop:
    """A new workshop, open for joining from now (real time) for its length; one network address may seat
    joins_per_address of its trainees (WORKSHOP_JOINS_PER_ADDRESS when not given)."""
    if not is_facilitator(facilitator):
        raise refusal(FACILITATORS_ONLY, "facilitators_only")
    if scenario not in SCENARIOS:
        raise field_error("scenario", UNKNOWN_SCENARIO, "unknown_scenario")
    now = clock.real_now()
    for _attempt in range(5):
        workshop = Workshop(
            code=_new_code(),
            title=title,
            facilitator=facilitator,
            scenario=scenario,
            length_hours=length_hours,
            seat_limit=seat_limit,
            joins_per_address=default_joins_per_address() if joins_per_address is None else joins_per_address,
            created_at=now,
        )
        workshop.full_clean(exclude=["code", "ends_at"])  # checks and converts the fields first
        workshop.ends_at = now + timedelta(hours=workshop.length_hours)
        try:
            with transaction.atomic():
                workshop.save(force_insert=True)
                audit_record(actor=facilitator, action="workshop.created", target=workshop, note=workshop.title)
            return workshop
        except IntegrityError:  # the code was taken: draw another
            continue
    raise RuntimeError("no free join code")


def _live_joins_from(workshop, ip_address) -> int:
    """The trainees of this (live) workshop who joined from this address and whose sandbox lives: another
    workshop's, an ended one's included, never count, so a room behind one address seats its next class."""
    return Trainee.objects.filter(workshop=workshop, ip_address=ip_address, account__isnull=False).count()


def _display_name_clean(display_name: str) -> str:
    """The optional name typed at Join workshop, by the names' rule (no control or bidirectional
    control characters, no URL), at most DISPLAY_NAME_MAX_LENGTH characters once trimmed."""
    display_name = (display_name or "").strip()
    if len(display_name) > DISPLAY_NAME_MAX_LENGTH:
        raise field_error("display_name", DISPLAY_NAME_TOO_LONG, "display_name_too_long", limit=DISPLAY_NAME_MAX_LENGTH)
    try:
        validate_name(display_name)
    except ValidationError as error:
        raise ValidationError({"display_name": error.error_list}) from error
    return display_name


def workshop_join(*, workshop_id, ip_address: str | None, display_name: str = ""):
    """Join workshop: a new sandbox account (no usable password: it is signed in at once) seeded with
    the workshop's scenario, on a seat of its own, under the optional name the trainee typed (only
    the board shows it). Refused when the workshop is over or full, or when the address already seats the
    workshop's joins_per_address trainees in it. Returns the trainee."""
    display_name = _display_name_clean(display_name)
    with transaction.atomic():
        # Joins to one workshop queue on its row, so the seat limit holds however many join at once.
        workshop = Workshop.objects.select_for_update().get(pk=workshop_id)
        now = clock.real_now()
        if workshop.is_over(now):
            raise refusal(WORKSHOP_OVER, "workshop_over")
        taken = Trainee.objects.filter(workshop=workshop).count()
        if taken >= workshop.seat_limit:
            raise refusal(WORKSHOP_FULL, "workshop_full", seats=workshop.seat_limit)
        if ip_address and _live_joins_from(workshop, ip_address) >= workshop.joins_per_address:
            raise refusal(JOIN_THROTTLED, "join_throttled", limit=workshop.joins_per_address)
        User = get_user_model()
        account = User(
            username=f"{demo_services.SANDBOX_PREFIX}{secrets.token_hex(5)}",
            is_sandbox=True,
            sandbox_expires_at=workshop.ends_at + SANDBOX_GRACE,
        )
        account.set_unusable_password()
        account.save(force_insert=True)
        with clock.account_time(None):
            SCENARIOS[workshop.scenario].seed(owner=account)
        trainee = Trainee.objects.create(
            room_action_number=workshop.room_action_number,  # earlier room-wide actions are not theirs
            workshop=workshop,
            seat=taken + 1,
            account=account,
            username=account.username,
            display_name=display_name,
            ip_address=ip_address,
            joined_at=now,
        )
        audit_record(actor=account, action="workshop.joined", target=workshop, note=account.username)
    account.refresh_from_db()
    trainee.account = account
    return trainee


def trainee_tour_step(*, account, stop: str) -> None:
    """A stop of the guided tour was shown to the trainee: their furthest stop moves up to it (never
    back). The stop is one of the tour the workshop's scenario starts from. Refused for an account that is
    not a trainee and for a stop that tour does not have."""
    trainees = Trainee.objects.filter(account_id=account.pk)
    trainee = trainees.select_related("workshop").first()
    if trainee is None:
        raise refusal(NOT_A_TRAINEE, "not_a_trainee")
    number = workshop_tour(trainee.workshop).stop_numbers.get(stop)
    if number is None:
        raise field_error("stop", UNKNOWN_TOUR_STOP, "unknown_tour_stop")
    trainees.filter(tour_stop__lt=number).update(tour_stop=number)


def _trainee_accounts(workshop):
    return (
        get_user_model()
        .objects.filter(workshop_seat__workshop=workshop, is_sandbox=True)
        .order_by("workshop_seat__seat")
    )


# Room-wide actions -------------------------------------------------------------------------------
# Each press of Advance everyone's clock or Reset everyone is numbered on the workshop, with its step
# (or ROOM_RESET); each trainee row keeps the number of the last one done for it, written in the same
# transaction as the trainee's move. A press while some trainee is behind the last number is a retry:
# it finishes that action (its recorded step) for those behind, and starts nothing new. So a crash
# part-way leaves a room that the next press makes whole, and nobody is moved twice by one press.

ROOM_RESET = "reset"


def _trainees_behind(workshop):
    """The live trainees the workshop's last room-wide action has not reached, in seat order."""
    return (
        Trainee.objects.filter(
            workshop=workshop, account__is_sandbox=True, room_action_number__lt=workshop.room_action_number
        )
        .select_related("account")
        .order_by("seat")
    )


def _room_action_start(*, workshop, action: str) -> tuple[Workshop, bool]:
    """A press: the workshop's last action if it has not reached everyone (a retry, True), else a new
    numbered action (False)."""
    with transaction.atomic():
        workshop = Workshop.objects.select_for_update().get(pk=workshop.pk)
        if _trainees_behind(workshop).exists():
            return workshop, True
        workshop.room_action_number += 1
        workshop.room_action = action
        workshop.save(update_fields=["room_action", "room_action_number"])
    return workshop, False


def _room_action_step(*, trainee, workshop, outcome) -> None:
    """The workshop's last action for one trainee, in one transaction with the trainee's number: the
    number is taken first (a row update), so two presses at once never both move one trainee. A
    refusal (nothing expires later) is this press's answer for them: they are not retried."""
    number, action = workshop.room_action_number, workshop.room_action
    with transaction.atomic():
        if not Trainee.objects.filter(pk=trainee.pk, room_action_number__lt=number).update(room_action_number=number):
            return  # another press did it
        try:
            with transaction.atomic():
                if action == ROOM_RESET:
                    demo_services.demo_reset(account=trainee.account)
                    Trainee.objects.filter(pk=trainee.pk).update(tour_stop=0)
                else:
                    outcome["done"].update(demo_services.clock_advance(account=trainee.account, step=action))
        except ValidationError as error:
            outcome["refused"][" ".join(error.messages)] += 1
            return
    outcome["moved"] += 1


def _room_action(*, workshop, action: str) -> dict:
    workshop, retry = _room_action_start(workshop=workshop, action=action)
    outcome = {"action": workshop.room_action, "retry": retry, "moved": 0, "refused": Counter(), "done": Counter()}
    for trainee in list(_trainees_behind(workshop)):
        _room_action_step(trainee=trainee, workshop=workshop, outcome=outcome)
    outcome["refused"], outcome["done"] = dict(outcome["refused"]), dict(outcome["done"])
    return outcome


def workshop_clock_advance(*, workshop, step: str) -> dict:
    """Advance everyone's clock: each trainee's clock moves by the step through Advance time's own
    service, in its own transaction; or, when the room's last action did not reach everyone (a crash),
    that action is finished instead (`retry`). Returns {"action": its step, "retry": bool, "moved": n,
    "refused": {message: count}, "done": counts}."""
    if step not in demo_services.ADVANCE_STEPS and step != demo_services.NEXT_EXPIRY:
        raise refusal(demo_services.UNKNOWN_STEP, "unknown_step")
    return _room_action(workshop=workshop, action=step)


def workshop_reset(*, workshop) -> dict:
    """Reset everyone: each trainee's sandbox back to the workshop's scenario on real time, through
    Reset demo's own service; their tour progress starts again. Like Advance, a press after a crash
    finishes the room's last action. Returns what workshop_clock_advance returns (`moved`: reset)."""
    return _room_action(workshop=workshop, action=ROOM_RESET)


def trainee_reset_seed(sender, *, account, **kwargs):
    """Reset demo's question (demo.signals.reset_seed): a trainee's sandbox goes back to its
    workshop's scenario."""
    scenario = Trainee.objects.filter(account_id=account.pk).values_list("workshop__scenario", flat=True).first()
    return SCENARIOS[scenario].seed if scenario in SCENARIOS else None


def workshop_end(*, workshop) -> list[str]:
    """End workshop: the board's figures are kept on the trainee rows, then every trainee sandbox is
    removed by the sandbox purge (one audit record each). Nobody can join afterwards (it is marked
    ended first). Running it again finishes what a failure left, and `end_workshops` does so by itself
    for an ended workshop whose sandboxes a crash left alive. Returns the usernames removed."""
    with transaction.atomic():
        workshop = Workshop.objects.select_for_update().get(pk=workshop.pk)
        trainees = {trainee.seat: trainee for trainee in Trainee.objects.filter(workshop=workshop)}
        kept = []
        for row in board_rows(workshop=workshop):
            if row.live:
                trainee = trainees[row.seat]
                trainee.bought, trainee.paid, trainee.opened_ticket = row.bought, row.paid, row.opened_ticket
                trainee.clock_offset = row.offset
                kept.append(trainee)
        Trainee.objects.bulk_update(kept, ["bought", "paid", "opened_ticket", "clock_offset"])
        if workshop.ended_at is None:
            workshop.ended_at = clock.real_now()
            workshop.save(update_fields=["ended_at"])
            audit_record(actor=None, action="workshop.ended", target=workshop, note=workshop.title)
    removed = []
    for account_id in list(_trainee_accounts(workshop).values_list("pk", flat=True)):
        try:
            username = demo_services.sandbox_purge(account_id=account_id, note=f"Workshop {workshop.pk} ended")
        except Exception:
            logger.exception("Trainee sandbox %s could not be purged", account_id)
            continue
        if username:
            removed.append(username)
    return removed


def workshops_end_due(*, now=None) -> list[int]:
    """The periodic job's step: ends every workshop past its length (real time), keeping its figures,
    and finishes every end a crash left with trainee sandboxes alive. Returns the workshops ended."""
    now = now or clock.real_now()
    ended = []
    due = Q(ended_at__isnull=True, ends_at__lte=now) | Q(ended_at__isnull=False, trainees__account__isnull=False)
    for workshop in Workshop.objects.filter(due).distinct().order_by("pk"):
        workshop_end(workshop=workshop)
        ended.append(workshop.pk)
    return ended
