// CEN Console: small enhancements only. Every page works without this file.
(function () {
  "use strict";
  // A submitted form's buttons are disabled until the next page, so a double click sends one request.
  // (The server's idempotency keys are the real guard; this spares the user a second wait.)
  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (event.defaultPrevented || form.hasAttribute("hx-post")) {
      return;
    }
    window.setTimeout(function () {
      form.querySelectorAll("button[type=submit]").forEach(function (button) {
        button.disabled = true;
      });
    }, 0);
  });
})();

// Coming back with the browser's Back button shows the page from cache: enable its buttons again.
window.addEventListener("pageshow", function () {
  document.querySelectorAll("button[type=submit][disabled]").forEach(function (button) {
    button.disabled = false;
  });
});
