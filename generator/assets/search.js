/*
 * Kennisatlas search page: a prebuilt lunr index (Dutch pipeline of lunr-languages),
 * facets that follow the query, and the whole state in the URL.
 *
 * Loading: catalog.json (facets of every entry) + light.json (names and synonyms) first;
 * full-text shards per region only when a region filter is active, when the light
 * index finds nothing in a small atlas, or when the visitor asks for them; snippets
 * in chunks, for the results on screen.
 */
(function () {
  "use strict";

  var root = document.getElementById("atlas-search");
  if (!root || typeof lunr === "undefined" || typeof lunr.nl === "undefined") {
    return;
  }
  // The message for visitors without JavaScript stays only where this script does not run.
  var noScript = document.getElementById("atlas-nojs");
  noScript.parentNode.removeChild(noScript);
  var indexBase = root.getAttribute("data-index");
  var siteRoot = root.getAttribute("data-root");
  var FACETS = [
    ["type", "Soort"],
    ["theme", "Thema"],
    ["region", "Regio"],
    ["level", "Schaal"],
    ["domain", "Domein"],
    ["status", "Status"]
  ];
  var PAGE_SIZE = 25;
  var AUTO_FULLTEXT_GZIP_BYTES = 1000000;  // load all descriptions unasked only when that is small
  var PREFIX_MIN_LENGTH = 3;               // "ve*" would match nearly everything

  var form = document.getElementById("atlas-search-form");
  var input = document.getElementById("atlas-q");
  var statusLine = document.getElementById("atlas-status");
  var facetBox = document.getElementById("atlas-facets");
  var resultBox = document.getElementById("atlas-results");
  var moreText = document.getElementById("atlas-fulltext");
  var filterBox = document.getElementById("atlas-filters");

  var catalog = null;
  var docs = [];          // ref -> {id, title, type, url, regions, themes, level, domains, status, snippet}
  var filedUnder = { theme: {}, region: {} };  // theme or region id -> refs of the entries filed under it
  var light = null;
  var shards = {};        // shard id -> lunr.Index once loaded
  var snippetLoads = {};  // snippet chunk number -> Promise of its snippets
  var loading = {};       // shard id -> Promise
  var state = { q: "", filters: {}, shown: PAGE_SIZE };
  var timings = { start: performance.now() };

  // ---------- text helpers ----------

  function token(text) {
    return new lunr.Token(text, {});
  }

  function normalise(word) {
    // The same trimming as the index pipeline, and no lunr query syntax in a term.
    var trimmed = lunr.nl.trimmer(token(word.toLowerCase())).toString();
    return trimmed.replace(/[*:~^+]/g, "");
  }

  function queryTokens(query) {
    var words = query.split(lunr.tokenizer.separator);
    var tokens = [];
    for (var i = 0; i < words.length; i++) {
      var word = normalise(words[i]);
      if (word && lunr.nl.stopWordFilter(token(word)) && tokens.indexOf(word) < 0) {
        tokens.push(word);
      }
    }
    return tokens;
  }

  var stems = {};  // highlighting stems every word on screen; most recur

  function stem(word) {
    var lower = word.toLowerCase();
    if (!(lower in stems)) {
      stems[lower] = lunr.nl.stemmer(token(lower)).toString();
    }
    return stems[lower];
  }

  function escapeHtml(text) {
    return String(text).replace(/[&<>"']/g, function (c) {
      return { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" }[c];
    });
  }

  function highlight(text, tokens) {
    if (!tokens.length) {
      return escapeHtml(text);
    }
    var wanted = tokens.map(stem);
    return text.split(/(\s+)/).map(function (part) {
      var word = normalise(part);
      var hit = word && (wanted.indexOf(stem(word)) >= 0 || tokens.some(function (t) {
        return word.indexOf(t) === 0;
      }));
      return hit ? "<mark>" + escapeHtml(part) + "</mark>" : escapeHtml(part);
    }).join("");
  }

  // ---------- loading ----------

  function fetchJson(path) {
    return fetch(indexBase + path).then(function (response) {
      if (!response.ok) {
        throw new Error(path + ": " + response.status);
      }
      return response.json();
    });
  }

  function loadShard(id) {
    if (!loading[id]) {
      loading[id] = fetchJson(catalog.shards[id].file).then(function (data) {
        shards[id] = lunr.Index.load(data);
      });
    }
    return loading[id];
  }

  function unloadedShards(ids) {
    return ids.filter(function (id) { return catalog.shards[id] && !shards[id]; });
  }

  function shardBytes(ids) {
    return ids.reduce(function (sum, id) { return sum + catalog.shards[id].gzip; }, 0);
  }

  // ---------- searching ----------

  function runQuery(index, word, fuzzy) {
    return index.query(function (q) {
      if (fuzzy) {
        var distance = word.length >= 8 ? 2 : 1;
        q.term(word, { usePipeline: false, editDistance: distance });
        q.term(stem(word), { usePipeline: false, editDistance: distance });
      } else {
        q.term(word, { usePipeline: true, boost: 10 });
        if (word.length >= PREFIX_MIN_LENGTH) {
          q.term(word, { usePipeline: false, wildcard: lunr.Query.wildcard.TRAILING, boost: 1 });
        }
      }
    });
  }

  // A word that names a theme or region (or one of its synonyms) also finds what is
  // filed under it, a little lower: "hittestress" finds everything on klimaatadaptatie.
  function widen(scores) {
    Object.keys(scores).forEach(function (ref) {
      var doc = docs[ref];
      var filed = doc.type === "theme" || doc.type === "region" ? filedUnder[doc.type][doc.id] || [] : [];
      filed.forEach(function (other) {
        var score = scores[ref] / 2;
        if (!(other in scores) || scores[other] < score) {
          scores[other] = score;
        }
      });
    });
    return scores;
  }

  // Words of the facet labels ("landelijk", "kennisvraag", "lopend") find the entries with that
  // value, at a low score, so that the index need not repeat them for every entry. (Kinds of
  // organisation, such as "universiteit", are in the names index already.)
  var LABEL_FACETS = ["type", "level", "domain", "status"];
  var LABEL_SCORE = 0.5;
  var labelValues = {};  // stem of a label word -> [[facet, value], …]; tiny, made at load
  var labelRefs = {};    // "facet value" -> refs, made the first time a query needs it

  function indexLabels() {
    LABEL_FACETS.forEach(function (facet) {
      var labels = catalog.labels[facet] || {};
      Object.keys(labels).forEach(function (value) {
        queryTokens(labels[value]).forEach(function (word) {
          var key = stem(word);
          (labelValues[key] = labelValues[key] || []).push([facet, value]);
        });
      });
    });
  }

  function refsWith(facet, value) {
    var key = facet + " " + value;
    if (!labelRefs[key]) {
      labelRefs[key] = [];
      for (var ref = 0; ref < docs.length; ref++) {
        if (docValues(docs[ref], facet).indexOf(value) >= 0) {
          labelRefs[key].push(ref);
        }
      }
    }
    return labelRefs[key];
  }

  function labelScores(word, scores) {
    (labelValues[stem(word)] || []).forEach(function (pair) {
      refsWith(pair[0], pair[1]).forEach(function (ref) {
        if (!(ref in scores) || scores[ref] < LABEL_SCORE) {
          scores[ref] = LABEL_SCORE;
        }
      });
    });
  }

  // Name score plus the best description score: an entry in two regions sits in two
  // full-text shards, and must not count twice.
  function scoresFor(word, fuzzy) {
    var scores = {};
    var text = {};
    runQuery(light, word, fuzzy).forEach(function (result) {
      scores[result.ref] = result.score;
    });
    Object.keys(shards).forEach(function (id) {
      runQuery(shards[id], word, fuzzy).forEach(function (result) {
        text[result.ref] = Math.max(text[result.ref] || 0, result.score);
      });
    });
    Object.keys(text).forEach(function (ref) {
      scores[ref] = (scores[ref] || 0) + text[ref];
    });
    widen(scores);
    if (!fuzzy) {
      labelScores(word, scores);  // after widening: "thema" lists the themes, not all they hold
    }
    return scores;
  }

  // Every word must match (in any field of any loaded index); a word that matches
  // nothing is retried with a small edit distance.
  function search(query) {
    var tokens = queryTokens(query);
    var combined = null;
    var fuzzy = false;
    tokens.forEach(function (word) {
      var scores = scoresFor(word, false);
      if (!Object.keys(scores).length) {
        scores = scoresFor(word, true);
        fuzzy = fuzzy || Object.keys(scores).length > 0;
      }
      if (combined === null) {
        combined = scores;
        return;
      }
      var next = {};
      Object.keys(combined).forEach(function (ref) {
        if (ref in scores) {
          next[ref] = combined[ref] + scores[ref];
        }
      });
      combined = next;
    });
    var refs = Object.keys(combined || {});
    refs.sort(function (a, b) { return combined[b] - combined[a] || Number(a) - Number(b); });
    return { tokens: tokens, refs: refs.map(Number), fuzzy: fuzzy };
  }

  // ---------- facets ----------

  function docValues(doc, facet) {
    var value = {
      type: doc.type, theme: doc.themes, region: doc.regions.length ? doc.regions : ["landelijk"],
      level: doc.level, domain: doc.domains, status: doc.status
    }[facet];
    if (Array.isArray(value)) {
      return value;
    }
    return value ? [value] : [];
  }

  function passes(doc, except) {
    return FACETS.every(function (facet) {
      var name = facet[0];
      var wanted = state.filters[name];
      if (name === except || !wanted || !wanted.length) {
        return true;
      }
      var values = docValues(doc, name);
      return wanted.some(function (value) { return values.indexOf(value) >= 0; });
    });
  }

  function candidates(result) {
    if (state.q.trim()) {
      return result.refs;
    }
    var all = [];
    if (hasFilters()) {
      for (var i = 0; i < docs.length; i++) {
        all.push(i);
      }
      all.sort(function (a, b) { return docs[a].title.localeCompare(docs[b].title, "nl"); });
    }
    return all;
  }

  function hasFilters() {
    return Object.keys(state.filters).some(function (k) { return state.filters[k].length; });
  }

  var atlasCounts = null;  // facet counts over the whole atlas, for the page without query or filter

  function facetCounts(refs, facet) {
    var counts = {};
    var pool = refs;
    if (!state.q.trim() && !hasFilters()) {
      if (atlasCounts && atlasCounts[facet]) {
        return atlasCounts[facet];
      }
      pool = docs.map(function (_, i) { return i; });
      atlasCounts = atlasCounts || {};
      atlasCounts[facet] = counts;
    }
    pool.forEach(function (ref) {
      var doc = docs[ref];
      if (passes(doc, facet)) {
        docValues(doc, facet).forEach(function (value) { counts[value] = (counts[value] || 0) + 1; });
      }
    });
    return counts;
  }

  function renderFacets(refs) {
    var html = [];
    FACETS.forEach(function (facet) {
      var name = facet[0];
      var counts = facetCounts(refs, name);
      var selected = state.filters[name] || [];
      var values = Object.keys(counts);
      selected.forEach(function (value) { if (values.indexOf(value) < 0) { values.push(value); } });
      if (!values.length) {
        return;
      }
      var labels = catalog.labels[name] || {};
      values.sort(function (a, b) {
        return (counts[b] || 0) - (counts[a] || 0) || String(labels[a] || a).localeCompare(labels[b] || b, "nl");
      });
      html.push('<fieldset class="atlas-facet"><legend>' + facet[1] + "</legend><ul>");
      values.forEach(function (value) {
        var id = "f-" + name + "-" + value;
        var checked = selected.indexOf(value) >= 0 ? " checked" : "";
        html.push('<li><input type="checkbox" id="' + escapeHtml(id) + '" name="' + name + '" value="' +
          escapeHtml(value) + '"' + checked + '><label for="' + escapeHtml(id) + '">' +
          escapeHtml(labels[value] || value) + ' <span class="atlas-count">(' + (counts[value] || 0) +
          ")</span></label></li>");
      });
      html.push("</ul></fieldset>");
    });
    var focused = facetBox.contains(document.activeElement) ? document.activeElement.id : null;
    facetBox.innerHTML = html.join("");
    var again = focused && document.getElementById(focused);
    if (again) {
      again.focus();  // a keyboard user stays on the box they just ticked
    }
  }

  // ---------- results ----------

  function renderResults(refs, result) {
    var shown = refs.slice(0, state.shown);
    var items = shown.map(function (ref) {
      var doc = docs[ref];
      var regions = doc.regions.map(function (id) { return catalog.labels.region[id] || id; });
      return '<li class="atlas-result" data-ref="' + ref + '"><a href="' + siteRoot + doc.url + '">' +
        highlight(doc.title, result.tokens) + "</a>" +
        '<p class="atlas-result__meta"><span class="atlas-kind">' + escapeHtml(catalog.labels.type[doc.type]) +
        "</span> " + escapeHtml(regions.length ? regions.join(", ") : "Landelijk") + "</p>" +
        '<p class="atlas-result__snippet">' + (doc.snippet ? highlight(doc.snippet, result.tokens) : "") + "</p>" +
        "</li>";
    });
    var html = items.length ? '<ol class="atlas-results">' + items.join("") + "</ol>" : "";
    if (refs.length > shown.length) {
      html += '<button type="button" class="md-button" id="atlas-more">Toon meer resultaten (' +
        (refs.length - shown.length) + ")</button>";
    }
    resultBox.innerHTML = html;
  }

  function describe(count, result) {
    var query = state.q.trim();
    if (!query && !hasFilters()) {
      return "Typ een zoekwoord of kies een filter.";
    }
    var text = count === 0 ? "Geen resultaten" : count === 1 ? "1 resultaat" : count + " resultaten";
    if (query) {
      text += " voor \u201c" + query + "\u201d";
    }
    if (result.fuzzy && count) {
      text += " (geen exacte treffer; resultaten bij benadering)";
    }
    return text + ".";
  }

  function renderFulltextOffer() {
    var missing = unloadedShards(Object.keys(catalog.shards));
    if (!state.q.trim() || !missing.length) {
      moreText.hidden = true;
      return;
    }
    moreText.hidden = false;
    var kilobytes = Math.ceil(shardBytes(missing) / 1024);
    moreText.textContent = "Zoek ook in alle beschrijvingen (" +
      (kilobytes >= 1024 ? (kilobytes / 1024).toFixed(1).replace(".", ",") + " MB" : kilobytes + " kB") + ")";
  }

  function matching(result) {
    return candidates(result).filter(function (ref) { return passes(docs[ref], null); });
  }

  // Snippets arrive after the results: fetched in small chunks of refs, for the results on screen only.
  function snippetShard(ref) {
    return String(Math.floor(ref / catalog.snippetChunk));
  }

  var shownResult = null;  // the result on screen; late snippets are highlighted for it, not for an older one

  function fillSnippets(result) {
    shownResult = result;
    var items = resultBox.querySelectorAll(".atlas-result");
    var wanted = {};
    Array.prototype.forEach.call(items, function (item) {
      var ref = item.getAttribute("data-ref");
      if (docs[ref].snippet === null) {
        wanted[snippetShard(ref)] = true;
      }
    });
    Object.keys(wanted).forEach(function (shard) {
      if (!snippetLoads[shard]) {
        snippetLoads[shard] = fetchJson("snippets-" + shard + ".json").then(function (snippets) {
          var first = Number(shard) * catalog.snippetChunk;
          var last = Math.min(first + catalog.snippetChunk, docs.length);
          for (var ref = first; ref < last; ref++) {
            docs[ref].snippet = snippets[ref] || "";
          }
        });
      }
      snippetLoads[shard].then(function () {
        Array.prototype.forEach.call(resultBox.querySelectorAll(".atlas-result"), function (item) {
          var ref = item.getAttribute("data-ref");
          var box = item.querySelector(".atlas-result__snippet");
          if (docs[ref].snippet && !box.innerHTML) {
            box.innerHTML = highlight(docs[ref].snippet, shownResult.tokens);
          }
        });
      });
    });
  }

  var facetTimer = null;

  // Results first; the facet counts follow in the next task, so they never hold up the results.
  function render() {
    var result = search(state.q);
    var refs = matching(result);
    renderResults(refs, result);
    statusLine.textContent = describe(refs.length, result);
    if (!timings.firstResult && refs.length) {
      timings.firstResult = performance.now();
    }
    fillSnippets(result);
    renderFulltextOffer();
    clearTimeout(facetTimer);
    facetTimer = setTimeout(function () { renderFacets(result.refs); }, 0);
    return result;
  }

  // Region filters bring in their own full-text shard; a query the light index
  // cannot answer brings in the rest when that is small enough.
  function ensureShards(result) {
    var wanted = unloadedShards(state.filters.region || []);
    if (state.q.trim() && !result.refs.length) {
      var all = unloadedShards(Object.keys(catalog.shards));
      if (shardBytes(all) <= AUTO_FULLTEXT_GZIP_BYTES) {
        wanted = all;
      }
    }
    if (!wanted.length) {
      return;
    }
    Promise.all(wanted.map(loadShard)).then(render);
  }

  // ---------- URL state ----------

  function readUrl() {
    var params = new URLSearchParams(window.location.search);
    state.q = params.get("q") || "";
    state.filters = {};
    FACETS.forEach(function (facet) {
      var values = params.getAll(facet[0]).filter(Boolean);
      if (values.length) {
        state.filters[facet[0]] = values;
      }
    });
    state.shown = PAGE_SIZE;
    input.value = state.q;
  }

  function writeUrl(push) {
    var params = new URLSearchParams();
    if (state.q.trim()) {
      params.set("q", state.q.trim());
    }
    FACETS.forEach(function (facet) {
      (state.filters[facet[0]] || []).forEach(function (value) { params.append(facet[0], value); });
    });
    var search = params.toString();
    var url = window.location.pathname + (search ? "?" + search : "");
    if (url !== window.location.pathname + window.location.search) {
      window.history[push ? "pushState" : "replaceState"](null, "", url);
    }
  }

  function update(push) {
    writeUrl(push);
    ensureShards(render());
  }

  // ---------- events ----------

  var typing = null;
  input.addEventListener("input", function () {
    clearTimeout(typing);
    typing = setTimeout(function () {
      state.q = input.value;
      state.shown = PAGE_SIZE;
      update(false);
    }, 120);
  });
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    clearTimeout(typing);
    state.q = input.value;
    state.shown = PAGE_SIZE;
    update(true);
  });
  facetBox.addEventListener("change", function (event) {
    var box = event.target;
    var values = state.filters[box.name] || [];
    values = box.checked ? values.concat([box.value]) : values.filter(function (v) { return v !== box.value; });
    state.filters[box.name] = values;
    state.shown = PAGE_SIZE;
    update(true);
  });
  resultBox.addEventListener("click", function (event) {
    if (event.target && event.target.id === "atlas-more") {
      state.shown += PAGE_SIZE;
      var first = state.shown - PAGE_SIZE;
      render();
      var next = resultBox.querySelectorAll(".atlas-result a")[first];
      if (next) {
        next.focus();
      }
    }
  });
  moreText.addEventListener("click", function () {
    Promise.all(unloadedShards(Object.keys(catalog.shards)).map(loadShard)).then(render);
  });
  window.addEventListener("popstate", function () {
    readUrl();
    ensureShards(render());
  });

  // ---------- start ----------

  // Catalog rows → entries; plain loops, because at 20,000 rows this is on the way to the first result.
  function mapDocs(data) {
    var at = {};
    data.fields.forEach(function (name, i) { at[name] = i; });
    var keys = data.keys;
    var rows = data.docs;
    var mapped = new Array(rows.length);
    function many(facet, positions) {
      for (var i = 0; i < positions.length; i++) {
        positions[i] = keys[facet][positions[i]];
      }
      return positions;
    }
    for (var ref = 0; ref < rows.length; ref++) {
      var row = rows[ref];
      var type = keys.type[row[at.type]];
      var themes = many("theme", row[at.themes]);
      var regions = many("region", row[at.regions]);
      for (var t = 0; t < themes.length; t++) {
        (filedUnder.theme[themes[t]] = filedUnder.theme[themes[t]] || []).push(ref);
      }
      for (var r = 0; r < regions.length; r++) {
        (filedUnder.region[regions[r]] = filedUnder.region[regions[r]] || []).push(ref);
      }
      mapped[ref] = {
        id: row[at.id], title: row[at.title], type: type, themes: themes, regions: regions,
        level: keys.level[row[at.level]] || "", domains: many("domain", row[at.domains]),
        status: keys.status[row[at.status]] || "", snippet: null,
        url: data.sections[type] + "/" + row[at.id] + "/"
      };
    }
    return mapped;
  }

  readUrl();
  // Beside the results on wide screens; folded under "Filters" on phones, open when filters are active.
  var wide = window.matchMedia("(min-width: 45em)");
  filterBox.open = wide.matches || hasFilters();
  wide.addEventListener("change", function () { filterBox.open = wide.matches || filterBox.open; });
  statusLine.textContent = "De zoekfunctie wordt geladen\u2026";
  var ready = Promise.all([fetchJson("catalog.json"), fetchJson("light.json")]).then(function (loaded) {
    timings.fetched = performance.now();
    catalog = loaded[0];
    docs = mapDocs(catalog);
    timings.mapped = performance.now();
    light = lunr.Index.load(loaded[1]);
    indexLabels();
    timings.loaded = performance.now();
    root.classList.add("atlas-search--ready");
    ensureShards(render());
  }).catch(function (error) {
    statusLine.textContent = "De zoekfunctie kon niet laden. Gebruik de overzichten in het menu.";
    throw error;
  });

  // For tests and benchmarks: the same search the page runs, and when things happened.
  window.atlasSearch = {
    ready: ready,
    timings: timings,
    search: function (query) { return search(query).refs; },
    // Results as the page would list them for a query and filters ({theme: ["droogte"]}), as urls.
    results: function (query, filters) {
      var saved = state;
      state = { q: query, filters: filters || {}, shown: PAGE_SIZE };
      try {
        return matching(search(query)).map(function (ref) { return docs[ref].url; });
      } finally {
        state = saved;
      }
    },
    loadAllShards: function () {
      return Promise.all(Object.keys(catalog.shards).map(loadShard));
    }
  };
})();
