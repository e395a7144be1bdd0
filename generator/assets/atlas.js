/*
 * Kennisatlas, on every page: a table too wide for the screen scrolls inside its own box
 * (material wraps each Markdown table in .md-typeset__scrollwrap). Such a box can be reached and
 * scrolled with the keyboard and is named after its table (WCAG 2.1.1 and 1.4.10); a box that
 * fits is no stop for the Tab key. Checked again when the window changes size or zoom.
 */
(function () {
  "use strict";

  function nameOf(wrap) {
    var heading = null;
    for (var node = wrap.previousElementSibling; node; node = node.previousElementSibling) {
      if (/^H[1-6]$/.test(node.tagName)) {
        heading = node;
        break;
      }
    }
    var text = heading ? heading.textContent.replace(/¶/g, "").trim() : "";
    return (text ? "Tabel: " + text : "Tabel") + " (schuift opzij)";
  }

  function markScrollingTables() {
    var wraps = document.querySelectorAll(".md-typeset__scrollwrap");
    Array.prototype.forEach.call(wraps, function (wrap) {
      if (wrap.scrollWidth > wrap.clientWidth) {
        wrap.setAttribute("tabindex", "0");
        wrap.setAttribute("role", "region");
        wrap.setAttribute("aria-label", nameOf(wrap));
      } else {
        wrap.removeAttribute("tabindex");
        wrap.removeAttribute("role");
        wrap.removeAttribute("aria-label");
      }
    });
    document.documentElement.setAttribute("data-atlas-tables", "ready");
  }

  // The menu button of narrow screens is material's <label> for a hidden checkbox: no keyboard could
  // reach or press it. Here it takes the focus and opens or closes the menu with Enter or Space.
  function keyboardMenu() {
    var toggle = document.getElementById("__drawer");
    var button = document.querySelector('label.md-header__button[for="__drawer"]');
    if (!toggle || !button || button.hasAttribute("tabindex")) {
      return;
    }
    button.setAttribute("tabindex", "0");
    button.setAttribute("role", "button");
    button.setAttribute("aria-label", "Menu");
    button.setAttribute("aria-expanded", String(toggle.checked));
    toggle.addEventListener("change", function () {
      button.setAttribute("aria-expanded", String(toggle.checked));
    });
    button.addEventListener("keydown", function (event) {
      if (event.key === "Enter" || event.key === " ") {
        event.preventDefault();
        event.stopPropagation();  // material's own key handler would click the label a second time
        toggle.click();
      }
    });
  }

  keyboardMenu();

  // material's document$ announces each page once its components (and table wrappers) are in place.
  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(markScrollingTables);
  } else {
    window.addEventListener("load", markScrollingTables);
  }
  window.addEventListener("resize", markScrollingTables);
})();
