/*
 * Kennisatlas search page, first lines: fetch the catalog and the parts of the names index
 * for the query in the URL as soon as the page starts, not after the page's scripts have run.
 * search.js takes these over (window.atlasSearchStart); a part guessed wrongly costs only
 * its own small download, because search.js fetches what it needs itself.
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
  // Handed over once: a failed early fetch is retried by search.js's own.
  window.atlasSearchStart = {
    take: function (path) {
      var promise = started[path];
      delete started[path];
      return promise;
    }
  };
})();
