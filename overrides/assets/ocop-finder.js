/* Product finder: facets and a search box over window.OCOP_FINDER (data/finder-<lang>.js, a script
   so that it also loads from file://). Queries match names, tags, producers, places and summaries
   with or without tone marks ("mat ong" finds "Mật ong", "d" matches "đ"), and the synonyms of
   the settings ("chè" also finds "trà"); by relevance, a word found in the name counts more than
   in the tags, the producer or place, and the summary, and with the marks as typed twice as much
   (the summary ships without its marks: a word typed without marks counts double there).
   Sorted by relevance, stars or the newest certificate; products in force unless asked for all.
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
  var FACETS = ["group", "stars", "commune", "kind", "status", "trade", "sort"];
  var FIELDS = ["q"].concat(FACETS);
  // What a field holds when nobody has chosen: these are not written into the address.
  var DEFAULTS = { status: "in-force" };
  var toggle = form.querySelector(".ocop-finder__toggle");
  var panel = document.getElementById("ocop-finder-facets");
  var switcher = document.querySelector(".ocop-finder__switch");
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

  // Words folded (without tone marks), a space before each, or "" for none: as the build folds.
  var foldedWords = window.ocopContract.searched;
  // The places of a producer (its name and commune) folded, once for each producer and commune.
  var producerPlaces = data.producers.map(function () { return null; });
  var communes = data.communes.map(function (commune) { return foldedWords(commune[1]); });
  function foldedPlaces(product) {
    var at = product.producer;
    if (producerPlaces[at] === null) producerPlaces[at] = foldedWords(data.producers[at][0]) + communes[data.producers[at][2]];
    return producerPlaces[at] + (product.origin >= 0 ? communes[product.origin] : "");
  }
  function places(item) {
    var product = item.product, producer = item.producer;
    var all = [producer[0], data.communes[producer[2]][1]];
    if (product.origin >= 0) all.push(data.communes[product.origin][1]);
    return all;
  }
  // What each product is searched by, with the weight of each in the relevance: its name (and its
  // Vietnamese name) 8, tags 6, producer and places (the producer's commune and the origin
  // commune) 4, and its summary 2. The build ships them folded (catalogue/pages/search.py
  // `searched`, the same folding): no product is folded here before the first results.
  var WEIGHTS = [8, 6, 4, 2];
  var items = named(data.fields, data.products).map(function (product, position) {
    return {
      product: product, position: position, producer: data.producers[product.producer],
      folded: [product.folded_name, product.folded_tags, foldedPlaces(product), product.folded_summary], exact: null
    };
  });
  // The same texts as typed (lower case, with their marks), made only for a product whose folded
  // texts have every part of the query: a word found with its marks counts double.
  function marked(item) {
    if (!item.exact) {
      var product = item.product;
      var texts = [[product.name, product.name_vi || ""], [product.tags], places(item)];
      item.exact = texts.map(function (parts) { return joined(lower(parts.join(" "))); });
      // The summary as the build shipped it, folded (its marks would add a fifth to the data).
      item.exact.push(product.folded_summary);
      item.name = lower(product.name);
      item.foldedName = fold(item.name);
    }
    return item.exact;
  }

  // The settings' groups of synonyms, each term as its words as written and without tone marks.
  var synonyms = (data.synonyms || []).map(function (group) {
    return group.map(function (term) {
      var words = split(lower(term));
      return { words: words, folded: words.map(fold).join(" ") };
    });
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
    if (filter.status && filter.status !== "all") {
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

  // The query as slots, each to be found in the product: a word as typed, or the words of a term
  // of the synonyms with the others of its group ("mac ca": "mac ca" or "macadamia"). A term is
  // recognised without tone marks; its synonyms are looked for with the marks the list gives them
  // (so "chè" finds "trà" and not "sơn tra"). The longest term at each place wins.
  function slots(words, folded) {
    var found = [];
    for (var i = 0; i < words.length;) {
      var best = null;
      synonyms.forEach(function (group) {
        group.forEach(function (term) {
          var n = term.words.length;
          if ((!best || n > best.n) && folded.slice(i, i + n).join(" ") === term.folded) best = { n: n, group: group };
        });
      });
      var n = best ? best.n : 1;
      var own = folded.slice(i, i + n).join(" ");
      var slot = [{ exact: words.slice(i, i + n).join(" "), folded: own, any: own }];
      if (best) {
        best.group.forEach(function (term) {
          if (term.folded !== own) slot.push({ exact: term.words.join(" "), folded: null, any: term.folded });
        });
      }
      found.push(slot);
      i += n;
    }
    return found;
  }

  // Whether one slot can be found in the product: a text found with its marks is also found
  // folded, so the folded texts the build shipped rule out most products at once.
  function possible(item, slot) {
    return slot.some(function (choice) {
      return item.folded.some(function (text) { return contains(text, choice.any); });
    });
  }
  // How well one slot is found in the product: 0 when nowhere; else the weight of the best field
  // it is found in, doubled when found with the tone marks as typed (or as a synonym).
  function slotScore(item, slot) {
    var exact = marked(item);
    var best = 0;
    item.folded.forEach(function (folded, i) {
      var weight = WEIGHTS[i];
      slot.forEach(function (choice) {
        var points = contains(exact[i], choice.exact) ? weight * 2 : choice.folded !== null && contains(folded, choice.folded) ? weight : 0;
        if (points > best) best = points;
      });
    });
    return best;
  }

  // A score for the query: -1 when a slot of it begins no word of the product; otherwise the sum
  // of the slots' scores, and more for the name beginning with the query.
  function score(item, query) {
    var i;
    for (i = 0; i < query.slots.length; i++) {
      if (!possible(item, query.slots[i])) return -1;
    }
    var points = 0;
    for (i = 0; i < query.slots.length; i++) {
      var found = slotScore(item, query.slots[i]);
      if (!found) return -1;
      points += found;
    }
    return points + (item.name.lastIndexOf(query.words.join(" "), 0) === 0 ? 2 : 0) + (item.foldedName.indexOf(query.folded.join(" ")) >= 0 ? 1 : 0);
  }

  function current() {
    var filter = {};
    FIELDS.forEach(function (name) {
      filter[name] = form.elements[name].value.trim();
    });
    return filter;
  }
  // A filter someone chose: not empty and not the field's default.
  function chosen(filter, name) {
    return filter[name] && filter[name] !== DEFAULTS[name];
  }

  // Typing usually adds to the query: then only the previous matches need looking at again.
  // (A query that begins with the last one only lengthens its last word or adds words.) Not when
  // the query now names a synonym it did not name before: that finds more, not fewer.
  var last = { key: null, q: "", terms: "", found: [] };
  function facets(filter) {
    return FACETS.map(function (name) { return name === "status" || name === "sort" ? "" : filter[name]; }).join("|");
  }
  function terms(query) {
    return query.slots.filter(function (slot) { return slot.length > 1; }).map(function (slot) { return slot[0].folded; }).join("|");
  }
  function candidates(filter, query) {
    var narrower = last.key === facets(filter) && fold(lower(filter.q)).lastIndexOf(last.q, 0) === 0 && terms(query) === last.terms;
    return narrower ? last.found : items;
  }

  var ORDERS = {
    stars: function (a, b) { return b.item.product.stars - a.item.product.stars; },
    newest: function (a, b) { return a.item.product.issued < b.item.product.issued ? 1 : a.item.product.issued > b.item.product.issued ? -1 : 0; }
  };
  // The matches in the chosen order (relevance breaks ties of stars; the listing's order breaks any tie)
  // and how many more the products out of force would add, for the switch that shows them.
  function search(filter) {
    var words = split(lower(filter.q));
    var query = { words: words, folded: words.map(fold) };
    query.slots = slots(words, query.folded);
    var found = [];
    var matched = [];
    var hidden = 0;
    var everything = {};
    Object.keys(filter).forEach(function (name) { everything[name] = filter[name]; });
    everything.status = "all";
    candidates(filter, query).forEach(function (item) {
      if (!accepts(item, everything)) return;
      var points = words.length ? score(item, query) : 0;
      if (points < 0) return;
      matched.push(item);
      if (accepts(item, filter)) found.push({ item: item, points: points });
      else hidden += 1;
    });
    var order = ORDERS[filter.sort];
    found.sort(function (a, b) { return (order ? order(a, b) : 0) || b.points - a.points || a.item.position - b.item.position; });
    var hits = found.map(function (hit) { return hit.item; });
    // What is kept for narrowing holds every status, so that the switch's count stays right.
    last = { key: facets(filter), q: fold(lower(filter.q)), terms: terms(query), found: matched };
    return { hits: hits, hidden: filter.status === "in-force" ? hidden : 0 };
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

  // The address keeps what was chosen (not the defaults), to be shared; the count's data-filter
  // says what the results on show are for, defaults included.
  function remember(filter) {
    var params = new URLSearchParams();
    var shown = new URLSearchParams();
    Object.keys(filter).forEach(function (name) {
      if (chosen(filter, name)) params.set(name, filter[name]);
      if (filter[name]) shown.set(name, filter[name]);
    });
    var query = params.toString();
    count.setAttribute("data-filter", shown.toString());
    try {
      history.replaceState(null, "", query ? "?" + query : location.pathname);
    } catch (error) {
      // Some browsers refuse to change the address of a file:// page; the finder works without it.
    }
  }

  // The phone's filter button says how many filters are chosen (the panel is folded away there).
  function label(filter) {
    var n = FACETS.filter(function (name) { return chosen(filter, name); }).length;
    toggle.textContent = n ? texts.filters.replace("{n}", n) : toggle.getAttribute("data-label");
  }

  // The filter the results on show are for: the same choice again (the box's change event when it
  // loses focus, as a finger taps a result) keeps them, and the tapped link with them.
  var rendered = null;

  function update() {
    var filter = current();
    var same = JSON.stringify(filter);
    if (same === rendered) return;
    rendered = same;
    var active = Object.keys(filter).some(function (name) { return chosen(filter, name); });
    remember(filter);
    label(filter);
    listing.hidden = active;
    results.hidden = !active;
    results.replaceChildren();
    shown = 0;
    var found = active ? search(filter) : { hits: [], hidden: 0 };
    matches = found.hits;
    count.textContent = active ? texts.found.replace("{n}", matches.length) : "";
    none.hidden = !active || matches.length > 0;
    // The switch to every status, when products out of force also match.
    switcher.hidden = !found.hidden;
    switcher.firstChild.textContent = texts.show_all.replace("{n}", found.hidden);
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
  switcher.firstChild.addEventListener("click", function () {
    form.elements.status.value = "all";
    update();
  });
  toggle.setAttribute("data-label", toggle.textContent);
  toggle.addEventListener("click", function () {
    var open = toggle.getAttribute("aria-expanded") !== "true";
    toggle.setAttribute("aria-expanded", String(open));
    form.classList.toggle("ocop-finder--open", open);
  });
  form.hidden = false;
  update();
})();
