// CEN Console: the guided tours over the live console (driver.js): "Purchase a bandwidth package" and
// "Connect two VPCs in two regions through transit routers". A tour is named by its steps page (How to buy,
// /transit-tour/), whose <template id="tour-steps"> holds its stops and words (templates/demo/tour_steps.html,
// tour_transit_steps.html), fetched once when the tour first runs and kept for the tab, so other pages carry
// only the Take the tour link. Take the tour resumes the tour under way, whichever it is, or starts the one
// its link names; a steps page's Take this tour button starts that page's tour. Where the tour is lives in
// sessionStorage too, so it carries on across page loads and htmx swaps; Exit, Esc or a click on the overlay
// pauses it, and Take the tour resumes it. Next always moves forward: an "agree" stop ticks its checkbox
// (visibly) as it moves on, and Buy Now is clicked only once every agreement before it is ticked; a "fill"
// stop puts the tour's example into each of its fields left empty (or a select left at its first choice); a
// stop whose work the page shows done (data-done) is passed; a stop whose element is on its way (a transit
// router still Creating: data-wait) is shown over what stands for it, and the tour refreshes the page once
// the element is there (Next reloads it at once; a fetch without an answer is given up, and after half a
// minute the page is reloaded anyway, so nothing waits forever). A stop on another page is a small popover
// without an overlay (the page stays usable); the last stop (the success page) ends the tour when that page
// is left. Each stop shown dispatches a
// `cen:tour-step` CustomEvent on document with {step, stop} (the step's number and the stop's name). Without
// JavaScript, Take the tour is a link to the tour's steps page.
(function () {
  "use strict";
  var KEY = "cen-console-tour";
  var TEXTS_KEY = "cen-console-tour-texts";
  var link = document.getElementById("tour-link");
  if (!link || !window.driver || !window.driver.js || !window.sessionStorage) {
    return;
  }
  var texts = null;
  var elsewhere = null;
  var stops = null;
  var loadedTour = null; // the steps page whose stops are loaded
  var POLL_MS = 1000;
  var POLL_FETCH_MS = 4000;
  var POLL_LIMIT_MS = 30000;

  // The tour the link starts when none is under way: its steps page.
  function linkTour() {
    return link.getAttribute("href");
  }

  // The tour under way, else the link's.
  function wantedTour() {
    var state = load();
    return (state && state.tour) || linkTour();
  }

  // Reads the stops from the <template id="tour-steps"> in html.
  function parse(html) {
    var holder = document.createElement("template");
    holder.innerHTML = html;
    var source = holder.content.getElementById("tour-steps");
    if (!source) {
      return false;
    }
    texts = source.dataset;
    loadedTour = source.dataset.tourUrl || linkTour();
    elsewhere = source.content.querySelector("[data-elsewhere]").innerHTML;
    stops = Array.prototype.map.call(source.content.querySelectorAll("[data-stop]"), function (stop) {
      return {
        name: stop.dataset.stop,
        step: Number(stop.dataset.step),
        target: stop.dataset.target,
        action: stop.dataset.action,
        optional: stop.hasAttribute("data-optional"),
        start: stop.hasAttribute("data-start"),
        fill: stop.dataset.fill ? JSON.parse(stop.dataset.fill) : null,
        done: stop.dataset.done || null,
        wait: stop.dataset.wait || null,
        side: stop.dataset.side || "bottom",
        align: stop.dataset.align || "start",
        title: stop.querySelector("h2").innerHTML,
        text: stop.querySelector("div").innerHTML,
      };
    });
    return true;
  }

  // Calls then() once the stops of the tour (its steps page; the tour under way unless given) are known:
  // from this page, the tab's copy, or the steps page. failed() (if given) runs when they cannot be had.
  function withStops(then, failed, tourUrl) {
    var language = document.documentElement.lang;
    var wanted = tourUrl || wantedTour();
    if (stops && loadedTour === wanted) {
      then();
      return;
    }
    var here = document.getElementById("tour-steps");
    if (here && here.dataset.tourUrl !== wanted) {
      here = null; // the other tour's steps page
    }
    var kept = null;
    try {
      kept = JSON.parse(window.sessionStorage.getItem(TEXTS_KEY));
    } catch (error) {
      kept = null;
    }
    if ((here && parse(here.outerHTML)) ||
        (kept && kept.language === language && kept.tour === wanted && parse(kept.html))) {
      then();
      return;
    }
    window.fetch(wanted, { credentials: "same-origin" }).then(function (response) {
      return response.ok ? response.text() : Promise.reject(new Error(response.status));
    }).then(function (page) {
      var source = new window.DOMParser().parseFromString(page, "text/html").getElementById("tour-steps");
      if (!source || !parse(source.outerHTML)) {
        throw new Error("no tour on its steps page");
      }
      window.sessionStorage.setItem(TEXTS_KEY, JSON.stringify({
        language: language, tour: wanted, html: source.outerHTML,
      }));
      then();
    }).catch(function () {
      if (failed) {
        failed();
      }
    });
  }

  var tour = null; // the driver while a stop on this page is shown
  var away = null; // the small popover of a stop on another page (no overlay)
  var shownIndex = null;
  var shownWaiting = false;

  // State: {tour: its steps page, index, urls: {index: page where that stop was shown}, clicked: index
  // whose element was just clicked (its page is on its way), paused}.
  function load() {
    try {
      return JSON.parse(window.sessionStorage.getItem(KEY));
    } catch (error) {
      return null;
    }
  }

  function save(state) {
    window.sessionStorage.setItem(KEY, JSON.stringify(state));
  }

  function here() {
    return window.location.pathname + window.location.search;
  }

  // The page an element stands on by itself: its data-tour-page (a form an htmx swap put in a tab, whose
  // own URL shows the tab with the form), else this page.
  function pageOf(element) {
    var page = element.closest("[data-tour-page]");
    return page ? page.dataset.tourPage : here();
  }

  function target(index) {
    var stop = stops[index];
    return stop ? document.querySelector(stop.target) : null;
  }

  // Whether the page shows the stop's work done already (data-done: a transit router of its region exists).
  function done(index) {
    var stop = stops[index];
    return Boolean(stop && stop.done && document.querySelector(stop.done));
  }

  // What stands on the page for the stop's element while that is on its way (data-wait), if the element
  // is not here.
  function holder(index) {
    var stop = stops[index];
    return stop && stop.wait && !target(index) ? document.querySelector(stop.wait) : null;
  }

  // The stop after (step 1) or before (step -1) index, passing optional stops not on this page and stops
  // the page shows done.
  function neighbour(index, step) {
    var next = index + step;
    while (stops[next] && ((stops[next].optional && !target(next)) || done(next))) {
      next += step;
    }
    return stops[next] ? next : null;
  }

  // After a refused Buy Now, the first stop up to index whose element shows a field's error.
  function refused(index) {
    for (var earlier = 0; earlier < index; earlier += 1) {
      var element = target(earlier);
      if (element && !done(earlier) && element.querySelector(".is-invalid")) {
        return earlier;
      }
    }
    return index;
  }

  // The checkbox an "agree" stop ticks, if that stop is on this page.
  function agreement(index) {
    var element = stops[index] && stops[index].action === "agree" ? target(index) : null;
    return element ? element.querySelector("input[type=checkbox]") : null;
  }

  // Before the click of stop index: the first "agree" stop before it on this page left unticked, if any.
  function unticked(index) {
    for (var earlier = 0; earlier < index; earlier += 1) {
      var checkbox = agreement(earlier);
      if (checkbox && !checkbox.checked) {
        return earlier;
      }
    }
    return null;
  }

  function closeAway() {
    if (away) {
      away.remove();
      away = null;
    }
    document.querySelectorAll(".tour-lit").forEach(function (element) {
      element.classList.remove("tour-lit");
    });
  }

  // Waiting on a stop's element: the page is fetched every second until it holds the element, then
  // reloaded; a fetch that has no answer in POLL_FETCH_MS is given up and tried again, and after
  // POLL_LIMIT_MS the page is reloaded anyway (the server's page always says what is true).
  var polling = null;

  function stopPolling() {
    if (polling) {
      window.clearTimeout(polling.timer);
      window.clearTimeout(polling.deadline);
      if (polling.abort) {
        polling.abort.abort();
      }
      polling = null;
    }
  }

  function poll(index) {
    var mine = polling && polling.index === index ? polling : null;
    if (!mine) {
      stopPolling();
      mine = { index: index };
      mine.deadline = window.setTimeout(function () {
        if (polling === mine) {
          stopPolling();
          window.location.reload();
        }
      }, POLL_LIMIT_MS);
      polling = mine;
    }
    mine.timer = window.setTimeout(function () {
      var abort = window.AbortController ? new window.AbortController() : null;
      mine.abort = abort;
      var giveUp = abort ? window.setTimeout(function () { abort.abort(); }, POLL_FETCH_MS) : null;
      window.fetch(here(), { credentials: "same-origin", signal: abort ? abort.signal : undefined }).then(function (response) {
        return response.ok ? response.text() : Promise.reject(new Error(response.status));
      }).then(function (page) {
        window.clearTimeout(giveUp);
        if (polling !== mine) {
          return;
        }
        var fetched = new window.DOMParser().parseFromString(page, "text/html");
        if (fetched.querySelector(stops[index].target)) {
          stopPolling();
          window.location.reload();
        } else {
          poll(index);
        }
      }).catch(function () {
        window.clearTimeout(giveUp);
        if (polling === mine) {
          poll(index);
        }
      });
    }, POLL_MS);
  }

  // A "fill" stop's Next: each field named in values, inside element, takes its value if left empty (a
  // select: if left at its first choice; "*" is its first choice with a value). Events as typing sends.
  function fillIn(element, values) {
    Object.keys(values || {}).forEach(function (name) {
      var field = element.querySelector("[name=\"" + name + "\"]");
      var value = values[name];
      if (!field) {
        return;
      }
      if (field.tagName === "SELECT") {
        var options = Array.prototype.slice.call(field.options);
        if (field.selectedIndex > 0) {
          return; // chosen
        }
        if (value === "*") {
          var first = options.filter(function (option) { return option.value; })[0];
          value = first ? first.value : "";
        }
        if (!value || !options.some(function (option) { return option.value === value; })) {
          return;
        }
      } else if (field.value) {
        return; // typed
      }
      if (field.value === value) {
        return;
      }
      field.value = value;
      field.dispatchEvent(new window.Event("input", { bubbles: true }));
      field.dispatchEvent(new window.Event("change", { bubbles: true }));
    });
  }

  function close() {
    stopPolling();
    closeAway();
    if (tour) {
      var closing = tour;
      tour = null;
      shownIndex = null;
      closing.destroy();
    }
    shownIndex = null;
  }

  function end() {
    window.sessionStorage.removeItem(KEY);
    close();
  }

  function pause() {
    var state = load();
    close();
    if (!state) {
      return;
    }
    if (stops[state.index] && stops[state.index].action === "finish") {
      window.sessionStorage.removeItem(KEY);
    } else {
      state.paused = true;
      delete state.clicked;
      save(state);
    }
    link.focus();
  }

  // Goes to the page of the stop at or before index that was shown last, else the Instances page.
  function goTo(index) {
    var state = load() || { urls: {} };
    var page = null;
    for (var earlier = index; earlier >= 0; earlier -= 1) {
      if (state.urls[earlier] && state.urls[earlier] !== here()) {
        page = state.urls[earlier];
        break;
      }
    }
    state.index = page ? earlier : 0;
    state.paused = false;
    delete state.clicked;
    save(state);
    window.location.assign(page || texts.instancesUrl);
  }

  function move(index) {
    var state = load();
    state.index = index;
    save(state);
    if (target(index) || holder(index)) {
      show();
    } else {
      goTo(index);
    }
  }

  function next(index) {
    // A live update of the form on its way may add or take away the next stop (the cross-border
    // notice after a change of Area B): move on once the page holds its answer.
    if (document.querySelector("form.htmx-request")) {
      document.addEventListener("htmx:afterRequest", function () {
        window.setTimeout(function () {
          next(index);
        }, 0);
      }, { once: true });
      return;
    }
    var stop = stops[index];
    var element = target(index);
    if (!element) {
      goTo(index);
    } else if (stop.action === "click") {
      var missing = unticked(index);
      if (missing !== null) {
        move(missing); // Buy Now would be refused: the agreement first
      } else {
        element.click(); // does the step, as the user's own click would (see the click listener below)
      }
    } else if (stop.action === "finish") {
      end();
      link.focus();
    } else if (stop.action === "fill") {
      fillIn(element, stop.fill); // where the user sees it, before moving on
      move(neighbour(index, 1));
    } else {
      var checkbox = agreement(index);
      if (checkbox && !checkbox.checked) {
        checkbox.click(); // ticked where the user sees it; its change event updates the form as a click would
      }
      move(neighbour(index, 1));
    }
  }

  // The server's message beside the highlighted field (after a refused Buy Now), for the popover.
  function refusal(element) {
    var feedback = element ? element.querySelector(".invalid-feedback") : null;
    var text = feedback ? feedback.textContent.trim() : "";
    if (!text) {
      return "";
    }
    var paragraph = document.createElement("p");
    paragraph.className = "tour-refusal";
    paragraph.textContent = text;
    return paragraph.outerHTML;
  }

  function announce(index) {
    document.dispatchEvent(new window.CustomEvent("cen:tour-step", {
      detail: { step: stops[index].step, stop: stops[index].name },
    }));
  }

  // A stop that is on another page: a small popover in a corner, with no overlay, so the page stays
  // usable (Go there, Back, Exit). The last stop (the success page) is shown the same way beside its
  // outlined element, with Finish: the user can go anywhere from there, and leaving the page ends the tour.
  function showAway(index, element) {
    var stop = stops[index];
    if (tour) {
      var closing = tour;
      tour = null;
      closing.destroy();
    }
    closeAway();
    shownIndex = index;
    away = document.createElement("div");
    away.className = "driver-popover tour-popover tour-away";
    away.setAttribute("role", "dialog");
    away.setAttribute("aria-labelledby", "tour-away-title");
    away.setAttribute("aria-describedby", "tour-away-description");
    away.innerHTML = "<header class=\"driver-popover-title\" id=\"tour-away-title\"></header>" +
      "<div class=\"driver-popover-description\" id=\"tour-away-description\"></div>" +
      "<footer class=\"driver-popover-footer\"><span class=\"driver-popover-navigation-btns\"></span></footer>";
    away.querySelector("header").innerHTML = stop.title;
    away.querySelector(".driver-popover-description").innerHTML =
      stop.text + (element ? "" : "<p class=\"tour-elsewhere\">" + elsewhere + "</p>");
    var buttons = away.querySelector(".driver-popover-navigation-btns");
    function button(text, className, action) {
      var element = document.createElement("button");
      element.type = "button";
      element.className = "driver-popover-footer-btn " + className;
      element.textContent = text;
      element.addEventListener("click", action);
      return element;
    }
    away.querySelector("footer").insertBefore(button(texts.exit, "tour-exit", pause), buttons);
    if (index > 0) {
      buttons.appendChild(button(texts.back, "driver-popover-prev-btn", function () {
        var before = neighbour(index, -1);
        var state = load();
        state.index = before;
        save(state);
        goTo(before);
      }));
    }
    var forward = element ? button(texts.finish, "driver-popover-next-btn", function () {
      end();
      link.focus();
    }) : button(texts.go, "driver-popover-next-btn", function () {
      goTo(index);
    });
    buttons.appendChild(forward);
    document.body.appendChild(away);
    if (element) {
      element.classList.add("tour-lit");
      forward.focus();
    }
    announce(index);
  }

  function popover(index, element, waiting) {
    var stop = stops[index];
    var last = stop.action === "finish";
    var buttons = index > 0 ? ["previous", "next"] : ["next"];
    return {
      title: stop.title,
      description: stop.text + (waiting ? "<p class=\"tour-waiting\">" + texts.waiting + "</p>" : refusal(element)),
      side: stop.side, // the stop's own side where below would cover the next stop's target
      align: stop.align,
      showButtons: buttons,
      nextBtnText: last ? texts.finish : texts.next,
      prevBtnText: texts.back,
      onNextClick: function () {
        if (waiting) {
          stopPolling();
          window.location.reload(); // checks now: the page as the server has it, this stop again or its element
        } else {
          next(index);
        }
      },
      onPrevClick: function () {
        move(neighbour(index, -1));
      },
      onPopoverRender: function (dom) {
        dom.wrapper.setAttribute("role", "dialog"); // named by its title: "Step n of 4 · ..."
        dom.wrapper.setAttribute("aria-labelledby", "driver-popover-title");
        dom.wrapper.setAttribute("aria-describedby", "driver-popover-description");
        dom.wrapper.classList.add("tour-popover");
        var exit = document.createElement("button");
        exit.type = "button";
        exit.className = "driver-popover-footer-btn tour-exit";
        exit.textContent = texts.exit;
        exit.addEventListener("click", pause);
        dom.footer.insertBefore(exit, dom.footerButtons);
      },
    };
  }

  // Shows the stop the state names, or the one the page shows after a clicked stop. keepFocus: after an
  // htmx swap, focus stays where the user is typing.
  function show(keepFocus) {
    var state = load();
    if (!state || state.paused) {
      close();
      return;
    }
    var index = state.index;
    if (state.clicked !== undefined) {
      var after = neighbour(state.clicked, 1);
      var answered = true;
      if (after !== null && (target(after) || holder(after))) {
        index = after;
      } else if (target(state.clicked)) {
        index = refused(state.clicked); // the step did not go through: the field to correct, or again
        // A live update of the form settling before the click's page arrives is not its answer.
        answered = !(keepFocus && index === state.clicked);
      } else {
        index = after === null ? state.clicked : after;
      }
      if (answered) {
        delete state.clicked;
      }
    }
    if (done(index) && neighbour(index, 1) !== null) {
      index = neighbour(index, 1); // the page shows this stop's work done
    }
    var element = target(index);
    if (!element && stops[index].action === "finish") {
      end(); // the success page was left: the tour is over
      return;
    }
    var waiting = element ? null : holder(index);
    state.index = index;
    if (element || waiting) {
      state.urls[index] = pageOf(element || waiting);
    }
    save(state);
    if ((!element && !waiting) || stops[index].action === "finish") {
      stopPolling();
      if (!(away && shownIndex === index)) {
        showAway(index, element);
      }
      return;
    }
    closeAway();
    var lit = element || waiting;
    var menu = element ? element.closest("details") : null;
    if (menu && !menu.open) {
      menu.open = true; // a row's More menu holds the stop's link
    }
    if (waiting) {
      if (!(polling && polling.index === index)) {
        poll(index);
      }
    } else {
      stopPolling();
    }
    if (tour && shownIndex === index && tour.getActiveElement() === lit && Boolean(waiting) === shownWaiting) {
      tour.refresh();
      return;
    }
    var focused = document.activeElement;
    if (!tour) {
      tour = window.driver.js.driver({
        animate: false,
        allowClose: true,
        overlayOpacity: 0.45,
        stagePadding: 6,
        overlayClickBehavior: "close", // a click beside the highlighted element leaves the tour, as Esc does
        onDestroyStarted: pause, // Esc, the overlay
      });
    }
    shownIndex = index;
    shownWaiting = Boolean(waiting);
    tour.highlight({ element: lit, popover: popover(index, element, waiting) });
    announce(index);
    var popoverElement = tour.getState("popover");
    if (keepFocus && focused && focused !== document.body && document.body.contains(focused) &&
        !(popoverElement && popoverElement.wrapper.contains(focused))) {
      focused.focus();
    } else if (popoverElement) {
      popoverElement.nextButton.focus();
    }
  }

  // Clicking the highlighted element of a "click" stop does the step: the next page (or htmx swap)
  // shows the next stop.
  document.addEventListener("click", function (event) {
    var state = load();
    if (!state || state.paused || shownIndex === null || !tour || stops[shownIndex].action !== "click") {
      return;
    }
    var element = target(shownIndex);
    if (element && element.contains(event.target)) {
      state.clicked = shownIndex;
      save(state);
    }
  }, true);

  // Esc leaves the tour from the small popover too (driver.js handles it while a stop is highlighted).
  document.addEventListener("keyup", function (event) {
    if (away && event.key === "Escape") {
      pause();
    }
  });

  link.addEventListener("click", function (event) {
    event.preventDefault();
    withStops(start, function () {
      window.location.assign(link.href); // no tour to be had: its steps page
    });
  });

  // A steps page's Take this tour: that page's tour, resumed if it is the one under way.
  document.querySelectorAll(".tour-start-button[data-tour-url]").forEach(function (button) {
    button.addEventListener("click", function (event) {
      event.preventDefault();
      withStops(start, function () {
        window.location.assign(button.href);
      }, button.dataset.tourUrl);
    });
  });

  function start() {
    var state = load();
    if (state && state.urls && (state.tour || linkTour()) === loadedTour) {
      state.paused = false;
      save(state);
      if (target(state.index) || state.clicked !== undefined) {
        show();
      } else {
        goTo(state.index);
      }
      return;
    }
    // A new tour starts where this page is in the steps, or at step 1 on the Instances page.
    close();
    for (var index = 0; index < stops.length; index += 1) {
      if (stops[index].start && target(index) && !done(index)) {
        save({ tour: loadedTour, index: index, urls: {} });
        show();
        return;
      }
    }
    save({ tour: loadedTour, index: 0, urls: {} });
    window.location.assign(texts.instancesUrl);
  }

  // The tour under way (not left) is shown on every page, once its stops are known.
  function resume(keepFocus) {
    var state = load();
    if (state && !state.paused) {
      withStops(function () {
        show(keepFocus);
      });
    } else {
      close();
    }
  }

  document.addEventListener("htmx:afterSettle", function () {
    resume(true);
  });

  // Back from the browser's cache: the page is as it was left; show the stop the state names.
  window.addEventListener("pageshow", function (event) {
    if (event.persisted) {
      close();
      resume();
    }
  });

  resume();
})();
