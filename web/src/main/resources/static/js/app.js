// Progressive enhancement only: every page works without this script.
(function () {
  "use strict";

  function cookie(name) {
    var found = new RegExp("(?:^|;\\s*)" + name + "=([^;]*)").exec(document.cookie);
    return found ? decodeURIComponent(found[1]) : null;
  }

  // The browser's time zone, so the server shows every time in it (the page is rendered on the server), unless the
  // person chose a zone themselves on the settings page (tz-chosen).
  try {
    var zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    var stored = cookie("tz");
    if (zone && !cookie("tz-chosen") && stored !== zone) {
      document.cookie = "tz=" + encodeURIComponent(zone) + "; path=/; max-age=31536000; samesite=lax";
      // The first page was rendered in the deployment's zone: render it again in the person's own, once (and
      // never where cookies are refused, which would reload for ever).
      if (stored === null && cookie("tz") !== null) {
        window.location.reload();
      }
    }
  } catch (e) {
    // Without Intl the deployment's time zone stays in use, which the page names.
  }

  function focusResult(container) {
    var target = container.querySelector("[data-focus]") || container;
    if (!target.hasAttribute("tabindex")) {
      target.setAttribute("tabindex", "-1");
    }
    target.focus();
  }

  // A message the server put on the page (a conflict, a missing field) gets the focus, so it is read out first.
  document.addEventListener("DOMContentLoaded", function () {
    var message = document.querySelector("[data-focus]");
    if (message) {
      focusResult(message.parentNode);
    }
    // Copy buttons exist only where the clipboard can be written; without them the field can be selected by hand.
    if (navigator.clipboard) {
      document.querySelectorAll("button[data-copy]").forEach(function (button) {
        button.hidden = false;
        button.addEventListener("click", function () {
          var field = document.getElementById(button.getAttribute("data-copy"));
          navigator.clipboard.writeText(field.value).then(function () {
            var status = document.getElementById(field.id + "-copied");
            if (status) {
              status.textContent = button.getAttribute("data-copied");
            }
          });
        });
      });
    }
  });

  // After htmx replaces part of a page, move the focus to the result so screen readers announce it.
  // Not for a live preview or the safety banner, which change while the person goes on typing elsewhere
  // (data-keep-focus); the banner is announced as an alert instead.
  document.addEventListener("htmx:afterSwap", function (event) {
    if (event.detail.elt && event.detail.elt.closest("[data-keep-focus]")) {
      return;
    }
    focusResult(event.detail.target);
  });

  // A therapist's open page learns of a new or acknowledged safety alert at once: the stream only says "changed",
  // and the banner is fetched again (with the person's own rights). After a lost connection the browser reconnects
  // by itself, and the banner is fetched again in case something changed meanwhile.
  document.addEventListener("DOMContentLoaded", function () {
    var banner = document.getElementById("safety-alerts");
    if (!banner || !window.EventSource || !window.htmx) {
      return;
    }
    var opened = false;
    var source = new EventSource(banner.getAttribute("data-live"));
    source.addEventListener("open", function () {
      banner.setAttribute("data-live-state", "open");
      if (opened) {
        htmx.trigger(document.body, "safety-alerts-changed");
      }
      opened = true;
    });
    source.addEventListener("error", function () {
      banner.setAttribute("data-live-state", "reconnecting");
    });
    source.addEventListener("safety-alerts", function () {
      htmx.trigger(document.body, "safety-alerts-changed");
    });
    window.addEventListener("pagehide", function () {
      source.close();
    });
  });

  // "Print this page" (My data): the page prints without it too, from the browser's menu.
  document.addEventListener("click", function (event) {
    var button = event.target.closest && event.target.closest("[data-print]");
    if (button) {
      window.print();
    }
  });
})();
