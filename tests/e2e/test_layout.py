"""The layout in a person's window: no console, staff or demo page is wider than the window at 1280x800,
1024x768 or 390x844; the top bar keeps one line at 1280 for every kind of account in both languages;
under 768 px the navigation is a Menu button; the purchase page stacks its Price card under the form.
The same visits check what people came to see (SEE): the Status, Expiration Time and Amount columns in
view and uncovered at 1024 px and up, and every primary action reachable and uncovered; a row's More
menu opens from the keyboard and is not clipped by its table; on a phone rows are stacked cards.

The console walk visits every URL of the security walk (tests/security/test_url_access.py) as a
sandbox whose clock is ahead, so its top bar carries everything a top bar can: the balance, the
Sandbox badge, the clock, Advance time, Reset demo, Take the tour, the Account menu and the language switch.
"""

import pytest
from django.contrib import admin
from django.contrib.auth import get_user_model
from django.urls import NoReverseMatch, reverse
from playwright.sync_api import expect

from cenconsole.demo import services as demo_services
from tests.factories import PASSWORD, CenInstanceFactory, UserFactory, buy_package
from tests.security.test_url_access import ALL_URLS, fill, make_owner_objects

pytestmark = pytest.mark.django_db(transaction=True)

User = get_user_model()

SIZES = [(1280, 800), (1024, 768), (390, 844)]
LANGUAGES = ["en", "zh-hans"]
# URLs that answer a piece of a page for htmx to swap in, not a page (the page holding it is walked).
FRAGMENTS = {"buy_cen_options"}

# In the page: how wide the document is, and how the top bar's texts sit. A text "wraps" when its
# pieces stand on more than one line; it "spills" when a piece lies outside the bar; the bar is "one
# line" when one horizontal line crosses every text in it. Texts of closed menus are not shown, so
# not measured; an open menu's panel hangs below the bar on purpose.
MEASURE = """() => {
  const bar = document.querySelector("header.topbar");
  // The projector page (the join link shown large) has no top bar at all.
  if (!bar) return {scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth,
                    barHeight: 0, oneLine: true, wrapped: [], spilled: []};
  const box = bar.getBoundingClientRect();
  const walker = document.createTreeWalker(bar, NodeFilter.SHOW_TEXT);
  const wrapped = [], spilled = [];
  let lowestTop = -Infinity, highestBottom = Infinity;
  while (walker.nextNode()) {
    const node = walker.currentNode, text = node.textContent.trim();
    if (!text || !node.parentElement.checkVisibility({visibilityProperty: true})) continue;
    if (node.parentElement.closest(".topbar-menu-items")) continue;
    // Text for screen readers only (clipped to a pixel) is not what a person sees.
    if (node.parentElement.closest(".visually-hidden")) continue;
    const range = document.createRange();
    range.selectNodeContents(node);
    const rects = [...range.getClientRects()].filter(rect => rect.width > 0 && rect.height > 0);
    if (!rects.length) continue;
    if (new Set(rects.map(rect => Math.round(rect.top))).size > 1) wrapped.push(text);
    for (const rect of rects) {
      const outside = rect.top < box.top - 1 || rect.bottom > box.bottom + 1;
      if (outside || rect.left < box.left - 1 || rect.right > box.right + 1) spilled.push(text);
      lowestTop = Math.max(lowestTop, rect.top);
      highestBottom = Math.min(highestBottom, rect.bottom);
    }
  }
  return {
    scrollWidth: document.documentElement.scrollWidth,
    innerWidth: window.innerWidth,
    barHeight: Math.round(box.height),
    oneLine: lowestTop < highestBottom,
    wrapped: [...new Set(wrapped)],
    spilled: [...new Set(spilled)],
  };
}"""


# What people came to see, measured in the same visits: at 1024 px and up the named columns' heading
# and first cell lie inside the visible part of their table (its scroll container's box and the window),
# and nothing sits over them (the element at their centre is theirs); at every size each primary action
# (btn-primary, Buy Now, Pay), scrolled into view, is inside the window and nothing sits over it.
NAMED_COLUMNS = {"en": ["Status", "Expiration Time", "Amount"], "zh-hans": ["状态", "到期时间", "金额"]}
PRIMARY_ACTIONS = {"en": ["Buy Now", "Pay"], "zh-hans": ["立即购买", "支付"]}
SEE = """({named, primary, wide}) => {
  const problems = [];
  const label = element => (element.textContent || "").trim().replace(/\\s+/g, " ").slice(0, 40);
  const covered = element => {
    const box = element.getBoundingClientRect();
    const x = box.left + box.width / 2, y = box.top + box.height / 2;
    if (y < 0 || y > innerHeight || x < 0 || x > innerWidth) return "outside the window";
    const top = document.elementFromPoint(x, y);
    if (!top || element === top || element.contains(top)) return null;
    return `covered by <${top.tagName.toLowerCase()} class="${top.className}">`;
  };
  const centre = element => {
    const box = element.getBoundingClientRect();
    window.scrollBy({top: box.top + box.height / 2 - innerHeight / 2, behavior: "instant"});
  };
  if (wide) {
    for (const table of document.querySelectorAll("table.console-table")) {
      if (!table.checkVisibility() || !table.tHead) continue;
      const heads = [...table.tHead.rows[table.tHead.rows.length - 1].cells];
      const row = table.tBodies[0] && table.tBodies[0].rows[0];
      const scroller = table.closest(".table-scroll, .matrix-scroll") || table.parentElement;
      for (const name of named) {
        const index = heads.findIndex(head => head.textContent.trim() === name);
        if (index < 0) continue;
        const cell = row && row.cells.length === heads.length ? row.cells[index] : null;
        for (const element of [heads[index], cell]) {
          if (!element) continue;
          centre(element);
          const box = element.getBoundingClientRect(), visible = scroller.getBoundingClientRect();
          const where = `${name} ${element.tagName === "TH" ? "heading" : "first cell"}`;
          if (box.left < Math.max(visible.left, 0) - 1 || box.right > Math.min(visible.right, innerWidth) + 1) {
            const span = `${Math.round(box.left)}-${Math.round(box.right)}`;
            const part = `${Math.round(visible.left)}-${Math.round(visible.right)}`;
            problems.push(`${where} is outside its table's visible part (${span} in ${part})`);
          } else {
            const over = covered(element);
            if (over) problems.push(`${where} is ${over}`);
          }
        }
      }
    }
  }
  const actions = [...document.querySelectorAll(".content .btn-primary, .content button, .content a")].filter(
    element => element.classList.contains("btn-primary") || primary.includes(label(element)));
  for (const element of new Set(actions)) {
    if (!element.checkVisibility({visibilityProperty: true})) continue;
    if (element.matches(":disabled, [aria-disabled=true]")) continue;
    element.scrollIntoView({block: "center", inline: "nearest", behavior: "instant"});
    const box = element.getBoundingClientRect();
    if (box.left < -1 || box.right > innerWidth + 1 || box.top < -1 || box.bottom > innerHeight + 1) {
      const at = `${Math.round(box.left)},${Math.round(box.top)} ${Math.round(box.width)}x${Math.round(box.height)}`;
      problems.push(`"${label(element)}" is not inside the window when scrolled to (at ${at})`);
    } else {
      const over = covered(element);
      if (over) problems.push(`"${label(element)}" is ${over}`);
    }
  }
  document.querySelectorAll(".table-scroll, .matrix-scroll").forEach(scroller => { scroller.scrollLeft = 0; });
  window.scrollTo({top: 0, left: 0, behavior: "instant"});
  return problems;
}"""


def what_people_see(page, width, language):
    """What is wrong with what a person sees at `width` (SEE), one line each."""
    return page.evaluate(
        SEE, {"named": NAMED_COLUMNS[language], "primary": PRIMARY_ACTIONS[language], "wide": width >= 1024}
    )


def try_the_console(page, live_server):
    """Clicks Try the console on the sign-in page; returns the new sandbox account."""
    known = set(User.objects.filter(is_sandbox=True).values_list("pk", flat=True))
    page.goto(f"{live_server.url}/accounts/login/")
    page.get_by_role("button", name="Try the console").click()
    page.wait_for_url(f"{live_server.url}/cen/instances/")
    return User.objects.filter(is_sandbox=True).exclude(pk__in=known).get()


def set_language(page, live_server, language):
    page.context.add_cookies([{"name": "django_language", "value": language, "url": live_server.url}])


def html_pages(page, urls):
    """The URLs that answer a GET with a page, after its redirects (not POST-only, not a download)."""
    for url in urls:
        probe = page.request.get(url)
        if probe.status == 405 or "text/html" not in probe.headers.get("content-type", ""):
            continue
        assert probe.ok, f"{url}: {probe.status}"
        yield url


def layout_problems(page, url, *, top_bar_one_line=True, language=None):
    """Opens `url` and measures it at each size: one line each for what is wrong. With `language`,
    also what people came to see (what_people_see)."""
    problems = []
    page.set_viewport_size({"width": SIZES[0][0], "height": SIZES[0][1]})
    response = page.goto(url)
    assert response.ok, f"{url}: {response.status}"
    for width, height in SIZES:
        page.set_viewport_size({"width": width, "height": height})
        seen = page.evaluate(MEASURE)
        where = f"{url} at {width}x{height}:"
        if seen["scrollWidth"] > seen["innerWidth"]:
            problems.append(f"{where} {seen['scrollWidth']} px wide in a {seen['innerWidth']} px window")
        if seen["wrapped"]:
            problems.append(f"{where} the top bar wraps {seen['wrapped']}")
        if seen["spilled"]:
            problems.append(f"{where} the top bar spills {seen['spilled']}")
        if width == 1280 and top_bar_one_line and not seen["oneLine"]:
            problems.append(f"{where} the top bar is more than one line ({seen['barHeight']} px)")
        if language:
            problems += [f"{where} {problem}" for problem in what_people_see(page, width, language)]
    return problems


def walked_urls(live_server, objects, *, workshops=False):
    """The walk's URLs: the console's and the demo's, or (`workshops`) the facilitator's pages, which
    a sandbox may not open."""
    return [
        live_server.url + fill(route, arguments, objects)
        for route, name, arguments in ALL_URLS
        if name not in FRAGMENTS and route.startswith("workshops/") == workshops
    ]


@pytest.mark.parametrize("language", LANGUAGES)
def test_no_console_or_demo_page_is_wider_than_the_window(live_server, page, language):
    """Every console and demo URL of the security walk, as a sandbox with its clock ahead, at
    1280x800, 1024x768 and 390x844: never wider than the window, the top bar one line at 1280, no
    top-bar text wrapped or spilling at any size."""
    sandbox = try_the_console(page, live_server)
    objects = make_owner_objects(sandbox)
    demo_services.clock_advance(account=sandbox, step="week")
    set_language(page, live_server, language)
    problems, visited = [], 0
    for url in html_pages(page, walked_urls(live_server, objects)):
        problems += layout_problems(page, url, language=language)
        visited += 1
    assert visited >= 25
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("language", LANGUAGES)
def test_workshop_pages_fit_the_window(live_server, page, language):
    """The facilitator's pages (Workshops, a board, its join link large), at the three sizes: never
    wider than the window, the top bar one line at 1280."""
    facilitator = UserFactory()
    objects = make_owner_objects(facilitator)
    sign_in_page(page, live_server, facilitator)
    set_language(page, live_server, language)
    problems, visited = [], 0
    for url in html_pages(page, walked_urls(live_server, objects, workshops=True)):
        problems += layout_problems(page, url, language=language)
        visited += 1
    assert visited >= 3
    assert not problems, "\n".join(problems)


def test_pages_without_an_account_fit_the_window(live_server, page):
    """Sign in, Sign up and Try the console's page, at the three sizes: never wider than the window."""
    problems = []
    for path in ("/accounts/login/", "/accounts/signup/", "/demo/start/"):
        problems += layout_problems(page, live_server.url + path)
    assert not problems, "\n".join(problems)


def admin_urls(objects, owner):
    """The staff's pages: the index, every model's list, the ticket's, the account's and its Adjust
    balance, and one object's page of every other model that has one."""
    urls = [reverse("admin:index")]
    for model in admin.site._registry:
        meta = model._meta
        urls.append(reverse(f"admin:{meta.app_label}_{meta.model_name}_changelist"))
        first = model.objects.order_by("pk").first()
        if first is not None:
            try:
                urls.append(reverse(f"admin:{meta.app_label}_{meta.model_name}_change", args=[first.pk]))
            except NoReverseMatch:
                pass
    urls.append(reverse("desk:queue"))
    urls.append(reverse("desk:ticket", args=[objects["ticket_id"]]))
    urls.append(reverse("admin:accounts_user_change", args=[owner.pk]))
    urls.append(reverse("admin:accounts_user_adjust_balance", args=[owner.pk]))
    return list(dict.fromkeys(urls))


@pytest.mark.parametrize("language", LANGUAGES)
def test_no_staff_page_is_wider_than_the_window(live_server, page, language):
    """The admin as a superuser (the ticket queue and a ticket, the accounts, an account's ledger
    and Adjust balance, every list): never wider than the window at the three sizes."""
    owner = UserFactory()
    objects = make_owner_objects(owner)
    staff = UserFactory(is_staff=True, is_superuser=True)
    set_language(page, live_server, language)
    page.goto(f"{live_server.url}/admin/login/")
    page.locator("#id_username").fill(staff.username)
    page.locator("#id_password").fill(PASSWORD)
    page.locator("#login-form [type=submit]").click()
    page.wait_for_url(f"{live_server.url}/admin/")
    problems, visited = [], 0
    for url in admin_urls(objects, owner):
        page.set_viewport_size({"width": 1280, "height": 800})
        response = page.goto(live_server.url + url)
        assert response.ok, f"{url}: {response.status}"
        visited += 1
        for width, height in SIZES:
            page.set_viewport_size({"width": width, "height": height})
            scroll_width, inner_width = page.evaluate("[document.documentElement.scrollWidth, innerWidth]")
            if scroll_width > inner_width:
                problems.append(f"{url} at {width}x{height}: {scroll_width} px wide in a {inner_width} px window")
            problems += [f"{url} at {width}x{height}: {problem}" for problem in what_people_see(page, width, language)]
    assert visited >= 10
    assert not problems, "\n".join(problems)


TOP_BAR_HEIGHT = "Math.round(document.querySelector('header.topbar').getBoundingClientRect().height)"


@pytest.mark.parametrize("language", LANGUAGES)
def test_top_bar_is_one_line_of_equal_height_for_a_plain_account_and_a_sandbox(live_server, browser, language):
    """At 1280x800 the top bar of a plain account and of a sandbox with its clock ahead is one line,
    of the same height, with nothing wrapped or spilling."""
    plain_page = browser.new_context(viewport={"width": 1280, "height": 800}).new_page()
    sandbox_page = browser.new_context(viewport={"width": 1280, "height": 800}).new_page()
    plain = UserFactory()
    sign_in_page(plain_page, live_server, plain)
    sandbox = try_the_console(sandbox_page, live_server)
    demo_services.clock_advance(account=sandbox, step="week")
    heights = {}
    for kind, page in (("plain", plain_page), ("sandbox", sandbox_page)):
        set_language(page, live_server, language)
        page.goto(f"{live_server.url}/cen/instances/")
        seen = page.evaluate(MEASURE)
        assert seen["oneLine"] and not seen["wrapped"] and not seen["spilled"], f"{kind}: {seen}"
        heights[kind] = seen["barHeight"]
    assert page.locator("#test-clock").is_visible() and page.locator(".topbar-sandbox").is_visible()
    assert heights["plain"] == heights["sandbox"], heights
    for page in (plain_page, sandbox_page):
        page.context.close()


def sign_in_page(page, live_server, user):
    page.goto(f"{live_server.url}/accounts/login/")
    page.get_by_label("Username").fill(user.username)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(lambda url: "/accounts/login/" not in url)


PHONE = {"width": 390, "height": 844}


@pytest.mark.parametrize("javascript", [True, False], ids=["javascript", "no-javascript"])
def test_phone_navigation_is_a_menu_button(live_server, browser, javascript):
    """At 390 px the navigation is folded under a Menu button; the button (reached with Tab, opened
    with Enter, with or without JavaScript) shows it and its links work."""
    page = browser.new_context(viewport=PHONE, java_script_enabled=javascript).new_page()
    sign_in_page(page, live_server, UserFactory())
    navigation = page.get_by_role("navigation", name="Cloud Enterprise Network")
    expect(navigation.get_by_role("link", name="Orders")).to_be_hidden()
    menu_button = page.locator(".sidenav-button")
    expect(menu_button).to_have_text("Menu")
    menu_button.focus()
    page.keyboard.press("Enter")
    expect(navigation.get_by_role("link", name="Orders")).to_be_visible()
    navigation.get_by_role("link", name="Orders").click()
    page.wait_for_url(f"{live_server.url}/cen/orders/")
    expect(page.get_by_role("heading", name="Orders")).to_be_visible()
    page.context.close()


def test_wide_window_shows_the_navigation_without_a_menu_button(live_server, page):
    """From 768 px up the navigation is always shown and the Menu button is not."""
    sign_in_page(page, live_server, UserFactory())
    for width in (1280, 1024, 768):
        page.set_viewport_size({"width": width, "height": 800})
        expect(page.locator(".sidenav-button")).to_be_hidden()
        expect(
            page.get_by_role("navigation", name="Cloud Enterprise Network").get_by_role("link", name="Billing")
        ).to_be_visible()


@pytest.mark.parametrize("javascript", [True, False], ids=["javascript", "no-javascript"])
def test_account_menu_opens_from_the_keyboard(live_server, browser, javascript):
    """Tab reaches the Account menu, Enter opens it (with or without JavaScript), and its items are
    Account, AccessKey Management, Sign out everywhere and Sign out; Account opens the Account page."""
    page = browser.new_context(viewport={"width": 1280, "height": 800}, java_script_enabled=javascript).new_page()
    user = UserFactory()
    sign_in_page(page, live_server, user)
    menu = page.locator("#account-menu")
    expect(menu.get_by_role("link", name="Account", exact=True)).to_be_hidden()
    menu.locator("summary").focus()
    page.keyboard.press("Enter")
    expect(menu.locator(".topbar-user")).to_have_text(user.username)
    for name in ("Account", "AccessKey Management"):
        expect(menu.get_by_role("link", name=name, exact=True)).to_be_visible()
    for name in ("Sign out everywhere", "Sign out"):
        expect(menu.get_by_role("button", name=name, exact=True)).to_be_visible()
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    page.wait_for_url(f"{live_server.url}/account/")
    page.context.close()


def test_account_menu_closes_on_escape_and_on_a_click_elsewhere(live_server, page):
    """With JavaScript, Esc closes the open Account menu (focus back on its button), and so does a
    click elsewhere on the page."""
    sign_in_page(page, live_server, UserFactory())
    menu = page.locator("#account-menu")
    menu.locator("summary").click()
    expect(menu.get_by_role("link", name="Account", exact=True)).to_be_visible()
    page.keyboard.press("Escape")
    expect(menu.get_by_role("link", name="Account", exact=True)).to_be_hidden()
    expect(menu.locator("summary")).to_be_focused()
    menu.locator("summary").click()
    page.get_by_role("heading", name="Instances").click()
    expect(menu.get_by_role("link", name="Account", exact=True)).to_be_hidden()


def test_purchase_page_stacks_the_price_under_the_form_on_a_phone(live_server, browser):
    """At 390 px the Price card stands under the form's fields (overlapping none), the Area selects
    are as wide as the form, and Buy Now is reached by scrolling and submits."""
    page = browser.new_context(viewport=PHONE).new_page()
    user = UserFactory()
    CenInstanceFactory(owner=user)
    sign_in_page(page, live_server, user)
    page.goto(f"{live_server.url}/cen/bandwidth-packages/buy/")
    fields = page.locator(".buy-fields").bounding_box()
    price = page.get_by_role("complementary", name="Price").bounding_box()
    assert price["y"] >= fields["y"] + fields["height"], (fields, price)
    assert price["x"] >= 0 and price["x"] + price["width"] <= PHONE["width"]
    area_a = page.get_by_label("Area A").bounding_box()
    assert area_a["width"] >= 0.75 * fields["width"], area_a
    page.get_by_label("Bandwidth", exact=True).fill("0")
    page.get_by_role("button", name="Buy Now").click()
    expect(page.locator(".invalid-feedback").first).to_be_visible()
    page.context.close()


def test_instances_toolbar_controls_are_one_height(live_server, page):
    """The Instances toolbar's buttons and fields have one height at 1280, 1024 and 390 px, each on
    one line (Create, the search field, Search and the folded Tag filter; opened, its fields too)."""
    sign_in_page(page, live_server, UserFactory())
    for width, height in SIZES:
        page.set_viewport_size({"width": width, "height": height})
        for shown, opened in ((4, False), (7, True)):
            page.locator(".toolbar-filter").evaluate(f"details => details.open = {'true' if opened else 'false'}")
            heights = page.evaluate(
                "[...document.querySelectorAll('.toolbar .btn, .toolbar .form-control')]"
                ".filter(control => control.checkVisibility())"
                ".map(control => Math.round(control.getBoundingClientRect().height))"
            )
            assert len(heights) == shown and len(set(heights)) == 1, f"{width}: {heights}"


@pytest.mark.parametrize("language", LANGUAGES)
def test_create_cen_dialog_fits_the_window(live_server, page, language):
    """The Create CEN Instance dialog, refused with two tag rows, at 1280x800, 1024x768 and 390x844: inside
    the window, nothing wider than it, and its OK reachable (scrolled into view, nothing over it)."""
    sign_in_page(page, live_server, UserFactory())
    set_language(page, live_server, language)
    for width, height in SIZES:
        page.set_viewport_size({"width": width, "height": height})
        page.goto(f"{live_server.url}/cen/instances/")
        page.locator("a[data-dialog-form]").click()
        dialog = page.locator("dialog[open]")
        dialog.locator("#id_tag_key_0").fill("acs:x")
        # Each click waits for its answer to replace the panel: Add Tag's answer may carry the key's error summary
        # already, so waiting for a summary alone could measure the panel OK's answer is about to replace.
        for button in ("button[name=add_tag]", ".dialog-actions .btn-primary"):
            panel = dialog.locator("section.create-panel").element_handle()
            dialog.locator(button).click()
            panel.wait_for_element_state("hidden")  # detached: the answer swapped in
        expect(dialog.locator("#id_tag_key_1")).to_be_visible()
        expect(dialog.locator(".error-summary")).to_be_visible()
        box = dialog.bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= width, (width, box)
        assert page.evaluate("document.documentElement.scrollWidth") <= width
        assert dialog.evaluate("element => element.scrollWidth <= element.clientWidth"), width
        ok = dialog.locator(".dialog-actions .btn-primary")
        ok.scroll_into_view_if_needed()
        assert ok.evaluate(ON_TOP), width


def test_package_rows_are_stacked_cards_on_a_phone(live_server, browser):
    """At 390 px the Bandwidth Packages tab's rows are cards (each cell under its column's name, nothing
    scrolls sideways), Status and Expiration Time inside the window, and the row's Renew opens the Renew
    page."""
    page = browser.new_context(viewport=PHONE).new_page()
    user = UserFactory()
    cen_instance = CenInstanceFactory(owner=user)
    package = buy_package(cen_instance, area_a_code="China", area_b_code="China")  # no ticket: Renew offered
    sign_in_page(page, live_server, user)
    page.goto(f"{live_server.url}/cen/instances/{cen_instance.pk}/bandwidth-packages/")
    assert page.locator(".table-scroll").first.evaluate("element => element.scrollWidth <= element.clientWidth")
    row = page.locator(f"tr[id='{package.pk}']")
    for name in ("Status", "Expiration Time"):
        cell = row.locator(f"td[data-label='{name}']")
        assert cell.evaluate("cell => getComputedStyle(cell, '::before').content") == f'"{name}"'
        box = cell.bounding_box()
        assert 0 <= box["x"] and box["x"] + box["width"] <= PHONE["width"], (name, box)
    renew = row.get_by_role("link", name="Renew", exact=True)
    box = renew.bounding_box()
    assert 0 <= box["x"] and box["x"] + box["width"] <= PHONE["width"], box
    renew.click()
    page.wait_for_url(f"**/bandwidth-packages/{package.pk}/renew/")
    page.context.close()


ON_TOP = """element => {
  const box = element.getBoundingClientRect();
  const top = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
  return element === top || element.contains(top);
}"""


@pytest.mark.parametrize("javascript", [True, False], ids=["javascript", "no-javascript"])
def test_more_menu_opens_from_the_keyboard_unclipped_by_the_table(live_server, browser, javascript):
    """A package row's More (a <details>) opens with Enter, with or without JavaScript; its Request
    Deletion hangs below the one-row table, shown whole (the table's scroll does not clip it) and opens
    its page."""
    page = browser.new_context(viewport={"width": 1024, "height": 768}, java_script_enabled=javascript).new_page()
    user = UserFactory()
    cen_instance = CenInstanceFactory(owner=user)
    package = buy_package(cen_instance, area_a_code="China", area_b_code="China")
    sign_in_page(page, live_server, user)
    page.goto(f"{live_server.url}/cen/instances/{cen_instance.pk}/bandwidth-packages/")
    row = page.locator(f"tr[id='{package.pk}']")
    expect(row.get_by_role("link", name="Request Deletion")).to_be_hidden()
    row.locator(".row-menu summary").focus()
    page.keyboard.press("Enter")
    request_deletion = row.get_by_role("link", name="Request Deletion")
    expect(request_deletion).to_be_visible()
    table_bottom = page.locator(".table-scroll").first.bounding_box()
    link = request_deletion.bounding_box()
    assert link["y"] + link["height"] > table_bottom["y"] + table_bottom["height"], (link, table_bottom)
    assert request_deletion.evaluate(ON_TOP)
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    expect(request_deletion).to_be_focused()
    page.keyboard.press("Enter")
    page.wait_for_url(f"**/bandwidth-packages/{package.pk}/request-deletion/")
    page.context.close()


def test_more_menu_closes_on_escape(live_server, page):
    """With JavaScript, Esc closes an open More menu and puts focus back on More."""
    user = UserFactory()
    cen_instance = CenInstanceFactory(owner=user)
    buy_package(cen_instance, area_a_code="China", area_b_code="China")
    sign_in_page(page, live_server, user)
    page.goto(f"{live_server.url}/cen/instances/{cen_instance.pk}/bandwidth-packages/")
    more = page.locator(".row-menu summary").first
    more.click()
    expect(page.get_by_role("link", name="Request Deletion")).to_be_visible()
    page.keyboard.press("Escape")
    expect(page.get_by_role("link", name="Request Deletion")).to_be_hidden()
    expect(more).to_be_focused()


@pytest.mark.parametrize("language", LANGUAGES)
def test_open_menus_pass_axe_on_a_phone_and_at_1280(live_server, browser, language):
    """axe-core's WCAG 2.1 A/AA rules find nothing with the Menu button's navigation open at 390 px, nor
    with the Account menu open at 1280 px, as a sandbox (every top-bar item shown)."""
    from tests.e2e.test_accessibility import axe_violations

    page = browser.new_context(viewport=PHONE, bypass_csp=True).new_page()
    try_the_console(page, live_server)
    set_language(page, live_server, language)
    page.goto(f"{live_server.url}/cen/instances/")
    page.locator(".sidenav-button").click()
    violations = axe_violations(page)
    page.set_viewport_size({"width": 1280, "height": 800})
    page.locator("#account-menu summary").click()
    violations += axe_violations(page)
    assert not violations, "\n".join(violations)
    page.context.close()
