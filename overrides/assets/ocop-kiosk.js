/* Kiosk page: a full-screen button (browsers allow full screen only after a tap), and after two
   minutes without a touch the finder is cleared and the page goes back to the top for the next visitor. */
(function () {
  "use strict";
  var button = document.querySelector(".ocop-kiosk__full");
  if (button) {
    if (!document.documentElement.requestFullscreen) button.hidden = true;
    button.addEventListener("click", function () {
      if (document.fullscreenElement) document.exitFullscreen();
      else document.documentElement.requestFullscreen().catch(function () {});
    });
  }
  var IDLE = 120000;
  var timer = 0;
  function idle() {
    var form = document.querySelector("form.ocop-finder");
    if (form) form.reset();
    window.scrollTo(0, 0);
  }
  function awake() {
    clearTimeout(timer);
    timer = setTimeout(idle, IDLE);
  }
  ["pointerdown", "keydown", "wheel", "touchstart"].forEach(function (name) {
    document.addEventListener(name, awake, { passive: true });
  });
  awake();
})();
