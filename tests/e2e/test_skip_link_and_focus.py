"""Keyboard and focus: "Skip to main content" first on every console page, Manage within four Tabs of
it on the Instances page, and a focus ring of at least 2 px and 3:1 contrast (WCAG 2.2 Focus Appearance)
on the orange Buy Now as on every other control."""

import re

import pytest
from playwright.sync_api import expect

from tests.factories import CenInstanceFactory

pytestmark = pytest.mark.django_db(transaction=True)

# The focused element's ring, and the colours next to it: the background it sits on (outside the
# ring's offset) and its own background (for the inner ring of the orange buttons).
RING = """element => {
  const rgb = value => (value.match(/[\\d.]+/g) || []).slice(0, 4).map(Number);
  const backdrop = node => {
    for (let at = node; at; at = at.parentElement) {
      const colour = rgb(getComputedStyle(at).backgroundColor);
      if (colour.length === 3 || (colour.length === 4 && colour[3] > 0)) return colour.slice(0, 3);
    }
    return [255, 255, 255];
  };
  const style = getComputedStyle(element);
  const inset = style.boxShadow.match(/(rgba?\\([^)]*\\)) 0px 0px 0px (\\d+)px inset/);
  return {
    width: parseFloat(style.outlineWidth), style: style.outlineStyle, offset: parseFloat(style.outlineOffset),
    colour: rgb(style.outlineColor).slice(0, 3), around: backdrop(element.parentElement),
    own: backdrop(element), inner: inset ? rgb(inset[1]).slice(0, 3) : null, innerWidth: inset ? Number(inset[2]) : 0,
  };
}"""


def luminance(rgb):
    def channel(value):
        value /= 255
        return value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4

    red, green, blue = (channel(value) for value in rgb)
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue


def contrast(one, two):
    lighter, darker = sorted((luminance(one), luminance(two)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def focused_text(page):
    return page.evaluate("() => document.activeElement.textContent.trim()")


def test_skip_link_then_manage_in_four_tabs(sign_in, live_server, user):
    """Keyboard only on Instances: the first Tab shows Skip to main content; Enter, then Manage is
    reached in at most 4 Tabs."""
    instance = CenInstanceFactory(owner=user)
    page = sign_in(user)
    page.keyboard.press("Tab")
    skip = page.get_by_role("link", name="Skip to main content")
    expect(skip).to_be_focused()
    expect(skip).to_be_in_viewport()
    page.keyboard.press("Enter")
    expect(page.locator("main#main")).to_be_focused()
    tabs = 0
    while focused_text(page) != "Manage" and tabs < 4:
        page.keyboard.press("Tab")
        tabs += 1
    assert focused_text(page) == "Manage", f"after {tabs} Tabs: {focused_text(page)!r}"
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(rf"/cen/instances/{instance.pk}/"))


def test_skip_link_is_hidden_until_focused(sign_in, user):
    """Skip to main content is out of sight until it has the focus."""
    page = sign_in(user)
    expect(page.get_by_role("link", name="Skip to main content")).not_to_be_in_viewport()


def test_buy_now_focus_ring_is_two_pixels_at_three_to_one(sign_in, live_server, user):
    """Buy Now focused from the keyboard: a solid ring of at least 2 px, 3:1 against the page beside it,
    and a white inner ring of 3:1 against the orange."""
    CenInstanceFactory(owner=user)
    page = sign_in(user)
    page.goto(f"{live_server.url}/cen/bandwidth-packages/buy/")
    buy_now = page.get_by_role("button", name="Buy Now")
    buy_now.focus()
    buy_now.evaluate("element => Promise.all(element.getAnimations().map(animation => animation.finished))")
    ring = buy_now.evaluate(RING)
    assert ring["width"] >= 2 and ring["style"] == "solid", ring
    assert ring["offset"] > 0 and contrast(ring["colour"], ring["around"]) >= 3, ring
    assert ring["innerWidth"] >= 2 and contrast(ring["inner"], ring["own"]) >= 3, ring


@pytest.mark.parametrize(
    "label", ["Create CEN Instance", "Search by instance ID or name", "Manage", "Instances", "Account"]
)
def test_every_kind_of_control_has_the_ring(sign_in, user, label):
    """A button, a text field, a table link, a navigation link and the top bar's menu: each shows a
    2 px ring of 3:1 against what is beside it when focused."""
    CenInstanceFactory(owner=user)
    page = sign_in(user)
    control = {
        "Create CEN Instance": page.get_by_role("link", name="Create CEN Instance"),
        "Search by instance ID or name": page.get_by_label("Search by instance ID or name"),
        "Manage": page.get_by_role("link", name="Manage"),
        "Instances": page.locator(".sidenav").get_by_role("link", name="Instances"),
        "Account": page.locator("#account-menu > summary"),
    }[label]
    page.keyboard.press("Tab")  # a keyboard interaction first, so :focus-visible applies
    control.focus()
    control.evaluate("element => Promise.all(element.getAnimations().map(animation => animation.finished))")
    ring = control.evaluate(RING)
    assert ring["width"] >= 2 and ring["style"] == "solid", ring
    assert contrast(ring["colour"], ring["around"]) >= 3, ring
