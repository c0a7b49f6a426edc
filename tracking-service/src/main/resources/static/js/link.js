/*
 * The link pages' only script, served from the pages' own origin so the strict Content-Security-Policy holds
 * (no inline script anywhere). Without it the pages work the same; it only adds two things:
 *
 * 1. The view beacon: on the first real interaction with the page (not on load, which the sandboxes of mail
 *    scanners also do), it posts the page's hidden beacon form, CSRF token included, once. This is how the
 *    sender learns that a person saw the page without the person having to press anything.
 * 2. A form is submitted once: a double click does not send the same (one-time) form token twice.
 */
(function () {
  'use strict';

  var INTERACTIONS = ['pointerdown', 'keydown', 'touchstart', 'wheel', 'scroll'];

  function installBeacon() {
    var beacon = document.getElementById('seen-beacon');
    if (!beacon || !window.fetch || !window.URLSearchParams || !window.FormData) {
      return;
    }
    var sent = false;
    function send() {
      if (sent || document.visibilityState === 'hidden') {
        return;
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
