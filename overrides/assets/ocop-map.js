/* The maps of the map page and of a product page's origin (catalogue/pages/maps.py).

   The page already lists every place, with its coordinates and a directions link, as elements
   with data-lat and data-lon inside the element named by the box's data-ocop-map. This script
   draws those places on an OpenStreetMap map with Leaflet (copied from npm into the assets by
   the build). Leaflet is loaded only when a map's box comes near the screen, so a product page
   whose origin is far below its first screen loads no map at all until the reader gets there.

   From file:// nothing happens: the offline copy has no network, and a map of missing tiles is
   a grey box; the list stays, and no tile is asked for. Names reach the map as text or as copies
   of the page's own elements, never as markup built from strings. */
(function () {
  "use strict";
  if (location.protocol === "file:") return;
  var boxes = Array.prototype.slice.call(document.querySelectorAll("[data-ocop-map]"));
  if (!boxes.length) return;

  var waiting = [];
  var requested = false;

  // Leaflet's script and stylesheet, added to the page once; `done` runs when the script is ready.
  function withLeaflet(box, done) {
    if (window.L) return done();
    waiting.push(done);
    if (requested) return;
    requested = true;
    var style = document.createElement("link");
    style.rel = "stylesheet";
    style.href = box.getAttribute("data-leaflet-css");
    document.head.appendChild(style);
    var script = document.createElement("script");
    script.src = box.getAttribute("data-leaflet-js");
    script.onload = function () {
      waiting.splice(0).forEach(function (run) { run(); });
    };
    document.head.appendChild(script);
  }

  function places(box) {
    var list = document.getElementById(box.getAttribute("data-ocop-map"));
    if (!list) return [];
    var found = Array.prototype.slice.call(list.querySelectorAll("[data-lat]"));
    if (list.hasAttribute("data-lat")) found.unshift(list);
    return found.map(function (element) {
      return {
        element: element,
        kind: element.getAttribute("data-kind"),
        lat: parseFloat(element.getAttribute("data-lat")),
        lon: parseFloat(element.getAttribute("data-lon"))
      };
    }).filter(function (place) {
      return isFinite(place.lat) && isFinite(place.lon);
    });
  }

  // What a marker's popup says: the place's name (a copy of the page's link) and its note.
  function popup(place) {
    var content = document.createElement("div");
    content.className = "ocop-map__popup";
    var name = place.element.querySelector(".ocop-place__name");
    var note = place.element.querySelector(".ocop-place__note");
    var title = document.createElement("strong");
    if (name) {
      title.appendChild(name.cloneNode(true));
    } else {
      title.textContent = place.element.getAttribute("data-name") || "";
    }
    content.appendChild(title);
    if (note) {
      var small = document.createElement("div");
      small.textContent = note.textContent;
      content.appendChild(small);
    }
    return content;
  }

  function draw(box) {
    var found = places(box);
    if (!found.length || box.getAttribute("data-drawn")) return;
    box.setAttribute("data-drawn", "");
    var maxZoom = parseInt(box.getAttribute("data-max-zoom"), 10) || 18;
    // On a phone one finger scrolls the page, not the map (two fingers zoom and move it).
    var map = window.L.map(box, { scrollWheelZoom: false, dragging: !window.L.Browser.mobile });
    window.L.tileLayer(box.getAttribute("data-tiles"), {
      maxZoom: maxZoom,
      attribution: box.getAttribute("data-attribution")
    }).addTo(map);
    var points = found.map(function (place) {
      var latlng = [place.lat, place.lon];
      window.L.circleMarker(latlng, {
        className: "ocop-map__marker ocop-map__marker--" + place.kind,
        radius: 8,
        weight: 2
      }).bindPopup(popup(place)).addTo(map);
      return latlng;
    });
    if (points.length === 1) {
      map.setView(points[0], 12);
    } else {
      map.fitBounds(points, { padding: [24, 24], maxZoom: 13 });
    }
  }

  function start(box) {
    withLeaflet(box, function () { draw(box); });
  }

  if (!("IntersectionObserver" in window)) {
    boxes.forEach(start);
    return;
  }
  var watcher = new IntersectionObserver(function (entries) {
    entries.forEach(function (entry) {
      if (!entry.isIntersecting) return;
      watcher.unobserve(entry.target);
      start(entry.target);
    });
  }, { rootMargin: "300px" });
  boxes.forEach(function (box) { watcher.observe(box); });
})();
