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
  // The menu button of narrow screens: a real button in place of material's label (header.html), that
  // toggles material's drawer checkbox and says whether the menu is open.
  function menuButton() {
    var toggle = document.getElementById("__drawer");
    var label = document.querySelector("label.atlas-menu-label");
    var button = document.querySelector("button.atlas-menu-button");
    if (!toggle || !label || !button) {
      return;
    }
    function announce() {
      button.setAttribute("aria-expanded", String(toggle.checked));
    }
    toggle.addEventListener("change", announce);
    button.addEventListener("click", function () {
      toggle.click();
    });
    announce();
    label.hidden = true;
    button.hidden = false;
  }

  menuButton();

  // material's document$ announces each page once its components (and table wrappers) are in place.
  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(markScrollingTables);
  } else {
    window.addEventListener("load", markScrollingTables);
  }
  window.addEventListener("resize", markScrollingTables);
})();
