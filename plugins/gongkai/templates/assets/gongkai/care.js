/* 关怀版 (the elder-friendly view) and 字号 (text size), for every page.
 *
 * Loaded in the head, before the stylesheets apply: it sets <html data-gk-care="on"> and
 * <html data-gk-size="large|xlarge"> from the reader's last choice, so a page never flashes in the other
 * view. The choice is kept in localStorage and survives navigation and reloads. A link can set it, so
 * that a public inspection terminal (查阅点) can start in the 关怀版: ?care=1 switches it on, ?care=0
 * off; ?size=large, ?size=xlarge or ?size=normal sets the size. The toolbar's buttons (toolbar.html)
 * switch both ways; without JavaScript the toolbar stays hidden and every page reads as usual.
 * It also wires the 打印 buttons of document pages (page-tools.html), hidden without it too.
 */
(function () {
  "use strict";
  var root = document.documentElement;
  var CARE_KEY = "gongkai.care";
  var SIZE_KEY = "gongkai.size";
  var SIZES = ["normal", "large", "xlarge"];
  var memory = {}; // where localStorage is refused (a locked-down terminal), the choice lasts for the page

  function read(key) {
    try {
      return window.localStorage.getItem(key);
    } catch (error) {
      return memory[key] || null;
    }
  }

  function write(key, value) {
    memory[key] = value;
    try {
      if (value === null) window.localStorage.removeItem(key);
      else window.localStorage.setItem(key, value);
    } catch (error) {
      /* kept in memory only */
    }
  }

  function fromAddress() {
    var params = new URLSearchParams(window.location.search);
    if (params.has("care")) write(CARE_KEY, params.get("care") === "1" ? "on" : null);
    var size = params.get("size");
    if (SIZES.indexOf(size) >= 0) write(SIZE_KEY, size === "normal" ? null : size);
  }

  function apply() {
    var care = read(CARE_KEY) === "on";
    var size = read(SIZE_KEY);
    if (care) root.setAttribute("data-gk-care", "on");
    else root.removeAttribute("data-gk-care");
    if (size && SIZES.indexOf(size) > 0) root.setAttribute("data-gk-size", size);
    else root.removeAttribute("data-gk-size");
    var careButton = document.querySelector("[data-gk-care-toggle]");
    if (careButton) careButton.setAttribute("aria-pressed", String(care));
    var buttons = document.querySelectorAll("[data-gk-size-choice]");
    for (var i = 0; i < buttons.length; i++) {
      var chosen = buttons[i].getAttribute("data-gk-size-choice") === (size || "normal");
      buttons[i].setAttribute("aria-pressed", String(chosen));
    }
  }

  function wire() {
    var careButton = document.querySelector("[data-gk-care-toggle]");
    if (careButton) {
      careButton.addEventListener("click", function () {
        write(CARE_KEY, read(CARE_KEY) === "on" ? null : "on");
        apply();
      });
    }
    var buttons = document.querySelectorAll("[data-gk-size-choice]");
    for (var i = 0; i < buttons.length; i++) {
      buttons[i].addEventListener("click", function (event) {
        var size = event.currentTarget.getAttribute("data-gk-size-choice");
        write(SIZE_KEY, size === "normal" ? null : size);
        apply();
      });
    }
    apply();
    var prints = document.querySelectorAll("[data-gk-print]");
    for (var j = 0; j < prints.length; j++) {
      prints[j].addEventListener("click", function () {
        window.print();
      });
    }
  }

  fromAddress();
  apply();
  root.classList.add("gk-js"); // the toolbar shows only where its buttons work
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", wire);
  else wire();
  // Another tab changed the choice: follow it.
  window.addEventListener("storage", function (event) {
    if (event.key === CARE_KEY || event.key === SIZE_KEY) apply();
  });
})();
