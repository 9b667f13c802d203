import pytest
from playwright.sync_api import expect

from cenconsole.accounts.views import PASSWORD_CHANGED, SIGNED_OUT_EVERYWHERE
from tests.e2e.top_bar import account_menu

pytestmark = pytest.mark.django_db(transaction=True)

NEW_PASSWORD = "a-brand-new-passphrase-77"


@pytest.mark.browser_context_args(java_script_enabled=False)
def test_change_password_and_sign_out_everywhere_work_with_javascript_off(page, sign_in, user, user_password):
    """Without JavaScript: Account from the top bar, Change password, Sign out everywhere, sign in anew."""
    sign_in(user)
    account_menu(page).get_by_role("link", name="Account", exact=True).click()
    page.get_by_label("Old password").fill(user_password)
    page.get_by_label("New password", exact=True).fill(NEW_PASSWORD)
    page.get_by_label("New password confirmation").fill(NEW_PASSWORD)
    page.get_by_role("button", name="Change password").click()
    expect(page.get_by_role("status")).to_have_text(str(PASSWORD_CHANGED))
    page.get_by_role("button", name="Sign out everywhere").click()
    expect(page.get_by_role("status")).to_have_text(str(SIGNED_OUT_EVERYWHERE))
    sign_in(user, NEW_PASSWORD)
    expect(page.locator(".topbar-user")).to_have_text(user.username)
