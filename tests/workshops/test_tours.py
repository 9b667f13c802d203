"""A workshop's tour: its scenario names the guided tour it starts from (the first, or Connect two VPCs through
transit routers), Join workshop opens that tour's steps page, the top bar's Take the tour takes it, and the board
counts that tour's stops."""

import pytest
from django.core.exceptions import ValidationError
from django.test import Client

from cenconsole.workshops import selectors
from cenconsole.workshops import services as workshop_services
from cenconsole.workshops.models import Trainee
from cenconsole.workshops.tour import PURCHASE, TOURS, TRANSIT
from tests.factories import facilitator, trainee_join, workshop_new

pytestmark = pytest.mark.django_db


def test_joining_a_transit_tour_workshop_opens_its_steps_page_and_takes_that_tour(client):
    """Join workshop lands on /transit-tour/, which starts the tour; every page's Take the tour names it."""
    workshop = workshop_new(scenario="transit-tour")
    response = client.post(f"/w/{workshop.code}/")
    assert response.status_code == 302 and response.url == "/transit-tour/"
    page = client.get("/transit-tour/").content.decode()
    assert "data-tour-start" in page  # workshop.js clicks Take the tour here, once
    instances = client.get("/cen/instances/").content.decode()
    assert '<a class="topbar-link" id="tour-link" href="/transit-tour/">Take the tour</a>' in instances
    assert client.get(f"/w/{workshop.code}/").content.decode().count('href="/transit-tour/"') >= 1  # Continue


def test_first_tour_workshops_keep_how_to_buy():
    """A scenario that names no tour starts from the first one, and Take the tour opens How to buy."""
    trainee = trainee_join(workshop_new(scenario="renewal-due"))
    assert selectors.workshop_tour(trainee.workshop) is TOURS[PURCHASE]
    client = Client()
    client.post(f"/w/{trainee.workshop.code}/")
    page = client.get("/cen/instances/").content.decode()
    assert '<a class="topbar-link" id="tour-link" href="/how-to-buy/">Take the tour</a>' in page


def test_transit_tour_reports_count_its_own_stops():
    """A trainee of the transit scenario moves on the second tour's stops; the first tour's are unknown to it."""
    workshop = workshop_new(scenario="transit-tour")
    trainee = trainee_join(workshop)
    workshop_services.trainee_tour_step(account=trainee.account, stop="vpc-b-fields")
    with pytest.raises(ValidationError, match="Unknown tour stop."):
        workshop_services.trainee_tour_step(account=trainee.account, stop="paid")
    row = selectors.board_rows(workshop=workshop)[0]
    assert (row.step, row.stop, row.finished) == (3, "vpc-b-fields", False)
    workshop_services.trainee_tour_step(account=trainee.account, stop="learned-route")
    assert selectors.board_rows(workshop=workshop)[0].finished
    assert Trainee.objects.get().tour_stop == len(TOURS[TRANSIT].stops)


def test_board_of_a_transit_tour_workshop_shows_its_five_steps(client):
    """The board's funnel has the second tour's five steps, counted from its stops."""
    owner = facilitator()
    workshop = workshop_new(owner, scenario="transit-tour")
    trainees = [trainee_join(workshop) for _ in range(3)]
    for trainee, stop in zip(trainees, ["learned-route", "router-b-ok", "transit-tab"], strict=True):
        workshop_services.trainee_tour_step(account=trainee.account, stop=stop)
    client.force_login(owner)
    page = client.get(f"/workshops/{workshop.pk}/").content.decode()
    assert "Step 5 of 5 · Learned route" in page and "Step 2 of 5" in page and "of 4" not in page
    funnel = selectors.funnel(selectors.board_rows(workshop=workshop), selectors.workshop_tour(workshop))
    assert [(item.reached, item.stopped) for item in funnel["steps"]] == [(3, 1), (2, 1), (1, 0), (1, 0), (1, 0)]
    assert funnel["finished"] == 1
