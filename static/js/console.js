// CEN Console: small enhancements only. Every page works without this file.
(function () {
  "use strict";
  // A submitted form's buttons are disabled until the next page, so a double click sends one request.
  // (The server's idempotency keys are the real guard; this spares the user a second wait.)
  document.addEventListener("submit", function (event) {
    var form = event.target;
    var submitter = event.submitter;
    var toDialog = (submitter && submitter.getAttribute("formmethod") === "dialog") || form.method === "dialog";
    if (event.defaultPrevented || form.hasAttribute("hx-post") || toDialog) {
      return;
    }
    window.setTimeout(function () {
      form.querySelectorAll("button[type=submit]:not([disabled])").forEach(function (button) {
        button.disabled = true;
        button.dataset.disabledOnSubmit = "";
      });
    }, 0);
  });
})();

// Buy Now while the form's live update (an htmx GET, see below) is on its way would abort that request
// as the page goes (htmx logs every aborted request as an error): wait for it, then submit with the same
// button. (Live updates queue rather than abort one another: hx-sync="this:queue last".)
(function () {
  "use strict";
  var pending = null;

  function submitButtons(form) {
    return Array.prototype.slice.call(form.querySelectorAll("button[type=submit]"));
  }

  document.addEventListener("submit", function (event) {
    var form = event.target;
    var submitter = event.submitter;
    var toDialog = (submitter && submitter.getAttribute("formmethod")) || form.method === "dialog";
    if (event.defaultPrevented || toDialog || !form.id || !form.hasAttribute("hx-get") ||
        !form.classList.contains("htmx-request")) {
      return;
    }
    event.preventDefault();
    pending = { id: form.id, button: submitButtons(form).indexOf(submitter) };
  }, true);

  document.addEventListener("htmx:afterRequest", function () {
    window.setTimeout(function () {
      var form = pending && document.getElementById(pending.id);
      if (!form || form.classList.contains("htmx-request")) {
        return; // gone, or another update on its way: wait for that one
      }
      var button = submitButtons(form)[pending.button];
      pending = null;
      form.requestSubmit(button || undefined);
    }, 0);
  });
})();

// Coming back with the browser's Back button shows the page from cache: enable again the buttons a
// submit disabled (not those the server disabled: an action the package cannot take).
window.addEventListener("pageshow", function () {
  document.querySelectorAll("button[type=submit][data-disabled-on-submit]").forEach(function (button) {
    button.disabled = false;
    delete button.dataset.disabledOnSubmit;
  });
});

// A live update (an htmx GET of a Buy Now form: the purchase page, Renew, Upgrade/Downgrade) replaces,
// out of band, only what follows from the form's values: the price, the notices, each field's messages
// (#<field id>_error, data-feedback-for), never a field, so nothing typed meanwhile is lost. A field is
// shown invalid (Bootstrap's is-invalid, aria-invalid) while messages stand beside it, as the page
// renders it without this file.
document.addEventListener("htmx:oobAfterSwap", function (event) {
  "use strict";
  var feedback = event.target;
  var field = feedback.dataset && feedback.dataset.feedbackFor && document.getElementById(feedback.dataset.feedbackFor);
  if (!field) {
    return;
  }
  field.classList.toggle("is-invalid", !feedback.hidden);
  if (feedback.hidden) {
    field.removeAttribute("aria-invalid");
  } else {
    field.setAttribute("aria-invalid", "true");
  }
});

// A link with data-dialog="<id>" (Unbind) leads to a confirmation page; with this file it opens the
// table's one <dialog> of that id instead, which asks the same question (OK / Cancel): the link's
// data-package and data-cen fill the question's markers, and its path becomes the form's action.
document.addEventListener("click", function (event) {
  "use strict";
  var link = event.target.closest ? event.target.closest("a[data-dialog]") : null;
  if (!link || event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) {
    return;
  }
  var dialog = document.getElementById(link.getAttribute("data-dialog"));
  if (!dialog || typeof dialog.showModal !== "function") {
    return;
  }
  event.preventDefault();
  var question = dialog.querySelector("[data-question]");
  if (question) {
    question.textContent = question.getAttribute("data-question")
      .replace("__package__", link.getAttribute("data-package") || "")
      .replace("__cen__", link.getAttribute("data-cen") || "");
  }
  var form = dialog.querySelector("form[method=post]");
  if (form) {
    form.setAttribute("action", link.pathname);
  }
  dialog.showModal();
  var ok = dialog.querySelector("button[type=submit]:not([formmethod=dialog])");
  if (ok) {
    ok.focus();
  }
});

// Enter in a picker's search field (hx-get, e.g. the purchase page's CEN ID search) narrows the list
// now instead of submitting the form (which would be Buy Now).
document.addEventListener("keydown", function (event) {
  "use strict";
  var field = event.target;
  if (event.key === "Enter" && field.matches && field.matches("input[type=search][hx-get]")) {
    event.preventDefault();
    if (window.htmx) {
      window.htmx.trigger(field, "search");
    }
  }
});

// The top bar's menus (Account, Advance time) and a table row's More menu are <details>: they open and
// close without this file. With it they behave as menus do: opening one closes the others, Esc closes it
// (focus back on its button), and a click elsewhere on the page closes it.
(function () {
  "use strict";
  var MENUS = "details.topbar-menu, details.row-menu";
  var OPEN_MENUS = "details.topbar-menu[open], details.row-menu[open]";

  function closeAll(except) {
    document.querySelectorAll(OPEN_MENUS).forEach(function (menu) {
      if (menu !== except) {
        menu.open = false;
      }
    });
  }

  document.addEventListener("toggle", function (event) {
    var menu = event.target;
    if (menu.matches && menu.matches(MENUS) && menu.open) {
      closeAll(menu);
    }
  }, true);

  document.addEventListener("click", function (event) {
    var inside = event.target.closest ? event.target.closest(MENUS) : null;
    // Choosing an item of a row's More menu closes it (its dialog or page takes over).
    if (inside && inside.matches("details.row-menu") && event.target.closest(".row-menu-items a, .row-menu-items button")) {
      inside = null;
    }
    closeAll(inside);
  });

  document.addEventListener("keydown", function (event) {
    if (event.key !== "Escape") {
      return;
    }
    var menu = event.target.closest ? event.target.closest(OPEN_MENUS) : null;
    if (menu) {
      menu.open = false;
      menu.querySelector("summary").focus();
    }
  });
})();

// A row's More menu is position: fixed, so the table's scroll container (which clips what is absolutely
// positioned inside it) cannot cut it off. Without this file it opens where it stands; with it, it is put
// under its More, inside the window (above More when there is no room below), and it closes when the
// page or the table scrolls, as a native select's list does.
(function () {
  "use strict";
  document.addEventListener("toggle", function (event) {
    var menu = event.target;
    if (!menu.matches || !menu.matches("details.row-menu") || !menu.open) {
      return;
    }
    var items = menu.querySelector(".row-menu-items");
    var more = menu.querySelector("summary").getBoundingClientRect();
    var box = items.getBoundingClientRect();
    var top = more.bottom + 2;
    if (top + box.height > window.innerHeight && more.top - box.height - 2 >= 0) {
      top = more.top - box.height - 2;
    }
    items.style.top = top + "px";
    items.style.right = "auto";
    items.style.left = Math.max(4, Math.min(more.left, document.documentElement.clientWidth - box.width - 4)) + "px";
  }, true);

  document.addEventListener("scroll", function () {
    document.querySelectorAll("details.row-menu[open]").forEach(function (menu) {
      menu.open = false;
    });
  }, true);
})();

// A refused form's error summary (templates/includes/error_summary.html, at the top of the page) takes
// focus as the page loads: the eye, the keyboard and a screen reader start at what went wrong, at every
// window size. (Without this file the summary is still the first thing under the breadcrumb.)
(function () {
  "use strict";
  var summary = document.querySelector("[data-focus-on-load]");
  if (summary) {
    summary.focus({ preventScroll: true });
    summary.scrollIntoView({ block: "nearest" });
  }
})();

// The purchase page's Auto-renewal period is used only with Auto-renewal on: disabled while it is off.
// Without this file the server ignores the period when Auto-renewal is off, and the field's note says so.
(function () {
  "use strict";
  function sync() {
    var box = document.getElementById("id_auto_renewal");
    var period = document.getElementById("id_auto_renewal_months");
    if (box && period && box.form && box.form.id === "purchase-form") {
      period.disabled = !box.checked;
    }
  }
  sync();
  document.addEventListener("change", function (event) {
    if (event.target && event.target.id === "id_auto_renewal") {
      sync();
    }
  });
})();

// A link with data-dialog-form="<id>" (Create CEN Instance) leads to a page with a form; with this file
// it opens the page's <dialog> of that id instead and fetches the form's panel into it (htmx). The form
// posts from the dialog and its answer replaces the panel there (refusals stay inside); Esc or Cancel
// closes it and focus goes back to the link.
(function () {
  "use strict";
  function focusIn(container) {
    var target = container.querySelector("[data-focus-on-load], [autofocus]") ||
      container.querySelector("input:not([type=hidden]), select, textarea");
    if (target) {
      target.focus();
    }
  }
  document.addEventListener("click", function (event) {
    var link = event.target.closest ? event.target.closest("a[data-dialog-form]") : null;
    if (!link || event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) {
      return;
    }
    var dialog = document.getElementById(link.getAttribute("data-dialog-form"));
    var body = dialog && dialog.querySelector("[data-dialog-body]");
    if (!body || typeof dialog.showModal !== "function" || !window.htmx) {
      return;
    }
    event.preventDefault();
    dialog.opener = link;
    window.htmx.ajax("GET", link.href, { target: body, swap: "innerHTML" }).then(function () {
      dialog.showModal();
      focusIn(dialog);
    });
  });
  document.addEventListener("click", function (event) {
    var cancel = event.target.closest ? event.target.closest("dialog[open] [data-close-dialog]") : null;
    if (cancel) {
      event.preventDefault();
      cancel.closest("dialog").close();
    }
  });
  document.addEventListener("close", function (event) {
    var dialog = event.target;
    if (dialog.opener && dialog.opener.focus) {
      dialog.opener.focus();
    }
  }, true);
  // A refused form (its error summary) or Add Tag's new row, swapped into the open dialog, takes focus.
  document.addEventListener("htmx:afterSwap", function () {
    var dialog = document.querySelector("dialog[open][aria-modal], dialog[open] [data-dialog-body]");
    if (dialog) {
      focusIn(dialog.closest("dialog"));
    }
  });
})();
