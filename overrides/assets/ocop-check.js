/* Certificate check: find a certificate number or product id typed in any case, with spaces,
   punctuation or tone marks, in window.OCOP_CHECK (data/check.js, a script so that it also loads
   from file://), and show the product and its status today. */
(function () {
  "use strict";
  function fold(text) {
    return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/[đĐð]/g, "d").toLowerCase().replace(/[^a-z0-9]/g, "");
  }
  function run(form) {
    var input = form.querySelector("input");
    var out = document.getElementById("ocop-check-result");
    var key = fold(input.value);
    var base = form.getAttribute("data-base");
    var hit = key && (window.OCOP_CHECK || []).find(function (p) { return p[1] === key || fold(p[0]) === key; });
    out.replaceChildren();
    if (!key) return;
    if (!hit) {
      out.appendChild(document.getElementById("ocop-check-missing").content.cloneNode(true));
      return;
    }
    var status = window.ocopStatus(hit[5], hit[6]);
    var card = document.createElement("div");
    card.className = "ocop-check__hit ocop-status--" + status.state;
    card.setAttribute("data-ocop-status", status.state);
    var link = document.createElement("a");
    // Folders open their index.html on a web server, but not from file:// (the offline copy).
    link.href = base + "p/" + hit[0] + "/" + (location.protocol === "file:" ? "index.html" : "");
    link.textContent = hit[3];
    var title = document.createElement("p");
    title.appendChild(link);
    var facts = document.createElement("p");
    facts.textContent = hit[2] + " · OCOP " + "★".repeat(hit[4]);
    var words = document.createElement("p");
    words.className = "ocop-status ocop-status--" + status.state;
    words.textContent = status.words;
    card.append(title, facts, words);
    out.appendChild(card);
  }
  document.addEventListener("submit", function (event) {
    if (!event.target.classList.contains("ocop-check")) return;
    event.preventDefault();
    run(event.target);
  });
})();
