/* Certificate check: find a certificate number or product id typed in any case, with spaces,
   punctuation or tone marks, in window.OCOP_CHECK (data/check-<lang>.js, a script so that it also
   loads from file://), and show the product and its status today. An earlier number (replaced by
   a renewal or an upgrade, still printed on packaging in the shops) is found too: the result says
   which certificate replaced it and what the product holds today. The data ships each table with
   its field names, and this script reads fields by name (catalogue/exports.py, check_index_js);
   the product link comes from the data's path template (catalogue/urls.py), its dates as the
   build wrote them. Folding is window.ocopContract's (ocop-status.js), as in Python. */
(function () {
  "use strict";
  function fold(text) {
    return window.ocopContract.foldCode(text);
  }
  // Rows shipped with a header of field names, as objects.
  function named(fields, rows) {
    return (rows || []).map(function (row) {
      var record = {};
      (fields || []).forEach(function (name, i) { record[name] = row[i]; });
      return record;
    });
  }
  function fill(template, values) {
    return template.replace(/\{(\w+)\}/g, function (whole, name) { return name in values ? values[name] : whole; });
  }
  function paragraph(className, text) {
    var node = document.createElement("p");
    if (className) node.className = className;
    node.textContent = text;
    return node;
  }

  var data = window.OCOP_CHECK || {};
  var products = named(data.fields, data.products);
  var earlier = named(data.earlier_fields, data.earlier);
  var byId = {};
  products.forEach(function (product) { byId[product.id] = product; });
  var source = document.getElementById("ocop-check-texts");
  var texts = source ? JSON.parse(source.textContent) : {};

  // The current numbers and the ids first; an earlier number otherwise (validation keeps them apart).
  function find(key) {
    var product = products.find(function (p) { return p.key === key || fold(p.id) === key; });
    if (product) return { product: product };
    var old = earlier.find(function (e) { return e.key === key; });
    return old && byId[old.product] ? { product: byId[old.product], earlier: old } : null;
  }

  function replaced(old) {
    var stars = old.stars ? fill(texts.stars, { n: old.stars }) : "";
    return fill(texts.check_replaced || "", {
      number: old.number, issued: old.issued_text, stars: stars, next: old.next_number, next_issued: old.next_issued_text
    });
  }

  // "Left the catalogue on …. Reason: …", the reason (written in Vietnamese only) marked as such on other pages.
  function withdrawn(product) {
    var parts = (texts.check_withdrawn || "{reason}").split("{reason}");
    var reason = document.createElement("span");
    if (document.documentElement.lang !== "vi") reason.lang = "vi";
    reason.textContent = product.withdrawn_reason;
    var node = paragraph("ocop-check__withdrawn", fill(parts[0], { date: product.withdrawn_on }));
    node.append(reason, fill(parts.slice(1).join(""), { date: product.withdrawn_on }));
    return node;
  }

  // "Recognition decision: 1234/QĐ-UBND", the number linked to its document on the province's
  // portal when the data has a link (an http(s) address by validation; anything else is not linked).
  function decision(number, url, certificate) {
    if (!number && !url) return null;
    var node = paragraph("ocop-check__decision", (texts.decision || "") + ": ");
    if (!url || !/^https?:\/\//i.test(url)) {
      node.append(number || "");
      return node;
    }
    var link = document.createElement("a");
    link.href = url;
    link.rel = "noopener noreferrer";
    link.textContent = number || texts.decision_document || url;
    if (!number && certificate) link.setAttribute("aria-label", (texts.decision_document || "") + " – " + certificate);
    node.appendChild(link);
    return node;
  }

  function run(form) {
    var input = form.querySelector("input");
    var out = document.getElementById("ocop-check-result");
    var key = fold(input.value);
    var home = form.getAttribute("data-home");
    var hit = key && find(key);
    out.replaceChildren();
    if (!key) return;
    if (!hit) {
      out.appendChild(document.getElementById("ocop-check-missing").content.cloneNode(true));
      return;
    }
    var product = hit.product;
    var status = window.ocopStatus(product.expires, product.revoked, { expires: product.expires_text, revoked: product.revoked_text });
    var card = document.createElement("div");
    card.className = "ocop-check__hit ocop-status--" + status.state;
    card.setAttribute("data-ocop-status", status.state);
    if (hit.earlier) {
      card.setAttribute("data-ocop-earlier", hit.earlier.number);
      card.appendChild(paragraph("ocop-check__replaced", replaced(hit.earlier)));
      var old = decision(null, hit.earlier.decision_url, hit.earlier.number);
      if (old) card.appendChild(old);
      card.appendChild(paragraph("ocop-check__today", texts.check_today || ""));
    }
    var link = document.createElement("a");
    // From file:// (a copy on a USB stick) a folder's page is its index file: folders open no page there.
    link.href = home + fill(data.paths.product, { id: product.id }) + (location.protocol === "file:" ? data.paths.index : "");
    link.textContent = product.name;
    var title = paragraph("ocop-check__name", "");
    title.appendChild(link);
    var facts = paragraph("ocop-check__current", product.number + " · OCOP " + "★".repeat(product.stars));
    card.append(title, facts, paragraph("ocop-status ocop-status--" + status.state, status.words));
    var current = decision(product.decision, product.decision_url, product.number);
    if (current) card.appendChild(current);
    if (product.withdrawn_on) card.appendChild(withdrawn(product));
    out.appendChild(card);
  }
  document.addEventListener("submit", function (event) {
    if (!event.target.classList.contains("ocop-check")) return;
    event.preventDefault();
    run(event.target);
  });
})();
