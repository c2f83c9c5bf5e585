/* Product finder: facets and a search box over window.OCOP_FINDER (data/finder-<lang>.js, a script
   so that it also loads from file://). Queries match with or without tone marks ("mat ong" finds
   "Mật ong", "d" matches "đ"); products whose words match with the marks as typed come first.
   Status is computed from the viewer's clock with window.ocopStatus (ocop-status.js). The data
   ships its field names, and this script reads products by name; the paths it builds come from
   the data's path templates (catalogue/urls.py) and the cards from the page's card template, the
   markup the build writes for its own cards (catalogue/pages/html.py). */
(function () {
  "use strict";
  var form = document.querySelector("form.ocop-finder");
  var data = window.OCOP_FINDER;
  var template = document.getElementById("ocop-finder-card");
  if (!form || !data || !template || !window.ocopStatus || !window.ocopContract) return;
  var texts = JSON.parse(document.getElementById("ocop-finder-texts").textContent);
  var root = form.getAttribute("data-root");
  var home = form.getAttribute("data-home");
  var paths = data.paths;
  var fold = window.ocopContract.fold;
  var listing = document.querySelector(".ocop-listing");
  var results = document.querySelector(".ocop-finder__results");
  var count = document.getElementById("ocop-finder-count");
  var none = document.querySelector(".ocop-finder__none");
  var more = document.querySelector(".ocop-finder__more");
  var STEP = 60;
  var FACETS = ["group", "stars", "commune", "kind", "status", "trade"];
  var FIELDS = ["q"].concat(FACETS);
  var shown = 0;
  var matches = [];

  // A path the build wrote as a template ("p/{id}/"), filled in, from this page: from `start`, the
  // site root unless given. From file:// (a copy on a USB stick) a folder's page is its index
  // file: folders open no page there.
  function path(template, values, start) {
    var filled = (start === undefined ? root : start) + template.replace(/\{(\w+)\}/g, function (whole, name) { return name in values ? values[name] : whole; });
    return location.protocol === "file:" && filled.slice(-1) === "/" ? filled + paths.index : filled;
  }
  // Rows shipped with a header of field names, as objects.
  function named(fields, rows) {
    return rows.map(function (row) {
      var record = {};
      fields.forEach(function (name, i) { record[name] = row[i]; });
      return record;
    });
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
  var items = named(data.fields, data.products).map(function (product, position) {
    var producer = data.producers[product.producer];
    var words = [product.name, producer[0], data.communes[producer[2]][1]];
    if (product.name_vi) words.push(product.name_vi);
    if (product.origin >= 0) words.push(data.communes[product.origin][1]);
    var text = lower(words.join(" "));
    var name = lower(product.name);
    return {
      product: product, position: position, producer: producer, exact: joined(text), folded: joined(fold(text)), name: name,
      foldedName: fold(name)
    };
  });

  function state(item) {
    var product = item.product;
    return window.ocopStatus(product.expires, product.revoked || null, { expires: product.expires_text, revoked: product.revoked_text });
  }

  function accepts(item, filter) {
    var product = item.product;
    if (filter.group && data.groups[product.group] !== filter.group) return false;
    if (filter.stars && String(product.stars) !== filter.stars) return false;
    if (filter.kind && data.kinds[item.producer[1]] !== filter.kind) return false;
    if (filter.trade && !product.trade) return false;  // products with facts for trade buyers
    if (filter.commune) {
      var id = data.communes[item.producer[2]][0];
      var origin = product.origin >= 0 ? data.communes[product.origin][0] : null;
      if (id !== filter.commune && origin !== filter.commune) return false;
    }
    if (filter.status) {
      var now = state(item).state;
      if (filter.status === "in-force" ? now !== "valid" && now !== "expiring" : now !== filter.status) return false;
    }
    return true;
  }

  // Chinese is written without spaces between words: a query word in Chinese characters matches
  // anywhere in the text ("茶" finds "雪山古树红茶"), any other word at the start of a word.
  var CJK = /[\u3400-\u9fff\uf900-\ufaff]/;
  function contains(text, word) {
    return text.indexOf(CJK.test(word) ? word : " " + word) >= 0;
  }

  // A score for the query: -1 when a word of it begins no word of the product; otherwise more for
  // each word matched with its tone marks as typed, and for the name beginning with the query.
  function score(item, words, folded) {
    var exact = 0;
    for (var i = 0; i < words.length; i++) {
      if (!contains(item.folded, folded[i])) return -1;
      if (contains(item.exact, words[i])) exact += 1;
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

  // The page's card template filled in: the same markup as the build's own cards.
  function card(item) {
    var product = item.product;
    var status = state(item);
    var live = status.state === "valid" || status.state === "expiring";
    var li = template.content.firstElementChild.cloneNode(true);
    li.setAttribute("data-ocop-id", product.id);
    li.setAttribute("data-ocop-status", status.state);
    li.setAttribute("data-ocop-expires", product.expires);
    li.setAttribute("data-ocop-expires-text", product.expires_text);
    if (product.revoked) {
      li.setAttribute("data-ocop-revoked", product.revoked);
      li.setAttribute("data-ocop-revoked-text", product.revoked_text);
    }
    var link = li.querySelector(".ocop-card__link");
    link.href = path(paths.product, { id: product.id }, home);
    if (product.thumb) {
      var img = element("img");
      img.src = path(paths.image, { id: product.id, file: product.thumb });
      img.alt = "";
      img.loading = "lazy";
      img.decoding = "async";
      link.insertBefore(img, link.firstChild);
    }
    li.querySelector(".ocop-card__name").textContent = product.name;
    var badge = li.querySelector(".ocop-card__badge");
    badge.src = path(paths.badge[status.state], { stars: product.stars });
    badge.alt = texts.badges[product.stars + "-" + status.state];
    if (live) {
      badge.setAttribute("data-ocop-badge", JSON.stringify({
        expired: path(paths.badge.expired, { stars: product.stars }), revoked: path(paths.badge.revoked, { stars: product.stars })
      }));
    }
    var chip = li.querySelector(".ocop-chip");
    chip.className = "ocop-chip ocop-chip--" + status.state;
    chip.textContent = status.words.split(/[:：]/)[0];
    li.querySelector(".ocop-card__meta").textContent = item.producer[0] + " · " + data.communes[item.producer[2]][1];
    if (form.hasAttribute("data-qr")) {
      var qr = element("img", "ocop-kiosk__qr");
      qr.src = path(paths.qr, { id: product.id });
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
