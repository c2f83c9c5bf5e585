/* Share box of a product page (catalogue/pages/share.py). The page ships the public address to
   share and the words; without this script the box is its Zalo and Facebook links. This script
   shows the phone's own share sheet (Web Share API: Zalo, Messenger, SMS… as the phone offers)
   where the browser has one, and a "copy link" button. It always shares the public address in
   data-ocop-share-url, never location.href (a copy opened from file:// would share a path on the
   viewer's own disk). */
(function () {
  "use strict";
  function say(box, text) {
    var out = box.querySelector(".ocop-share__said");
    if (out) out.textContent = text;
  }

  // The clipboard API needs a secure page (https or localhost); a copy on a USB stick is not one,
  // so the old way (select a hidden field and copy) is tried there.
  function copy(text) {
    if (navigator.clipboard && window.isSecureContext) return navigator.clipboard.writeText(text);
    return new Promise(function (resolve, reject) {
      var field = document.createElement("textarea");
      field.value = text;
      field.setAttribute("readonly", "");
      field.style.position = "fixed";
      field.style.opacity = "0";
      document.body.appendChild(field);
      field.select();
      var done = false;
      try {
        done = document.execCommand("copy");
      } catch (error) {
        done = false;
      }
      field.remove();
      if (done) resolve();
      else reject(new Error("copy"));
    });
  }

  function setUp(box) {
    var url = box.getAttribute("data-ocop-share-url");
    var data = { title: box.getAttribute("data-ocop-share-title"), text: box.getAttribute("data-ocop-share-text"), url: url };
    var native = box.querySelector(".ocop-share__native");
    var copyButton = box.querySelector(".ocop-share__copy");
    if (native && typeof navigator.share === "function" && (!navigator.canShare || navigator.canShare(data))) {
      native.hidden = false;
      native.addEventListener("click", function () {
        say(box, "");
        // A closed share sheet rejects the promise (AbortError): nothing to say then.
        navigator.share(data).catch(function () {});
      });
    }
    if (copyButton) {
      copyButton.hidden = false;
      copyButton.addEventListener("click", function () {
        copy(url).then(
          function () { say(box, copyButton.getAttribute("data-ocop-copied")); },
          function () { say(box, copyButton.getAttribute("data-ocop-copy-failed") + " " + url); }
        );
      });
    }
  }

  Array.prototype.forEach.call(document.querySelectorAll(".ocop-share"), setUp);
})();
