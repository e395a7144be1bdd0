/*
 * Kennisatlas search page, first lines of the page (inlined in <head> by theme/main.html,
 * before the stylesheets). Starts everything the first result needs at once:
 * - the catalog and the parts of the names index (by first two letters) for the words of the
 *   query in the URL;
 * - lunr.js, lunr-languages and search.js, inserted in order: scripts inserted by a script
 *   neither wait for the stylesheets nor hold up the page, so search.js loads the index and
 *   searches while the page itself is still loading, and shows the result once it is parsed.
 * search.js takes the downloads over (window.atlasSearchStart.take). A part guessed wrongly
 * costs only its own small download, because search.js fetches what it needs itself.
 * Also starts material's scripts once search.js has shown its first result.
 * The theme includes this file as a template: no Jinja delimiters in it.
 */
(function () {
  "use strict";

  var self = document.currentScript;
  var base = self.getAttribute("data-index");
  var started = {};
  var html = document.documentElement;

  // Hides the message for visitors without search (atlas.css) unless the search fails.
  html.classList.add("atlas-js");

  // A JSON file of the index, or an error that names it. search.js fetches with this too.
  function getJson(path) {
    return fetch(base + path).then(function (response) {
      if (!response.ok) {
        throw new Error(path + ": " + response.status);
      }
      return response.json();
    });
  }

  function fetchEarly(path) {
    started[path] = getJson(path);
    started[path].catch(function () {});  // search.js reports failures when it takes the download over
  }

  // The parts of the names index a term belongs to: generator/search/termsplit.py part_of (first letter)
  // and pair_of (first two letters; the "0" part serves both). search.js uses these too.
  function partOf(term) {
    var first = term.charAt(0);
    return first >= "a" && first <= "z" ? first : "0";
  }

  function pairOf(term) {
    var letter = partOf(term);
    if (letter === "0") {
      return letter;
    }
    var second = term.charAt(1);
    return letter + (second >= "a" && second <= "z" ? second : "0");
  }

  // A word as typed, lowercased and without leading punctuation, is in the pair search.js will
  // want: a stem keeps the word's first letters.
  function guessPair(word) {
    return pairOf(word.toLowerCase().replace(/^[^\w\u00c0-\u024f]+/, ""));
  }

  fetchEarly("catalog.json");
  var query = new URLSearchParams(window.location.search).get("q") || "";
  query.split(/[\s\-]+/).forEach(function (word) {
    var path = "names-" + guessPair(word) + ".json";
    if (word && !started[path]) {
      fetchEarly(path);
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

  // Runs then() once the page is parsed: at once if it is.
  function whenParsed(then) {
    if (document.readyState === "loading") {
      document.addEventListener("DOMContentLoaded", then, { once: true });
    } else {
      then();
    }
  }

  // The search cannot run: show the message for visitors without search, and start the theme
  // once the page is there.
  function fail() {
    html.classList.remove("atlas-js");
    whenParsed(startThemeScripts);
  }

  // In order, without waiting for the stylesheets (async = false: ordered, not parser-blocking).
  // The last is search.js, which reads where the site is from its own element.
  var sources = self.getAttribute("data-scripts").split(" ");
  sources.forEach(function (src, position) {
    var script = document.createElement("script");
    script.async = false;
    script.src = src;
    script.onerror = fail;
    if (position === sources.length - 1) {
      script.setAttribute("data-root", self.getAttribute("data-root"));
    }
    document.head.appendChild(script);
  });

  // Should search.js not get to its first result, the theme still starts, a little later.
  window.addEventListener("load", function () { setTimeout(startThemeScripts, 1000); });

  // Handed over once: a failed early fetch is retried by search.js's own.
  window.atlasSearchStart = {
    take: function (path) {
      var promise = started[path];
      delete started[path];
      return promise;
    },
    getJson: getJson,
    partOf: partOf,
    pairOf: pairOf,
    startThemeScripts: startThemeScripts,
    whenParsed: whenParsed,
    fail: fail
  };
})();
