/* The header search box's products and producers, above the theme's own results.

   Product pages are not in the theme's search index (it would grow by about 400 B a product and
   is fetched by every page): the box offers products and producers from window.OCOP_SEARCH
   (data/search-<lang>.js, catalogue/pages/search.py), a script loaded the first time the box is
   used (a script, not JSON, so that it also loads from file://). Matching is the finder's: each
   word typed begins a word of the product's name, producer or place, with or without tone marks
   ("mat ong" finds "Mật ong"), and a word in Chinese characters matches anywhere; a term of the
   settings' synonyms also finds the others of its group, written with their marks ("chè" finds
   "Trà", not "sơn tra"). The last line sends the query to the finder (all products, with facets)
   with the number of products found. */
(function () {
  "use strict";
  var input = document.querySelector("input.md-search__input");
  var panel = document.querySelector(".md-search-result");
  var source = document.getElementById("ocop-search-config");
  if (!input || !panel || !source || !window.ocopContract) return;
  var config = JSON.parse(source.textContent);
  var fold = window.ocopContract.fold;
  var SHOWN_PRODUCTS = 6;
  var SHOWN_PRODUCERS = 3;
  var index = null;  // the products and producers, ready to search, once the data has loaded
  var requested = false;
  var shownFor = null;
  var box = document.createElement("div");
  box.className = "ocop-search";
  box.hidden = true;
  panel.insertBefore(box, panel.firstChild);

  // A path from the language's root, from this page; from file:// a folder's page is its index file.
  function path(template, id) {
    var filled = config.home + template.replace("{id}", id);
    return location.protocol === "file:" && filled.slice(-1) === "/" ? filled + index.paths.index : filled;
  }
  // Rows shipped with a header of field names: a row's value by name.
  function reader(fields) {
    var at = {};
    fields.forEach(function (name, i) { at[name] = i; });
    return function (row, name) { return at[name] === undefined ? undefined : row[at[name]]; };
  }
  var SEPARATORS = /[\s,.;:()\/\-–]+/g;
  // A text as its words, lower case, with a space before each, so that " " + start finds a word
  // beginning with start (the folded texts come so from the build, catalogue/pages/search.py).
  function wordsOf(text) {
    return " " + text.normalize("NFC").toLowerCase().replace(SEPARATORS, " ").trim();
  }
  // The index's producers and communes; its products come in parts (add), each searchable as
  // soon as it has loaded, so that a phone shows the first products before it has read them all.
  function prepare(data) {
    var communes = data.communes, producers = data.producers;
    var product = reader(data.product_fields), producer = reader(data.producer_fields);
    var parts = [];
    function producerOf(row) { return producers[product(row, "producer")]; }
    var index = {
      paths: data.paths, communes: communes, products: [], producers: producers, product: product, producer: producer,
      synonyms: data.synonyms, statuses: data.statuses,
      producerOf: producerOf, productFolded: [],
      producerFolded: producers.map(function (row) { return producer(row, "folded"); }),
      // The texts with their marks, for ranking: made only for what matches.
      productExact: function (i) {
        var row = index.products[i], maker = producerOf(row);
        return wordsOf([product(row, "name"), product(row, "name_vi") || "", producer(maker, "name"), communes[producer(maker, "commune")]].join(" "));
      },
      producerExact: function (i) {
        return wordsOf(producer(producers[i], "name") + " " + communes[producer(producers[i], "commune")]);
      },
      // Part `number` (from 1) loaded: the products in listing order, whatever order parts come in.
      add: function (number, rows) {
        parts[number - 1] = {
          rows: rows, folded: rows.map(function (row) { return product(row, "folded") + producer(producerOf(row), "folded"); })
        };
        var loaded = parts.filter(Boolean);
        index.products = [].concat.apply([], loaded.map(function (part) { return part.rows; }));
        index.productFolded = [].concat.apply([], loaded.map(function (part) { return part.folded; }));
      }
    };
    return index;
  }

  // Chinese is written without spaces: a word in Chinese characters matches anywhere, any other
  // word at the start of a word.
  var CJK = /[\u3400-\u9fff\uf900-\ufaff]/;
  function needle(word) {
    return CJK.test(word) ? word : " " + word;
  }
  // The query as slots (ocop-finder.js does the same): each typed word, or the words of a term of
  // the synonyms (recognised without marks) with the other terms of its group, written with theirs.
  function termText(term) {
    return term.split(SEPARATORS).filter(Boolean).join(" ");
  }
  function slots(words, foldedWords) {
    var found = [];
    for (var i = 0; i < words.length;) {
      var best = null;
      (index.synonyms || []).forEach(function (group) {
        group.forEach(function (term) {
          var n = termText(term).split(" ").length;
          if ((!best || n > best.n) && foldedWords.slice(i, i + n).join(" ") === fold(termText(term))) best = { n: n, group: group };
        });
      });
      var n = best ? best.n : 1;
      var own = foldedWords.slice(i, i + n).join(" ");
      var others = best ? best.group.filter(function (term) { return fold(termText(term)) !== own; }) : [];
      found.push({
        needle: needle(own),
        others: others.map(function (term) { return { folded: needle(fold(termText(term))), exact: needle(termText(term)) }; })
      });
      i += n;
    }
    return found;
  }
  // Whether a text has a slot: its own words without marks, or a synonym with its marks (looked
  // at only where the synonym is there without marks).
  function has(folded, exact, at, slot) {
    if (folded.indexOf(slot.needle) >= 0) return true;
    return slot.others.some(function (other) { return folded.indexOf(other.folded) >= 0 && exact(at).indexOf(other.exact) >= 0; });
  }

  // What matches every word typed (folded), best first: a text that begins with the query, then
  // (when few match: checking the marks of thousands would hold a phone up) each word matched with
  // its tone marks as typed, then the listing's order.
  var RANKED = 300;
  function matching(folded, exact, words, foldedWords) {
    var wanted = slots(words, foldedWords), found = [];
    for (var i = 0; i < folded.length; i++) {
      var text = folded[i], all = true;
      for (var n = 0; n < wanted.length && all; n++) all = has(text, exact, i, wanted[n]);
      if (all) found.push(i);
    }
    var phrase = " " + foldedWords.join(" ");
    var marked = words.map(needle);
    var hits = found.map(function (at) {
      var points = folded[at].lastIndexOf(phrase, 0) === 0 ? 1 : 0;
      if (found.length <= RANKED) {
        var text = exact(at);
        marked.forEach(function (word) { if (text.indexOf(word) >= 0) points += 2; });
      }
      return { at: at, points: points };
    });
    return hits.sort(function (a, b) { return b.points - a.points || a.at - b.at; });
  }

  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text) node.textContent = text;
    return node;
  }
  // An entry drawn as the theme draws its own results.
  function entry(href, title, line) {
    var item = element("li", "md-search-result__item");
    var link = element("a", "md-search-result__link");
    link.href = href;
    var article = element("article", "md-search-result__article md-typeset");
    article.appendChild(element("h1", null, title));
    if (line) article.appendChild(element("p", null, line));
    link.appendChild(article);
    item.appendChild(link);
    return item;
  }

  // Whether a product's certificate is in force today (without the status script, every one counts as in force).
  function inForce(row) {
    if (!window.ocopStatus) return true;
    var state = window.ocopStatus(index.product(row, "expires"), index.product(row, "revoked") || null).state;
    return state === "valid" || state === "expiring";
  }

  function render() {
    var query = input.value.trim();
    if (!index || query === shownFor) return;
    shownFor = query;
    box.replaceChildren();
    box.setAttribute("data-query", query);  // what the products on show were found for
    var words = query.normalize("NFC").toLowerCase().split(SEPARATORS).filter(Boolean);
    box.hidden = !words.length;
    if (!words.length) return;
    var foldedWords = words.map(fold);
    var products = matching(index.productFolded, index.productExact, words, foldedWords);
    var producers = matching(index.producerFolded, index.producerExact, words, foldedWords);
    var product = index.product, producer = index.producer;
    var finder = element("a", "md-search-result__meta ocop-search__all", config.texts.found.replace("{n}", products.length) + " →");
    var target = path(index.paths.finder, "");
    // The finder shows products in force unless told otherwise: when some of these have ended, it is
    // told to show every status, so that it lists the very products this line counts.
    var all = products.some(function (hit) { return !inForce(index.products[hit.at]); }) ? "&status=all" : "";
    finder.href = target + (target.indexOf("?") < 0 ? "?" : "&") + "q=" + encodeURIComponent(query) + all;
    box.appendChild(finder);
    var list = element("ol", "md-search-result__list");
    products.slice(0, SHOWN_PRODUCTS).forEach(function (hit) {
      var row = index.products[hit.at], maker = index.producerOf(row);
      var line = producer(maker, "name") + " · " + index.communes[producer(maker, "commune")];
      // The certificate's status today (as the finder's cards say it): a product is never listed without it.
      if (window.ocopStatus && index.statuses) {
        line += " · " + index.statuses[window.ocopStatus(product(row, "expires"), product(row, "revoked") || null).state];
      }
      list.appendChild(entry(path(index.paths.product, product(row, "id")), product(row, "name"), line));
    });
    box.appendChild(list);
    if (producers.length) {
      box.appendChild(element("div", "md-search-result__meta", config.texts.producers));
      var others = element("ol", "md-search-result__list");
      producers.slice(0, SHOWN_PRODUCERS).forEach(function (hit) {
        var row = index.producers[hit.at];
        others.appendChild(entry(path(index.paths.producer, producer(row, "id")), producer(row, "name"), index.communes[producer(row, "commune")]));
      });
      box.appendChild(others);
    }
  }

  // The data, the first time the box is used (a tap on it): a page whose box stays closed loads
  // none of it. From file:// data can only come as scripts; each part sets
  // window.OCOP_SEARCH_PARTS[n]. The head and the first part are asked for at once (there is
  // always a first part); the others once the head has said how many there are.
  function script(src, loaded) {
    var tag = document.createElement("script");
    tag.src = src;
    tag.onload = loaded;
    document.head.appendChild(tag);
  }
  var ready = null;  // the head, prepared
  var parts = 0;  // how many the head says there are
  var waiting = [];  // parts loaded before the head
  function partSource(number) {
    return config.data.replace(/\.js$/, "-" + number + ".js");
  }
  function load() {
    if (requested) return;
    requested = true;
    script(config.data, function () {
      var data = window.OCOP_SEARCH;
      if (!data) return;
      ready = prepare(data);
      parts = data.parts;
      waiting.forEach(added);
    });
    script(partSource(1), part(1));
  }
  function part(number) {
    return function () {
      if (ready) added(number);
      else waiting.push(number);
    };
  }
  // The other parts are asked for once the first products are on screen: read before, they
  // would hold the first results up on a phone.
  function rest() {
    for (var n = 2; n <= parts; n++) script(partSource(n), part(n));
  }
  function added(number) {
    var rows = window.OCOP_SEARCH_PARTS && window.OCOP_SEARCH_PARTS[number];
    if (!rows) return;
    ready.add(number, rows);
    index = ready;
    box.setAttribute("data-ready", "");
    shownFor = null;  // the same query again, over more products
    if (number === 1) {
      render();
      requestAnimationFrame(function () { setTimeout(rest, 0); });
    } else {
      schedule();
    }
  }

  // One search a frame: keys typed faster than a phone searches do not queue searches.
  var pending = 0;
  function schedule() {
    cancelAnimationFrame(pending);
    pending = requestAnimationFrame(render);
  }
  input.addEventListener("focus", load);
  input.addEventListener("input", function () { load(); schedule(); });
  // The theme fills the box itself for a link with ?q= (and clears it on reset): follow what it shows.
  new MutationObserver(schedule).observe(panel.querySelector(".md-search-result__meta"), { childList: true, characterData: true, subtree: true });
  if (input.value) load();
})();
