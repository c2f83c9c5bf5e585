/* Product finder: facets and a search box over window.OCOP_FINDER (data/finder-<lang>.js, a script
   so that it also loads from file://). Queries match with or without tone marks ("mat ong" finds
   "Mật ong", "d" matches "đ"); products whose words match with the marks as typed come first.
   Status is computed from the viewer's clock with window.ocopStatus (ocop-status.js). */
(function () {
  "use strict";
  var form = document.querySelector("form.ocop-finder");
  var data = window.OCOP_FINDER;
  if (!form || !data || !window.ocopStatus) return;
  var texts = JSON.parse(document.getElementById("ocop-finder-texts").textContent);
  var root = form.getAttribute("data-root");
  var listing = document.querySelector(".ocop-listing");
  var results = document.querySelector(".ocop-finder__results");
  var count = document.getElementById("ocop-finder-count");
  var none = document.querySelector(".ocop-finder__none");
  var more = document.querySelector(".ocop-finder__more");
  // Folders open their index.html on a web server, but not from file://.
  var index = location.protocol === "file:" ? "index.html" : "";
  var STEP = 60;
  var FACETS = ["group", "stars", "commune", "kind", "status"];
  var FIELDS = ["q"].concat(FACETS);
  var shown = 0;
  var matches = [];

  function fold(text) {
    return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/[đĐ]/g, "d").toLowerCase();
  }
  function lower(text) {
    return text.normalize("NFC").toLowerCase();
  }
  function split(text) {
    return text.split(/[\s,.;:()\/\-–]+/).filter(Boolean);
  }
  // Words as one string with a space before each, so that " " + start finds a word beginning
  // with start: "ong" finds "ong" in "mật ong" but not in "đường".
  function joined(text) {
    return " " + split(text).join(" ");
  }

  // What each product is searched by: its name, its producer and their commune (and the origin commune).
  var items = data.products.map(function (row, position) {
    var producer = data.producers[row[4]];
    var words = [row[1], producer[0], data.communes[producer[2]][1]];
    if (row[9]) words.push(row[9]);
    if (row[7] >= 0) words.push(data.communes[row[7]][1]);
    var text = lower(words.join(" "));
    var name = lower(row[1]);
    return {
      row: row, position: position, producer: producer, exact: joined(text), folded: joined(fold(text)), name: name, foldedName: fold(name)
    };
  });

  function state(item) {
    return window.ocopStatus(item.row[5], item.row[6] || null);
  }

  function accepts(item, filter) {
    var row = item.row;
    if (filter.group && data.groups[row[2]] !== filter.group) return false;
    if (filter.stars && String(row[3]) !== filter.stars) return false;
    if (filter.kind && data.kinds[item.producer[1]] !== filter.kind) return false;
    if (filter.commune) {
      var id = data.communes[item.producer[2]][0];
      var origin = row[7] >= 0 ? data.communes[row[7]][0] : null;
      if (id !== filter.commune && origin !== filter.commune) return false;
    }
    if (filter.status) {
      var now = state(item).state;
      if (filter.status === "in-force" ? now !== "valid" && now !== "expiring" : now !== filter.status) return false;
    }
    return true;
  }

  // A score for the query: -1 when a word of it begins no word of the product; otherwise more for
  // each word matched with its tone marks as typed, and for the name beginning with the query.
  function score(item, words, folded) {
    var exact = 0;
    for (var i = 0; i < words.length; i++) {
      if (item.folded.indexOf(" " + folded[i]) < 0) return -1;
      if (item.exact.indexOf(" " + words[i]) >= 0) exact += 1;
    }
    return exact * 4 + (item.name.lastIndexOf(words.join(" "), 0) === 0 ? 2 : 0) + (item.foldedName.indexOf(folded.join(" ")) >= 0 ? 1 : 0);
  }

  function current() {
    var filter = {};
    FIELDS.forEach(function (name) {
      filter[name] = form.elements[name].value.trim();
    });
    return filter;
  }

  // Typing usually adds to the query: then only the previous matches need looking at again.
  // (A query that begins with the last one only lengthens its last word or adds words.)
  var last = { key: null, q: "", found: items };
  function facets(filter) {
    return FACETS.map(function (name) { return filter[name]; }).join("|");
  }
  function candidates(filter) {
    var narrower = last.key === facets(filter) && fold(lower(filter.q)).lastIndexOf(last.q, 0) === 0;
    return narrower ? last.found : items;
  }

  function search(filter) {
    var words = split(lower(filter.q));
    var folded = words.map(fold);
    var found = [];
    candidates(filter).forEach(function (item) {
      if (!accepts(item, filter)) return;
      var points = words.length ? score(item, words, folded) : 0;
      if (points >= 0) found.push({ item: item, points: points });
    });
    found.sort(function (a, b) { return b.points - a.points || a.item.position - b.item.position; });
    var hits = found.map(function (hit) { return hit.item; });
    last = { key: facets(filter), q: fold(lower(filter.q)), found: hits };
    return hits;
  }

  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text) node.textContent = text;
    return node;
  }

  function card(item) {
    var row = item.row;
    var status = state(item);
    var ended = status.state === "expired" || status.state === "revoked";
    var li = element("li", "ocop-card");
    li.setAttribute("data-ocop-id", row[0]);
    li.setAttribute("data-ocop-status", status.state);
    var link = element("a", "ocop-card__link");
    link.href = "../p/" + row[0] + "/" + index;
    if (row[8]) {
      var img = element("img");
      img.src = root + "img/" + row[0] + "/" + row[8];
      img.alt = "";
      img.loading = "lazy";
      img.decoding = "async";
      link.appendChild(img);
    }
    link.appendChild(element("span", "ocop-card__name", row[1]));
    var badge = element("img", "ocop-card__badge");
    var kind = ended ? status.state : "valid";
    badge.src = root + "badges/ocop-" + row[3] + "-" + kind + "-" + form.getAttribute("data-lang") + ".svg";
    badge.width = 104;
    badge.height = 31;
    badge.alt = texts.badges[row[3] + "-" + status.state];
    var place = data.communes[item.producer[2]][1];
    li.append(
      link,
      badge,
      element("span", "ocop-chip ocop-chip--" + status.state, status.words.split(/[:：]/)[0]),
      element("span", "ocop-card__meta", item.producer[0] + " · " + place)
    );
    if (form.hasAttribute("data-qr")) {
      var qr = element("img", "ocop-kiosk__qr");
      qr.src = root + "qr/" + row[0] + ".svg";
      qr.alt = texts.scan;
      qr.width = qr.height = 120;
      li.appendChild(qr);
    }
    return li;
  }

  function showMore() {
    var next = matches.slice(shown, shown + STEP);
    results.append.apply(results, next.map(card));
    shown += next.length;
    more.hidden = shown >= matches.length;
  }

  function remember(filter) {
    var params = new URLSearchParams();
    Object.keys(filter).forEach(function (name) { if (filter[name]) params.set(name, filter[name]); });
    var query = params.toString();
    count.setAttribute("data-filter", query);  // what the results on show are for
    try {
      history.replaceState(null, "", query ? "?" + query : location.pathname);
    } catch (error) {
      // Some browsers refuse to change the address of a file:// page; the finder works without it.
    }
  }

  function update() {
    var filter = current();
    var active = Object.keys(filter).some(function (name) { return filter[name]; });
    remember(filter);
    listing.hidden = active;
    results.hidden = !active;
    results.replaceChildren();
    shown = 0;
    matches = active ? search(filter) : [];
    count.textContent = active ? texts.found.replace("{n}", matches.length) : "";
    none.hidden = !active || matches.length > 0;
    more.hidden = true;
    if (active) showMore();
  }

  var pending = 0;
  function schedule() {
    cancelAnimationFrame(pending);
    pending = requestAnimationFrame(update);
  }

  // Only the finder's own fields are read from the address: any other name could be one of the
  // form's properties (?length=1, ?item=…) rather than a field. A shared link's ?q= is usually
  // already in the box (overrides/main.html takes it out of the theme's sight).
  var params = new URLSearchParams(location.search);
  FIELDS.forEach(function (name) {
    if (params.has(name)) form.elements[name].value = params.get(name);
  });
  form.addEventListener("input", schedule);
  form.addEventListener("change", schedule);
  form.addEventListener("reset", function () { setTimeout(update, 0); });
  form.addEventListener("submit", function (event) { event.preventDefault(); update(); });
  more.addEventListener("click", showMore);
  form.hidden = false;
  update();
})();
