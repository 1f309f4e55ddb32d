/*! live-commerce embed: <div data-live-commerce-show="SHOW_ID"></div><script src="https://YOUR-APP/embed.js" async></script> (docs/embed.md) */
(function () {
  'use strict';
  var script = document.currentScript;
  if (!script || !script.src) return;
  // The app this script came from serves the player; the frame only accepts messages from there.
  var app = new URL(script.src).origin;
  var frames = [];

  function mount(el) {
    if (el.getAttribute('data-live-commerce-mounted')) return;
    var showId = el.getAttribute('data-live-commerce-show');
    if (!showId) return;
    el.setAttribute('data-live-commerce-mounted', '1');
    var query = new URLSearchParams({ origin: location.origin });
    if (el.getAttribute('data-buy') === 'handoff') query.set('buy', 'handoff');
    var frame = document.createElement('iframe');
    frame.src = app + '/embed/shows/' + encodeURIComponent(showId) + '?' + query.toString();
    frame.title = el.getAttribute('data-title') || 'Live shopping';
    frame.allow = 'autoplay; fullscreen; picture-in-picture';
    frame.loading = 'lazy';
    frame.style.cssText = 'display:block;border:0;width:100%;max-width:' + (el.getAttribute('data-max-width') || '420px') + ';height:' + (el.getAttribute('data-height') || '720px') + ';border-radius:12px;background:#000';
    el.appendChild(frame);
    frames.push({ frame: frame, el: el });
  }

  // The player's events, re-dispatched on the element it was mounted in as DOM events of the same name
  // (bubbling), so a page can listen where the player sits; the raw postMessage reaches window too.
  window.addEventListener('message', function (event) {
    if (event.origin !== app || !event.data || typeof event.data.type !== 'string') return;
    if (event.data.type.indexOf('live-commerce:') !== 0) return;
    for (var i = 0; i < frames.length; i++) {
      if (frames[i].frame.contentWindow === event.source) {
        frames[i].el.dispatchEvent(new CustomEvent(event.data.type, { detail: event.data, bubbles: true }));
      }
    }
  });

  function mountAll() {
    var found = document.querySelectorAll('[data-live-commerce-show]');
    for (var i = 0; i < found.length; i++) mount(found[i]);
  }
  window.LiveCommerceEmbed = { mount: mount, mountAll: mountAll };
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', mountAll);
  else mountAll();
})();
