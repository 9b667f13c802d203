"""Workshops: who runs them, joining by the link (seats, the end, the throttle), the board read from
what trainees really did, the room-wide actions, and that trainees see nothing of each other."""

import re
from datetime import timedelta

import pytest
import time_machine
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.db import connection
from django.test import Client, override_settings
from django.test.utils import CaptureQueriesContext

from cenconsole.audit.models import AuditRecord
from cenconsole.bandwidth import pricing
from cenconsole.bandwidth import services as bandwidth_services
from cenconsole.cen.models import CenInstance
from cenconsole.core import clock
from cenconsole.demo import services as demo_services
from cenconsole.workshops import selectors
from cenconsole.workshops import services as workshop_services
from cenconsole.workshops.models import Trainee, Workshop
from cenconsole.workshops.tour import TOUR_STOPS
from tests.factories import (
    CenInstanceFactory,
    buy_package,
    facilitator,
    open_ticket,
    order_purchase,
    trainee_join,
    workshop_new,
)

pytestmark = pytest.mark.django_db
User = get_user_model()


def join_path(workshop):
    return f"/w/{workshop.code}/"


def board_path(workshop):
    return f"/workshops/{workshop.pk}/"


# Who runs workshops -------------------------------------------------------------------------------


def test_migration_makes_the_facilitators_group():
    """The Facilitators group exists from the migrations on."""
    assert Group.objects.filter(name="Facilitators").exists()


def test_facilitator_creates_a_workshop_with_the_defaults(client):
    """New workshop at /workshops/: 3 hours and 40 seats unless told, a short join code, then the board."""
    client.force_login(facilitator())
    response = client.post("/workshops/", {"title": "Lab 1", "length_hours": 3, "scenario": "fresh", "seat_limit": 40})
    workshop = Workshop.objects.get()
    assert response.status_code == 302 and response.url == board_path(workshop)
    assert (workshop.length_hours, workshop.seat_limit, workshop.scenario) == (3, 40, "fresh")
    assert workshop.ends_at - workshop.created_at == timedelta(hours=3)
    assert re.fullmatch(r"[a-z2-9]{8}", workshop.code)
    page = client.get("/workshops/").content.decode()
    assert 'value="3"' in page and 'value="40"' in page  # the form's defaults


def test_ordinary_account_cannot_open_workshops(client, user):
    """Not a facilitator: 403, and the service refuses too."""
    client.force_login(user)
    assert client.get("/workshops/").status_code == 403
    data = {"title": "x", "length_hours": 1, "scenario": "fresh", "seat_limit": 1}
    assert client.post("/workshops/", data).status_code == 403
    with pytest.raises(Exception, match="Facilitators group"):
        workshop_services.workshop_create(facilitator=user, title="x", scenario="fresh")
    assert not Workshop.objects.exists()


@pytest.mark.parametrize(
    ("field", "value"),
    [("length_hours", 9), ("length_hours", 0), ("seat_limit", 0), ("seat_limit", 201), ("title", "")],
)
def test_bad_workshop_form_is_refused_on_the_page(client, field, value):
    """A length past 8 hours, no seat, too many seats or no title: the form says why, nothing is made."""
    client.force_login(facilitator())
    data = {"title": "Lab", "length_hours": 3, "scenario": "fresh", "seat_limit": 40, field: value}
    response = client.post("/workshops/", data)
    assert response.status_code == 400
    assert "invalid-feedback" in response.content.decode()
    assert not Workshop.objects.exists()


@pytest.mark.parametrize("title", ["Lab\u202eevil", "Lab\x07", "Lab\nTwo"])
def test_title_with_control_characters_is_refused(client, title):
    """A title is shown large to a room: control and bidirectional characters are refused, by the
    form and by the service."""
    owner = facilitator()
    client.force_login(owner)
    data = {"title": title, "length_hours": 3, "scenario": "fresh", "seat_limit": 40}
    response = client.post("/workshops/", data)
    assert response.status_code == 400 and "Title cannot contain control characters." in response.content.decode()
    with pytest.raises(Exception, match="control characters"):
        workshop_services.workshop_create(facilitator=owner, title=title, scenario="fresh")
    assert not Workshop.objects.exists()


def test_signed_in_visitor_is_told_joining_changes_their_account(client, user):
    """Someone signed in who opens a join link is told joining signs them in to a new sandbox."""
    client.force_login(user)
    page = client.get(join_path(workshop_new())).content.decode()
    assert f"You are signed in as {user.username}: joining signs you in to a new sandbox instead." in page


def test_unknown_scenario_is_refused_by_the_form_and_the_service(client):
    """A scenario outside the registry is refused."""
    owner = facilitator()
    client.force_login(owner)
    data = {"title": "Lab", "length_hours": 3, "scenario": "nonsense", "seat_limit": 40}
    assert client.post("/workshops/", data).status_code == 400
    with pytest.raises(Exception, match="starting scenario"):
        workshop_services.workshop_create(facilitator=owner, title="Lab", scenario="nonsense")


# Joining ------------------------------------------------------------------------------------------


def test_join_link_offers_one_button_without_javascript(client):
    """The join link's page is a plain form: Join workshop, no password."""
    workshop = workshop_new(title="Uni lab")
    page = client.get(join_path(workshop)).content.decode()
    assert "Uni lab" in page and "Join workshop" in page
    assert f'action="{join_path(workshop)}"' in page and "password" not in page.lower()


def test_join_gives_a_signed_in_sandbox_seeded_with_the_scenario_and_starts_the_tour(client):
    """One POST: a sandbox seeded with the scenario, signed in, on the How to buy page (the tour without
    JavaScript), whose page starts the tour with JavaScript."""
    workshop = workshop_new(scenario="renewal-due")
    response = client.post(join_path(workshop))
    assert response.status_code == 302 and response.url == "/how-to-buy/"
    trainee = Trainee.objects.get(workshop=workshop)
    account = trainee.account
    assert account.is_sandbox and not account.has_usable_password()
    assert account.sandbox_expires_at > workshop.ends_at
    assert account.bandwidth_packages.get().name == "renewal-due"
    page = client.get("/how-to-buy/").content.decode()
    assert account.username in page  # signed in
    assert "js/workshop.js" in page and "data-tour-start" in page
    assert "data-tour-start" not in client.get("/cen/instances/").content.decode()  # once
    assert "js/workshop.js" in client.get("/cen/instances/").content.decode()


def test_trainee_reopening_the_join_link_keeps_their_seat(client):
    """A trainee who opens the link again is told they have a seat; no second sandbox."""
    workshop = workshop_new()
    client.post(join_path(workshop))
    page = client.get(join_path(workshop)).content.decode()
    assert "You have a seat in this workshop." in page
    client.post(join_path(workshop))
    assert Trainee.objects.count() == 1


def test_unknown_join_code_is_404(client):
    """A join link no workshop has: 404."""
    assert client.get("/w/nosuchcode/").status_code == 404


def test_ended_workshop_refuses_joins(client):
    """After End workshop the link says so and a POST makes nothing."""
    workshop = workshop_new()
    workshop_services.workshop_end(workshop=workshop)
    page = client.get(join_path(workshop)).content.decode()
    assert "This workshop has ended." in page and "Join workshop</button>" not in page
    response = client.post(join_path(workshop))
    assert response.status_code == 409 and "This workshop has ended." in response.content.decode()
    assert not User.objects.filter(is_sandbox=True).exists()


def test_workshop_past_its_length_refuses_joins(client):
    """Past its length (real time) a workshop is over even if nobody clicked End workshop."""
    workshop = workshop_new(length_hours=1)
    with time_machine.travel(clock.real_now() + timedelta(hours=1, minutes=1)):
        response = client.post(join_path(workshop))
    assert response.status_code == 409
    assert not Trainee.objects.exists()


def test_seat_limit_holds(client):
    """With 2 seats the third visitor is told the workshop is full; no sandbox is made for them."""
    workshop = workshop_new(seat_limit=2)
    for _ in range(2):
        assert Client().post(join_path(workshop)).status_code == 302
    page = client.get(join_path(workshop)).content.decode()
    assert "This workshop is full: all 2 seats are taken." in page
    response = client.post(join_path(workshop))
    assert response.status_code == 409 and "This workshop is full" in response.content.decode()
    assert User.objects.filter(is_sandbox=True).count() == 2
    assert sorted(Trainee.objects.values_list("seat", flat=True)) == [1, 2]


@override_settings(WORKSHOP_JOINS_PER_ADDRESS=2)
def test_join_throttle_per_address_holds_within_a_workshop():
    """An address that seats 2 trainees in a workshop is refused a third there (429); another address
    still joins it, and the same address still joins another workshop."""
    first, second = workshop_new(), workshop_new()
    for _ in range(2):
        assert Client(REMOTE_ADDR="203.0.113.7").post(join_path(first)).status_code == 302
    response = Client(REMOTE_ADDR="203.0.113.7").post(join_path(first))
    assert response.status_code == 429
    assert "2 trainees have already joined this workshop from your address" in response.content.decode()
    assert Client(REMOTE_ADDR="198.51.100.1").post(join_path(first)).status_code == 302
    assert Client(REMOTE_ADDR="203.0.113.7").post(join_path(second)).status_code == 302


# What a trainee sees -----------------------------------------------------------------------------


def test_trainee_cannot_open_the_board_or_its_actions(client):
    """The board and every action of it answer 404 to a trainee (and to another facilitator)."""
    workshop = workshop_new()
    client.post(join_path(workshop))
    other = Client()
    other.force_login(facilitator("someone-else"))
    for path in ["", "link/", "clock/", "reset/", "end/"]:
        for browser in (client, other):
            assert browser.get(board_path(workshop) + path).status_code in (404, 405)
            assert browser.post(board_path(workshop) + path, {"step": "day"}).status_code in (404, 405)
    assert client.get("/workshops/").status_code == 403
    assert Workshop.objects.get().ended_at is None
    assert Trainee.objects.get().account.clock_offset == timedelta(0)


def test_trainee_cannot_open_another_trainees_pages(client):
    """Two trainees of one workshop are two accounts: the other's CEN instance, package and order are 404."""
    workshop = workshop_new(scenario="renewal-due")
    neighbour = trainee_join(workshop).account
    client.post(join_path(workshop))
    package = neighbour.bandwidth_packages.get()
    order = neighbour.orders.get()
    for path in [
        f"/cen/instances/{package.cen_instance_id}/",
        f"/cen/instances/{package.cen_instance_id}/bandwidth-packages/",
        f"/cen/orders/{order.pk}/",
    ]:
        assert client.get(path).status_code == 404, path
    assert neighbour.username not in client.get("/cen/instances/").content.decode()


# Tour steps -------------------------------------------------------------------------------------


def test_tour_stops_are_the_tour_templates_stops_in_order(client, user):
    """The board's list of stops is the tour's own (templates/demo/tour_steps.html), in its order."""
    client.force_login(user)
    page = client.get("/how-to-buy/").content.decode()
    assert re.findall(r'data-stop="([^"]+)"', page) == [name for name, _ in TOUR_STOPS]


def test_tour_step_report_moves_the_trainee_forward_never_back(client):
    """Each reported stop moves the furthest stop reached; an earlier one leaves it."""
    workshop = workshop_new()
    client.post(join_path(workshop))
    assert client.post("/workshops/tour-step/", {"stop": "buy"}).status_code == 204
    assert client.post("/workshops/tour-step/", {"stop": "manage"}).status_code == 204
    row = selectors.board_rows(workshop=workshop)[0]
    assert (row.step, row.stop, row.finished) == (2, "buy", False)


def test_tour_step_report_needs_the_csrf_token():
    """The report is a POST like any other: without the CSRF token it is refused."""
    workshop = workshop_new()
    browser = Client(enforce_csrf_checks=True)
    trainee = trainee_join(workshop)
    browser.force_login(trainee.account)
    assert browser.post("/workshops/tour-step/", {"stop": "manage"}).status_code == 403
    assert Trainee.objects.get().tour_stop == 0


def test_tour_step_report_refuses_unknown_stops_and_non_trainees(client, user):
    """An unknown stop is 400 with the reason; an account that is no trainee gets 403."""
    workshop = workshop_new()
    client.post(join_path(workshop))
    response = client.post("/workshops/tour-step/", {"stop": "nowhere"})
    assert response.status_code == 400 and "Unknown tour stop." in response.content.decode()
    stranger = Client()
    stranger.force_login(user)
    assert stranger.post("/workshops/tour-step/", {"stop": "manage"}).status_code == 403


# The board ---------------------------------------------------------------------------------------


def test_board_reads_purchase_payment_and_ticket_from_real_orders_and_tickets():
    """Bought (a Buy order), paid and opened a ticket come from the trainee's rows; the scenario's
    own package, order and ticket do not count."""
    workshop = workshop_new(scenario="deletion-request")
    idle, buyer, payer, asker = (trainee_join(workshop).account for _ in range(4))
    order_purchase(CenInstance.objects.get(owner=buyer), area_a_code="China", area_b_code="China")
    package = buy_package(CenInstance.objects.get(owner=payer), area_a_code="China", area_b_code="China")
    open_ticket(package)  # the payer's deletion ticket... of a package they just bought
    asker_package = buy_package(CenInstance.objects.get(owner=asker), area_a_code="Europe", area_b_code="Europe")
    open_ticket(asker_package)
    rows = {row.username: row for row in selectors.board_rows(workshop=workshop)}
    assert (rows[idle.username].bought, rows[idle.username].paid, rows[idle.username].opened_ticket) == (False,) * 3
    assert (rows[buyer.username].bought, rows[buyer.username].paid) == (True, False)
    assert (rows[payer.username].bought, rows[payer.username].paid, rows[payer.username].opened_ticket) == (True,) * 3


def test_board_shows_each_trainee_and_the_funnel(client):
    """The board lists every trainee with their step, and the funnel counts who reached each step and
    where they stopped."""
    owner = facilitator()
    workshop = workshop_new(owner)
    trainees = [trainee_join(workshop) for _ in range(3)]
    for trainee, stop in zip(trainees, ["paid", "tab", "manage"], strict=True):
        workshop_services.trainee_tour_step(account=trainee.account, stop=stop)
    client.force_login(owner)
    page = client.get(board_path(workshop)).content.decode()
    for trainee in trainees:
        assert trainee.username in page
    assert "Finished the tour" in page and "Step 2 of 4" in page
    funnel = selectors.funnel(selectors.board_rows(workshop=workshop))
    assert [(item.reached, item.stopped) for item in funnel["steps"]] == [(3, 1), (2, 1), (1, 0), (1, 0)]
    assert funnel["finished"] == 1
    assert 'hx-trigger="every 3s"' in page and f'href="{board_path(workshop)}">Refresh' in page


def test_board_partial_is_what_htmx_polls(client):
    """An htmx GET of the board answers only the board's partial (funnel and trainees)."""
    owner = facilitator()
    workshop = workshop_new(owner)
    client.force_login(owner)
    partial = client.get(board_path(workshop), HTTP_HX_REQUEST="true").content.decode()
    assert partial.lstrip().startswith('<div id="board"') and "<html" not in partial


def test_board_shows_the_join_link_and_its_qr_code_as_svg(client):
    """The board and the projector page carry the join link and a QR code of it as inline SVG."""
    owner = facilitator()
    workshop = workshop_new(owner)
    client.force_login(owner)
    join_url = f"http://testserver{join_path(workshop)}"
    for path in [board_path(workshop), board_path(workshop) + "link/"]:
        page = client.get(path).content.decode()
        assert join_url in page
        assert re.search(r"<svg[^>]*class=\"join-qr\"", page) and f"<title>{join_url}</title>" in page


def test_board_query_count_does_not_grow_with_the_room(client):
    """The board's page makes as many queries for 6 trainees as for 2."""
    owner = facilitator()
    workshop = workshop_new(owner, scenario="renewal-due")
    client.force_login(owner)

    def queries():
        with CaptureQueriesContext(connection) as captured:
            assert client.get(board_path(workshop)).status_code == 200
        return len(captured)

    for _ in range(2):
        trainee_join(workshop)
    small = queries()
    for trainee in Trainee.objects.all():
        workshop_services.trainee_tour_step(account=trainee.account, stop="pay")
    for _ in range(4):
        account = trainee_join(workshop).account
        buy_package(CenInstance.objects.get(owner=account), area_a_code="China", area_b_code="China")
    assert queries() == small


# Room-wide actions --------------------------------------------------------------------------------


def test_advance_everyones_clock_moves_every_trainee_and_nobody_else(client):
    """Advance everyone's clock -> 1 month: each trainee's clock is one calendar month ahead, through Advance
    time's service (the expiring package expires and is released); other sandboxes stay on real time."""
    owner = facilitator()
    workshop = workshop_new(owner, scenario="renewal-due")
    accounts = [trainee_join(workshop).account for _ in range(3)]
    outsider = demo_services.sandbox_create(ip_address=None)
    client.force_login(owner)
    response = client.post(board_path(workshop) + "clock/", {"step": "month"}, follow=True)
    assert "3 trainees&#x27; clocks moved ahead" in response.content.decode()
    now = clock.real_now()
    month_days = (pricing.add_months(now, 1) - now).days  # one calendar month
    for account in accounts:
        account.refresh_from_db()
        assert abs(account.clock_offset - timedelta(days=month_days)) < timedelta(minutes=1)
        assert account.bandwidth_packages.get().status == "Released"  # expired, then released after 15 days
    outsider.refresh_from_db()
    assert outsider.clock_offset == timedelta(0)
    page = client.get(board_path(workshop)).content.decode()
    assert page.count(f"{month_days} days ahead") == 3


def test_advance_to_next_expiry_says_who_had_none(client):
    """To next expiry moves those with a package expiring later and says how many had none."""
    owner = facilitator()
    workshop = workshop_new(owner, scenario="fresh")
    account = trainee_join(workshop).account
    trainee_join(workshop)
    buy_package(CenInstance.objects.get(owner=account), area_a_code="China", area_b_code="China")
    client.force_login(owner)
    page = client.post(board_path(workshop) + "clock/", {"step": "next-expiry"}, follow=True).content.decode()
    assert "1 trainee&#x27;s clock moved ahead" in page
    assert "1 trainee&#x27;s clock stayed: No bandwidth package of this account expires later" in page


def test_advance_with_an_unknown_step_is_refused(client):
    """A step that is none of the choices moves nobody and says why."""
    owner = facilitator()
    workshop = workshop_new(owner)
    account = trainee_join(workshop).account
    client.force_login(owner)
    page = client.post(board_path(workshop) + "clock/", {"step": "year"}, follow=True).content.decode()
    assert "Choose how far to advance the clock." in page
    account.refresh_from_db()
    assert account.clock_offset == timedelta(0)


def test_reset_everyone_puts_every_trainee_back_to_the_scenario(client):
    """Reset everyone (after its confirmation page): each sandbox is the scenario again on real time,
    and the board's tour progress starts again."""
    owner = facilitator()
    workshop = workshop_new(owner, scenario="fresh")
    accounts = [trainee_join(workshop).account for _ in range(2)]
    for account in accounts:
        buy_package(CenInstance.objects.get(owner=account), area_a_code="China", area_b_code="China")
        workshop_services.trainee_tour_step(account=account, stop="paid")
        demo_services.clock_advance(account=account, step="week")
    client.force_login(owner)
    assert "Reset everyone" in client.get(board_path(workshop) + "reset/").content.decode()
    client.post(board_path(workshop) + "reset/")
    for account in accounts:
        account.refresh_from_db()
        assert account.clock_offset == timedelta(0)
        assert not account.bandwidth_packages.exists() and account.balance == 10000
        assert CenInstance.objects.filter(owner=account).count() == 1
    assert set(Trainee.objects.values_list("tour_stop", flat=True)) == {0}


def test_end_workshop_removes_the_trainee_sandboxes_and_nothing_else(client):
    """End workshop (after its confirmation page): every trainee sandbox is purged with one audit
    record each, the board keeps its figures, and other accounts and sandboxes are untouched."""
    owner = facilitator()
    workshop = workshop_new(owner, scenario="fresh")
    accounts = [trainee_join(workshop).account for _ in range(3)]
    buy_package(CenInstance.objects.get(owner=accounts[0]), area_a_code="China", area_b_code="China")
    workshop_services.trainee_tour_step(account=accounts[0], stop="paid")
    demo_services.clock_advance(account=accounts[1], step="week")
    outsider = demo_services.sandbox_create(ip_address=None)
    ordinary = CenInstanceFactory().owner
    other_room = trainee_join(workshop_new(owner)).account
    client.force_login(owner)
    assert "3 trainee sandboxes" in client.get(board_path(workshop) + "end/").content.decode()
    client.post(board_path(workshop) + "end/")
    assert not User.objects.filter(pk__in=[account.pk for account in accounts]).exists()
    assert User.objects.filter(pk__in=[outsider.pk, ordinary.pk, other_room.pk, owner.pk]).count() == 4
    purged = AuditRecord.objects.filter(action="sandbox.purged")
    assert sorted(purged.values_list("target_id", flat=True)) == sorted(str(account.pk) for account in accounts)
    workshop.refresh_from_db()
    assert workshop.ended_at is not None
    rows = selectors.board_rows(workshop=workshop)
    assert [(row.live, row.bought, row.paid, row.finished) for row in rows] == [
        (False, True, True, True),
        (False, False, False, False),
        (False, False, False, False),
    ]
    assert rows[1].days_ahead == 7
    page = client.get(board_path(workshop)).content.decode()
    assert "hx-trigger" not in page and "Advance everyone" not in page and accounts[0].username in page


def test_end_workshop_twice_is_harmless():
    """Ending an ended workshop changes nothing and keeps the figures."""
    workshop = workshop_new()
    account = trainee_join(workshop).account
    order = order_purchase(CenInstance.objects.get(owner=account), area_a_code="China", area_b_code="China")
    bandwidth_services.order_pay(owner=account, order_id=order.pk)
    workshop_services.workshop_end(workshop=workshop)
    workshop_services.workshop_end(workshop=workshop)
    assert Trainee.objects.get().paid is True


def test_end_workshops_command_ends_those_past_their_length():
    """`manage.py end_workshops` (run by make run beside purge_sandboxes) ends workshops past their
    length, keeping figures, before their sandboxes would expire."""
    due, running = workshop_new(length_hours=1), workshop_new(length_hours=3)
    due_account, running_account = trainee_join(due).account, trainee_join(running).account
    with time_machine.travel(clock.real_now() + timedelta(hours=1, minutes=1)):
        call_command("end_workshops")
    assert not User.objects.filter(pk=due_account.pk).exists()
    assert User.objects.filter(pk=running_account.pk).exists()
    due.refresh_from_db()
    assert due.ended_at is not None and Trainee.objects.get(workshop=due).bought is False


def test_account_page_links_workshops_for_facilitators_only(client, user):
    """Account links to Workshops for a facilitator, not for an ordinary account."""
    client.force_login(user)
    assert 'href="/workshops/"' not in client.get("/account/").content.decode()
    client.force_login(facilitator())
    assert 'href="/workshops/"' in client.get("/account/").content.decode()


def test_leaving_the_facilitators_group_ends_the_right_to_run_workshops(client):
    """The group is what makes a facilitator: removed from it, /workshops/ is 403."""
    owner = facilitator()
    owner.groups.clear()
    client.force_login(owner)
    assert client.get("/workshops/").status_code == 403


def test_service_refuses_a_length_past_8_hours_with_the_fields_error():
    """workshop_create itself (not only the form) refuses 9 hours, on the length field."""
    with pytest.raises(Exception) as refused:
        workshop_services.workshop_create(facilitator=facilitator(), title="Lab", scenario="fresh", length_hours=9)
    assert "length_hours" in refused.value.error_dict
    assert not Workshop.objects.exists()


def test_admin_shows_workshops_read_only(admin_client):
    """Staff see a workshop and its trainees in the admin, and cannot change or delete them there."""
    workshop = workshop_new()
    trainee = trainee_join(workshop)
    page = admin_client.get(f"/admin/workshops/workshop/{workshop.pk}/change/").content.decode()
    assert workshop.title in page and trainee.username in page
    assert admin_client.post(f"/admin/workshops/workshop/{workshop.pk}/delete/", {"post": "yes"}).status_code == 403
    assert admin_client.get("/admin/workshops/workshop/add/").status_code == 403
    assert Workshop.objects.filter(pk=workshop.pk).exists()
