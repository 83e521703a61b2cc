// The note editor: the draft is saved on the server as the therapist writes (never in the browser's storage), the
// sign-in's idle timeout is announced before it ends, and text written when it has ended stays in the page until the
// person has signed in again (in another tab), then it is saved. Without this script the form still saves and signs.
(function () {
  "use strict";

  var AUTOSAVE_MS = 30000;
  var POLL_MS = 5000;

  var form = document.getElementById("note-form");
  if (!form || !window.fetch || !window.URLSearchParams) {
    return;
  }
  var content = document.getElementById("content");
  var status = document.getElementById("save-status");
  var contentError = document.getElementById("content-error");
  var signedOut = document.getElementById("signed-out");
  var warning = document.getElementById("idle-warning");
  var left = document.getElementById("idle-left");
  var stay = document.getElementById("stay-signed-in");
  var idleMs = Number(form.getAttribute("data-idle-seconds") || 900) * 1000;
  var warnMs = Number(form.getAttribute("data-warn-seconds") || 120) * 1000;

  var lastContact = Date.now();   // the last answer of the server: the web session's idle time starts there
  var lastAttempt = 0;
  var lastPoll = 0;
  var saved = content.value;       // the text as the server has it
  var saving = false;
  var expired = false;
  var conflict = false;            // changed elsewhere meanwhile: only the button saves over it
  var shownLeft = "";

  function message(name) {
    return form.getAttribute("data-msg-" + name) || "";
  }

  function dirty() {
    return content.value !== saved;
  }

  function showError(text, aboutContent) {
    contentError.textContent = aboutContent ? text : "";
    contentError.hidden = !aboutContent;
    if (aboutContent) {
      content.setAttribute("aria-invalid", "true");
    } else {
      content.removeAttribute("aria-invalid");
    }
    if (!aboutContent && text) {
      status.textContent = text;
    }
  }

  function answerOf(response) {
    var json = (response.headers.get("Content-Type") || "").indexOf("json") >= 0;
    if (response.type === "opaqueredirect" || (!json && (response.status === 401 || response.status === 403))) {
      // Redirected to signing in, or a form token the server no longer knows: the web session is over.
      return Promise.resolve({ expired: true });
    }
    if (!json) {
      return Promise.resolve({ ok: false, error: message("failed") });
    }
    return response.json().then(function (answer) {
      answer.ok = response.ok;
      return answer;
    });
  }

  function save(then) {
    if (saving || expired) {
      return;
    }
    saving = true;
    lastAttempt = Date.now();
    var sent = content.value;
    status.textContent = message("saving");
    fetch(form.getAttribute("data-save-url"), {
      method: "POST", body: new URLSearchParams(new FormData(form)), credentials: "same-origin",
      redirect: "manual", headers: { "Accept": "application/json" }
    }).then(answerOf).then(function (answer) {
      saving = false;
      if (answer.expired) {
        signOut();
        return;
      }
      lastContact = Date.now();
      if (!answer.ok) {
        if (answer.currentVersion) {
          conflict = true;
          form.querySelector("input[name=version]").value = answer.currentVersion;
        }
        showError(answer.error || message("failed"), answer.field === "content");
        return;
      }
      conflict = false;
      saved = sent;
      form.querySelector("input[name=version]").value = answer.version;
      if (answer.saveUrl) {
        // A new note's first save created it: from now on it is saved at its own address.
        form.setAttribute("data-save-url", answer.saveUrl);
        form.setAttribute("action", answer.action);
        window.history.replaceState(null, "", answer.editorUrl);
      }
      showError("", false);
      status.textContent = answer.message;
      if (then) {
        then();
      }
    }, function () {
      saving = false;
      status.textContent = message("failed");
    });
  }

  function signOut() {
    expired = true;
    warning.hidden = true;
    signedOut.hidden = false;
    if (dirty()) {
      status.textContent = message("unsaved");
    }
  }

  // Asks whether the person is signed in (again); the answer carries the session's form token.
  function askSession(signedIn, notSignedIn) {
    lastPoll = Date.now();
    fetch(form.getAttribute("data-session-url"), {
      credentials: "same-origin", redirect: "manual", headers: { "Accept": "application/json" }
    }).then(function (response) {
      if (!response.ok || (response.headers.get("Content-Type") || "").indexOf("json") < 0) {
        notSignedIn();
        return;
      }
      return response.json().then(function (session) {
        document.querySelectorAll("input[name='" + session.csrfParameter + "']").forEach(function (field) {
          field.value = session.csrfToken;
        });
        idleMs = session.idleSeconds * 1000;
        lastContact = Date.now();
        signedIn();
      });
    }, notSignedIn);
  }

  function backAgain() {
    expired = false;
    signedOut.hidden = true;
    save(function () {
      status.textContent = message("back");
    });
    if (!dirty()) {
      status.textContent = message("back");
    }
  }

  function showWarning(remaining) {
    var text = remaining >= 60000
      ? message("minutes").replace("{0}", String(Math.ceil(remaining / 60000)))
      : message("seconds").replace("{0}", String(Math.max(0, Math.ceil(remaining / 1000))));
    if (text !== shownLeft) {
      left.textContent = text;
      shownLeft = text;
    }
    if (warning.hidden) {
      warning.hidden = false;
      stay.focus();
    }
  }

  function tick() {
    var now = Date.now();
    if (expired) {
      if (now - lastPoll >= POLL_MS) {
        askSession(backAgain, function () {});
      }
      return;
    }
    var idle = now - lastContact;
    if (idle >= idleMs) {
      signOut();
      return;
    }
    if (idle >= idleMs - warnMs) {
      showWarning(idleMs - idle);
    } else if (!warning.hidden) {
      warning.hidden = true;
    }
    if (dirty() && !conflict && now - lastAttempt >= AUTOSAVE_MS) {
      save();
    }
  }

  stay.addEventListener("click", function () {
    askSession(function () {
      warning.hidden = true;
      content.focus();
    }, signOut);
  });

  content.addEventListener("change", function () {
    if (dirty() && !conflict) {
      save();
    }
  });

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var sign = event.submitter && event.submitter.value === "sign";
    var created = form.getAttribute("action") !== "/notes";
    if (sign && created && !dirty()) {
      window.location.href = form.getAttribute("action") + "/sign";
      return;
    }
    conflict = false;
    save(sign ? function () {
      window.location.href = form.getAttribute("action") + "/sign";
    } : null);
  });

  window.addEventListener("focus", function () {
    if (expired) {
      askSession(backAgain, function () {});
    }
  });

  // Leaving with text the server does not have yet: the browser asks first.
  window.addEventListener("beforeunload", function (event) {
    if (dirty()) {
      event.preventDefault();
      event.returnValue = "";
    }
  });

  window.setInterval(tick, 1000);
})();
