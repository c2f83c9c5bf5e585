/* Certificate status, computed again from the viewer's clock: a static page outlives its build,
   and an expired certificate must never look valid. Works from file:// and without a network.
   Texts, the build day and the catalogue's time zone come from the page (#ocop-status-texts).
   Today is the later of the viewer's date and the build day: phone clocks are often wrong (a flat
   battery resets them), and a clock gone back must not make a certificate that had already ended
   read valid; a clock that is right still turns a certificate expired on its day. */
(function () {
  "use strict";
  var source = document.getElementById("ocop-status-texts");
  if (!source) return;
  var texts = JSON.parse(source.textContent);
  var DAY = 86400000;
  var today = later(viewersDay(new Date()), texts.build_day);

  // The viewer's date (YYYY-MM-DD) in the catalogue's time zone, whatever the device's own zone.
  function viewersDay(now) {
    try {
      var parts = {};
      new Intl.DateTimeFormat("en-CA", { timeZone: texts.timezone, year: "numeric", month: "2-digit", day: "2-digit" })
        .formatToParts(now)
        .forEach(function (part) { parts[part.type] = part.value; });
      if (/^\d{4}$/.test(parts.year) && /^\d\d$/.test(parts.month) && /^\d\d$/.test(parts.day)) {
        return parts.year + "-" + parts.month + "-" + parts.day;
      }
    } catch (error) {
      // A browser without time zone data: the zone's offset on the build day stands in below.
    }
    return new Date(now.getTime() + texts.utc_offset * 60000).toISOString().slice(0, 10);
  }
  function later(a, b) {
    return a > b ? a : b;  // ISO dates compare as strings
  }
  // An ISO date as the page's language writes it: texts.date_pattern is the CLDR pattern the build
  // wrote its dates with (dd/MM/y, d MMM y, y年M月d日), texts.months the abbreviated month names.
  function show(iso) {
    var p = iso.split("-"), month = Number(p[1]), day = Number(p[2]);
    function two(n) { return n < 10 ? "0" + n : String(n); }
    return texts.date_pattern.replace(/'([^']*)'|y+|M+|d+/g, function (token, quoted) {
      if (quoted !== undefined) return quoted;
      if (token.charAt(0) === "y") return p[0];
      if (token.charAt(0) === "d") return token.length > 1 ? two(day) : String(day);
      if (token.length > 2) return texts.months[month - 1];
      return token.length > 1 ? two(month) : String(month);
    });
  }
  function status(expires, revoked) {
    if (revoked && revoked <= today) return "revoked";
    if (today > expires) return "expired";
    return (Date.parse(expires) - Date.parse(today)) / DAY <= texts.expiring_days ? "expiring" : "valid";
  }
  function words(state, expires, revoked) {
    var when = state === "revoked" ? revoked : expires;
    var days = Math.round((Date.parse(expires) - Date.parse(today)) / DAY);
    return texts[state].replace("{date}", show(when)).replace("{days}", days);
  }
  function live(state) { return state === "valid" || state === "expiring"; }
  // For the certificate check page.
  window.ocopStatus = function (expires, revoked) {
    var state = status(expires, revoked);
    return { state: state, words: words(state, expires, revoked) };
  };

  // Fairs whose last day has passed since the build: the sales points page says so, and product
  // pages stop sending visitors there.
  document.querySelectorAll("[data-ocop-ends]").forEach(function (node) {
    if (today <= node.getAttribute("data-ocop-ends")) return;
    if (node.tagName === "LI") {
      node.hidden = true;
      var section = node.closest(".ocop-in-person");
      if (section && !section.querySelector("li:not([hidden])")) section.hidden = true;
      return;
    }
    node.classList.add("ocop-point--ended");
    node.querySelectorAll("[data-ocop-ended]").forEach(function (note) { note.hidden = false; });
  });

  document.querySelectorAll("[data-ocop-expires]").forEach(function (item) {
    var expires = item.getAttribute("data-ocop-expires");
    var revoked = item.getAttribute("data-ocop-revoked");
    var before = item.getAttribute("data-ocop-status");
    var now = status(expires, revoked);
    item.setAttribute("data-ocop-status", now);
    var text = words(now, expires, revoked);
    item.querySelectorAll(".ocop-status, .ocop-status-words").forEach(function (node) {
      node.textContent = text;
      node.className = node.className.replace(/ocop-status--\w+/, "ocop-status--" + now);
    });
    var chip = item.querySelector(".ocop-chip");
    if (chip) {
      chip.textContent = text.split(/[:：]/)[0];
      chip.className = "ocop-chip ocop-chip--" + now;
    }
    if (!live(now)) {
      // No pointing visitors to a shop for a product that is no longer certified.
      item.querySelectorAll(".ocop-in-person").forEach(function (node) { node.hidden = true; });
    }
    if (live(before) && !live(now)) {
      var muted = item.querySelector("template.ocop-badge-" + now);
      var badge = item.querySelector("svg.ocop-badge");
      if (muted && badge) badge.replaceWith(muted.content.cloneNode(true));
      var img = item.querySelector("img.ocop-card__badge");
      if (img) {
        img.src = img.src.replace("-valid-", "-" + now + "-");
        img.alt = img.alt + " – " + text.split(/[:：]/)[0];
      }
    }
  });
})();
