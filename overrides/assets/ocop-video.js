/* Videos on a product page (catalogue/pages/video.py): a tap on a poster that has a player puts the
   player in its place, so nothing is asked of the video's host before the tap. From file:// (the
   offline copy at fairs) the posters stay plain links. ES5, no build. */
(function () {
  "use strict";
  if (location.protocol !== "http:" && location.protocol !== "https:") return;

  function play(item, link) {
    var frame = document.createElement("iframe");
    frame.className = "ocop-video__player";
    frame.src = item.getAttribute("data-ocop-player");
    frame.title = link.getAttribute("aria-label");
    frame.setAttribute("allow", "autoplay; encrypted-media; picture-in-picture; fullscreen");
    frame.setAttribute("allowfullscreen", "");
    frame.setAttribute("referrerpolicy", "strict-origin-when-cross-origin");
    link.parentNode.replaceChild(frame, link);
    frame.focus();
  }

  var items = document.querySelectorAll(".ocop-video[data-ocop-player]");
  for (var i = 0; i < items.length; i++) {
    (function (item) {
      var link = item.querySelector(".ocop-video__poster");
      if (!link) return;
      link.addEventListener("click", function (event) {
        if (event.ctrlKey || event.metaKey || event.shiftKey || event.button) return; // a new tab: the host's page
        event.preventDefault();
        play(item, link);
      });
    })(items[i]);
  }
})();
