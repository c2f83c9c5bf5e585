/* The header search box's products and producers, above the theme's own results.

   Product pages are not in the theme's search index (it would grow by about 400 B a product and
   is fetched by every page): the box offers products and producers from window.OCOP_SEARCH
   (data/search-<lang>.js, catalogue/pages/search.py), a script loaded the first time the box is
   used (a script, not JSON, so that it also loads from file://). Matching is the finder's: each
   word typed begins a word of the product's name, producer or place, with or without tone marks
   ("mat ong" finds "Mật ong"), and a word in Chinese characters matches anywhere. The last line
   sends the query to the finder (all products, with facets) with the number of products found. */
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
  function named(fields, rows) {
    return rows.map(function (row) {
      var record = {};
      fields.forEach(function (name, i) { record[name] = row[i]; });
      return record;
    });
  }
  var SEPARATORS = /[\s,.;:()\/\-–]+/g;
  // A text as its words, lower case, with a space before each, so that " " + start finds a word
  // beginning with start (the folded texts come so from the build, catalogue/pages/search.py).
  function wordsOf(text) {
    return " " + text.normalize("NFC").toLowerCase().replace(SEPARATORS, " ").trim();
  }
  function prepare(data) {
    var communes = data.communes;
    var producers = named(data.producer_fields, data.producers);
    var products = named(data.product_fields, data.products);
    return {
      paths: data.paths, communes: communes, products: products, producers: producers,
      productFolded: products.map(function (product) { return product.folded + producers[product.producer].folded; }),
      producerFolded: producers.map(function (producer) { return producer.folded; }),
      // The texts with their marks, for ranking: made for the few that match, when they match.
      productExact: function (i) {
        var product = products[i], producer = producers[product.producer];
        return wordsOf([product.name, product.name_vi || "", producer.name, communes[producer.commune]].join(" "));
      },
      producerExact: function (i) {
        return wordsOf(producers[i].name + " " + communes[producers[i].commune]);
      }
    };
  }

  var CJK = /[\u3400-\u9fff\uf900-\ufaff]/;
  function contains(text, word) {
    return text.indexOf(CJK.test(word) ? word : " " + word) >= 0;
  }
  // -1 when a word typed begins no word of the text; otherwise more for each word matched with
  // its tone marks as typed, and for a text that begins with the query.
  function score(exact, folded, words, foldedWords) {
    var points = 0;
    for (var i = 0; i < words.length; i++) {
      if (!contains(folded, foldedWords[i])) return -1;
      if (contains(exact, words[i])) points += 2;
    }
    return points + (exact.lastIndexOf(" " + words.join(" "), 0) === 0 ? 1 : 0);
  }
  function matching(exact, folded, words, foldedWords) {
    var found = [];
    for (var i = 0; i < folded.length; i++) {
      if (!foldedWords.every(function (word) { return contains(folded[i], word); })) continue;
      found.push({ at: i, points: score(exact(i), folded[i], words, foldedWords) });
    }
    return found.sort(function (a, b) { return b.points - a.points || a.at - b.at; });
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

  function render() {
    var query = input.value.trim();
    if (!index || query === shownFor) return;
    shownFor = query;
    box.replaceChildren();
    var words = query.normalize("NFC").toLowerCase().split(SEPARATORS).filter(Boolean);
    box.hidden = !words.length;
    if (!words.length) return;
    var foldedWords = words.map(fold);
    var products = matching(index.productExact, index.productFolded, words, foldedWords);
    var producers = matching(index.producerExact, index.producerFolded, words, foldedWords);
    var finder = element("a", "md-search-result__meta ocop-search__all", config.texts.found.replace("{n}", products.length) + " →");
    var target = path(index.paths.finder, "");
    finder.href = target + (target.indexOf("?") < 0 ? "?" : "&") + "q=" + encodeURIComponent(query);
    box.appendChild(finder);
    var list = element("ol", "md-search-result__list");
    products.slice(0, SHOWN_PRODUCTS).forEach(function (hit) {
      var product = index.products[hit.at];
      var producer = index.producers[product.producer];
      list.appendChild(entry(path(index.paths.product, product.id), product.name, producer.name + " · " + index.communes[producer.commune]));
    });
    box.appendChild(list);
    if (producers.length) {
      box.appendChild(element("div", "md-search-result__meta", config.texts.producers));
      var others = element("ol", "md-search-result__list");
      producers.slice(0, SHOWN_PRODUCERS).forEach(function (hit) {
        var producer = index.producers[hit.at];
        others.appendChild(entry(path(index.paths.producer, producer.id), producer.name, index.communes[producer.commune]));
      });
      box.appendChild(others);
    }
  }

  // The data, the first time the box is used: a page whose box stays closed loads none of it.
  function load() {
    if (requested) return;
    requested = true;
    var script = document.createElement("script");
    script.src = config.data;
    script.onload = function () {
      if (!window.OCOP_SEARCH) return;
      index = prepare(window.OCOP_SEARCH);
      render();
    };
    document.head.appendChild(script);
  }

  input.addEventListener("focus", load);
  input.addEventListener("input", function () { load(); render(); });
  // The theme fills the box itself for a link with ?q= (and clears it on reset): follow what it shows.
  new MutationObserver(render).observe(panel.querySelector(".md-search-result__meta"), { childList: true, characterData: true, subtree: true });
  if (input.value) load();
})();
