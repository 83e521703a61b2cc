// The browser's time zone, so the server shows every time in it (the page is rendered on the server).
(function () {
  "use strict";
  try {
    var zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    var stored = /(?:^|;\s*)tz=([^;]*)/.exec(document.cookie);
    if (zone && (!stored || decodeURIComponent(stored[1]) !== zone)) {
      document.cookie = "tz=" + encodeURIComponent(zone) + "; path=/; max-age=31536000; samesite=lax";
      // The first page was rendered in the deployment's zone: render it again in the person's own, once (and
      // never where cookies are refused, which would reload for ever).
      if (!stored && /(?:^|;\s*)tz=/.test(document.cookie)) {
        window.location.reload();
      }
    }
  } catch (e) {
    // Without Intl the deployment's time zone stays in use, which the page names.
  }

  // After htmx replaces part of a page, move the focus to the result so screen readers announce it.
  document.addEventListener("htmx:afterSwap", function (event) {
    var target = event.detail.target.querySelector("[data-focus]") || event.detail.target;
    if (!target.hasAttribute("tabindex")) {
      target.setAttribute("tabindex", "-1");
    }
    target.focus();
  });
})();
