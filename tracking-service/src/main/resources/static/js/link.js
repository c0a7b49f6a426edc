/*
 * The link pages' only script, served from the pages' own origin so the strict Content-Security-Policy holds
 * (no inline script anywhere). Without it the pages work the same; it only adds two things:
 *
 * 1. The view beacon: on the first interaction of a person with the page (a click or tap, a key, focus on a form
 *    field; not a scroll or wheel, which the sandboxes of mail scanners do on their own, and not on load) once the
 *    page has been visible for a moment, it posts the page's hidden beacon form, CSRF token and page load
 *    included, once. The server checks the rest (docs/ARCHITECTURE.md, "What counts as a view").
 * 2. A form is submitted once: a double click does not send the same (one-time) form token twice.
 */
(function () {
  'use strict';

  // a person's acts; scrolling is not one of them (a sandbox scrolls every page it loads)
  var INTERACTIONS = ['pointerdown', 'keydown', 'focusin'];
  // an interaction this soon after the page became visible is not taken as a person's (a sandbox acts at once)
  var MIN_VISIBLE_MS = 1000;

  function installBeacon() {
    var beacon = document.getElementById('seen-beacon');
    if (!beacon || !window.fetch || !window.URLSearchParams || !window.FormData) {
      return;
    }
    var sent = false;
    var visibleSince = document.visibilityState === 'hidden' ? null : Date.now();
    document.addEventListener('visibilitychange', function () {
      visibleSince = document.visibilityState === 'hidden' ? null : (visibleSince || Date.now());
    });
    function send(event) {
      if (sent || visibleSince === null || Date.now() - visibleSince < MIN_VISIBLE_MS) {
        return;
      }
      if (event.type === 'focusin' && !/^(INPUT|TEXTAREA|SELECT)$/.test(event.target.tagName || '')) {
        return; // focus moved by the page or a tab through links is not using a form
      }
      sent = true;
      INTERACTIONS.forEach(function (type) { window.removeEventListener(type, send, true); });
      window.fetch(beacon.action, {
        method: 'POST',
        body: new URLSearchParams(new FormData(beacon)),
        credentials: 'same-origin',
        keepalive: true
      }).catch(function () { /* a lost beacon only loses the view; the POSTs still count */ });
    }
    INTERACTIONS.forEach(function (type) {
      window.addEventListener(type, send, { capture: true, passive: true });
    });
  }

  function submitFormsOnce() {
    Array.prototype.forEach.call(document.querySelectorAll('form[method="post"]'), function (form) {
      form.addEventListener('submit', function (event) {
        if (form.getAttribute('data-submitted') === 'true') {
          event.preventDefault();
          return;
        }
        form.setAttribute('data-submitted', 'true');
      });
    });
  }

  function start() {
    installBeacon();
    submitFormsOnce();
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', start);
  } else {
    start();
  }
}());
