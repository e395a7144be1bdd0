/*
 * Kennisatlas search page, first lines: fetch the catalog and the parts of the names index
 * for the query in the URL as soon as the page starts, not after the page's scripts have run.
 * search.js takes these over (window.atlasSearchStart); a part guessed wrongly costs only
 * its own small download, because search.js fetches what it needs itself. Also starts
 * material's scripts once search.js has shown its first result.
 */
(function () {
  "use strict";

  var base = document.currentScript.getAttribute("data-index");
  var started = {};

  function fetchJson(path) {
    started[path] = fetch(base + path).then(function (response) {
      if (!response.ok) {
        throw new Error(path + ": " + response.status);
      }
      return response.json();
    });
  }

  // The part of a word as search.js computes it (namePart), on the word as typed: lowercased,
  // without leading punctuation. A stem nearly always keeps the word's first letter.
  function guessPart(word) {
    var first = word.toLowerCase().replace(/^[^\w\u00c0-\u024f]+/, "").charAt(0);
    return first >= "a" && first <= "z" ? first : "0";
  }

  fetchJson("catalog.json");
  var query = new URLSearchParams(window.location.search).get("q") || "";
  query.split(/[\s\-]+/).forEach(function (word) {
    var path = "names-" + guessPart(word) + ".json";
    if (word && !started[path]) {
      fetchJson(path);
    }
  });
  // Material's scripts wait in a <template> (theme/main.html) until the first result is on
  // screen. They listen for DOMContentLoaded, which has passed by then: so it is sent again.
  var themeStarted = false;

  function startThemeScripts() {
    var held = document.getElementById("atlas-theme-scripts");
    if (themeStarted || !held) {
      return;
    }
    themeStarted = true;
    var scripts = held.content.querySelectorAll("script");
    var waiting = scripts.length;
    function loaded() {
      waiting -= 1;
      if (waiting === 0) {
        document.dispatchEvent(new Event("DOMContentLoaded"));
      }
    }
    Array.prototype.forEach.call(scripts, function (original) {
      var script = document.createElement("script");
      script.async = false;  // in their order
      script.onload = script.onerror = loaded;
      script.src = original.getAttribute("src");
      document.body.appendChild(script);
    });
  }

  // Should search.js not get to its first result, the theme still starts, a little later.
  window.addEventListener("load", function () { setTimeout(startThemeScripts, 1000); });

  // Handed over once: a failed early fetch is retried by search.js's own.
  window.atlasSearchStart = {
    take: function (path) {
      var promise = started[path];
      delete started[path];
      return promise;
    },
    startThemeScripts: startThemeScripts
  };
})();
