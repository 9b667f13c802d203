"""Steps through the top bar that several browser tests take."""


def account_menu(page):
    """Opens the top bar's Account menu (a <details>) and returns it: Account, AccessKey Management,
    Sign out everywhere and Sign out are inside."""
    menu = page.locator("#account-menu")
    if menu.get_attribute("open") is None:
        menu.locator("summary").click()
    return menu


def sign_out(page):
    """Account -> Sign out."""
    account_menu(page).get_by_role("button", name="Sign out", exact=True).click()
