/* Certificate status, computed again from the viewer's clock: a static page outlives its build,
   and an expired certificate must never look valid. Works from file:// and without a network.
   Texts, the build day and the catalogue's time zone come from the page (#ocop-status-texts).
   Today is the later of the viewer's date and the build day: phone clocks are often wrong (a flat
   battery resets them), and a clock gone back must not make a certificate that had already ended
   read valid; a clock that is right still turns a certificate expired on its day. Dates are shown
   as the build wrote them (data-ocop-expires-text, data-ocop-revoked-text, or the scripts' data):
   the browser formats none itself.

   The rules that exist on both sides (status, days left, today in the catalogue's time zone,
   folding tone marks) are window.ocopContract; tests/test_contract.py runs them against the
   Python ones (catalogue/status.py, catalogue/rules.py, catalogue/pages/i18n.py). */
(function () {
  "use strict";
  var DAY = 86400000;
  // Lower case without tone marks or diacritics: "Đặc sản" → "dac san" (rules.fold_tone_marks):
  // Unicode's default lower case, then every mark (general category M) of the decomposed text dropped.
  function fold(text) {
    return text.toLowerCase().normalize("NFD").replace(/\p{M}/gu, "").replace(/[đð]/g, "d");
  }
  // A text as the finder and the header search match it: its words folded, a space before each
  // (so that " " + a folded word typed finds a word that begins with it), "" for none. The build
  // ships most texts so already (catalogue/pages/search.py `searched`).
  var SEPARATORS = /[\s,.;:()\/\-–]+/;
  function searched(text) {
    var words = fold(text).split(SEPARATORS).filter(Boolean);
    return words.length ? " " + words.join(" ") : "";
  }
  // A code as people type or print it, letters and digits only: "GCN 12/2024" → "gcn122024" (rules.fold_code).
  function foldCode(text) {
    return fold(text).replace(/[^\p{L}\p{N}]/gu, "");
  }
  // The date (YYYY-MM-DD) at the instant `now` in `timezone`; `offset` minutes stand in for a
  // browser without time zone data.
  function dayIn(now, timezone, offset) {
    try {
      var parts = {};
      new Intl.DateTimeFormat("en-CA", { timeZone: timezone, year: "numeric", month: "2-digit", day: "2-digit" })
        .formatToParts(now)
        .forEach(function (part) { parts[part.type] = part.value; });
      if (/^\d{4}$/.test(parts.year) && /^\d\d$/.test(parts.month) && /^\d\d$/.test(parts.day)) {
        return parts.year + "-" + parts.month + "-" + parts.day;
      }
    } catch (error) {
      // A browser without time zone data: the zone's offset on the build day stands in below.
    }
    return dayAt(now, offset);
  }
  // The date at `now` by adding `offset` minutes, which is exact while the zone keeps that offset.
  function dayAt(now, offset) {
    return new Date(now.getTime() + offset * 60000).toISOString().slice(0, 10);
  }
  // Today for the status: the later of the viewer's day and the build day (ISO dates compare as strings).
  // Through texts.offset_until the zone keeps the build day's offset (the build checked): adding it
  // is exact, and spares a phone the cost of a time-zone formatter on every page.
  function todayFor(now, texts) {
    var viewer = dayAt(now, texts.utc_offset);
    if (!texts.offset_until || viewer > texts.offset_until) viewer = dayIn(now, texts.timezone, texts.utc_offset);
    return viewer > texts.build_day ? viewer : texts.build_day;
  }
  function daysLeft(expires, today) {
    return Math.round((Date.parse(expires) - Date.parse(today)) / DAY);
  }
  // catalogue.status.certificate_status
  function stateOn(expires, revoked, today, expiringDays) {
    if (revoked && revoked <= today) return "revoked";
    if (today > expires) return "expired";
    return daysLeft(expires, today) <= expiringDays ? "expiring" : "valid";
  }
  // catalogue.pages.i18n.status_words, with the day the certificate ended as the build wrote it.
  function wordsFor(texts, state, days, dateText) {
    return texts[state].replace("{date}", dateText || "").replace("{days}", days);
  }
  window.ocopContract = { fold: fold, foldCode: foldCode, searched: searched, dayIn: dayIn, today: todayFor, daysLeft: daysLeft, state: stateOn, words: wordsFor };

  var source = document.getElementById("ocop-status-texts");
  if (!source) return;
  var texts = JSON.parse(source.textContent);
  var today = todayFor(new Date(), texts);

  function status(expires, revoked) {
    return stateOn(expires, revoked, today, texts.expiring_days);
  }
  // `dates` are the expiry and revocation days as the build wrote them.
  function words(state, expires, dates) {
    return wordsFor(texts, state, daysLeft(expires, today), state === "revoked" ? dates.revoked : dates.expires);
  }
  function live(state) { return state === "valid" || state === "expiring"; }
  // For the finder and the certificate check: a certificate's status today, and its words.
  window.ocopStatus = function (expires, revoked, dates) {
    var state = status(expires, revoked);
    return { state: state, words: words(state, expires, dates || {}) };
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
    var text = words(now, expires, {
      expires: item.getAttribute("data-ocop-expires-text"), revoked: item.getAttribute("data-ocop-revoked-text")
    });
    // Only what changed is written: on the day of the build nothing is, and the page the phone has
    // already laid out is not laid out again.
    if (before !== now) item.setAttribute("data-ocop-status", now);
    item.querySelectorAll(".ocop-status, .ocop-status-words").forEach(function (node) {
      if (node.textContent !== text) node.textContent = text;
      var name = node.className.replace(/ocop-status--\w+/, "ocop-status--" + now);
      if (node.className !== name) node.className = name;
    });
    // Its own chip, not one of a product listed inside it ("other products of this producer").
    var chip = Array.prototype.find.call(item.querySelectorAll(".ocop-chip"), function (node) {
      return node.parentElement.closest("[data-ocop-expires]") === item;
    });
    if (chip) {
      var short = text.split(/[:：]/)[0];
      if (chip.textContent !== short) chip.textContent = short;
      if (chip.className !== "ocop-chip ocop-chip--" + now) chip.className = "ocop-chip ocop-chip--" + now;
    }
    if (!live(now)) {
      // No pointing visitors to a shop for a product that is no longer certified.
      item.querySelectorAll(".ocop-in-person").forEach(function (node) { node.hidden = true; });
    }
    if (live(before) && !live(now)) {
      var muted = item.querySelector("template.ocop-badge-" + now);
      var badge = item.querySelector("svg.ocop-badge");
      if (muted && badge) badge.replaceWith(muted.content.cloneNode(true));
      var img = item.querySelector("img.ocop-card__badge[data-ocop-badge]");
      if (img) {
        // The badge of each status, a path the build wrote (catalogue/urls.py).
        img.src = JSON.parse(img.getAttribute("data-ocop-badge"))[now];
        img.alt = img.alt + " – " + text.split(/[:：]/)[0];
      }
    }
  });
})();
