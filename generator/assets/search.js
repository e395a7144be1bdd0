/*
 * Kennisatlas search page: a prebuilt lunr index (Dutch pipeline of lunr-languages),
 * facets that follow the query, and the whole state in the URL.
 *
 * Loading: catalog.json (titles and facets of every entry) first, with the parts of the
 * names index (names and synonyms, split by first letter) for the words in the query;
 * full-text shards per region only when a region filter is active, when the names
 * find nothing in a small atlas, or when the visitor asks for them; snippets in
 * chunks, for the results on screen.
 *
 * The page's first lines (theme/partials/atlas-search-start.js) insert this script from the
 * <head>, so it usually runs before the page is parsed: it loads and searches at once, and
 * touches the page only once it is there (whenParsed).
 */
(function () {
  "use strict";

  var script = document.currentScript;
  var pageStart = window.atlasSearchStart;  // atlas-search-start.js, which inserted this script
  var whenParsed = pageStart.whenParsed;

  // Material's scripts wait for the first result (see atlas-search-start.js).
  function startTheme() {
    pageStart.startThemeScripts();
  }

  if (typeof lunr === "undefined" || typeof lunr.nl === "undefined") {
    pageStart.fail();  // shows the message for visitors without search
    return;
  }
  var siteRoot = script.getAttribute("data-root");
  var FACETS = [
    ["type", "Soort"],
    ["theme", "Thema"],
    ["region", "Regio"],
    ["level", "Schaal"],
    ["domain", "Domein"],
    ["status", "Status"]
  ];
  var DIGIT_ZERO = 48;  // "0": the catalog's columns hold number n as the character 48 + n
  var FACET_NAMES = FACETS.map(function (facet) { return facet[0]; });
  var PAGE_SIZE = 25;
  var AUTO_FULLTEXT_GZIP_BYTES = 1000000;  // load all descriptions unasked only when that is small
  var PREFIX_MIN_LENGTH = 3;               // "ve*" would match nearly everything
  var hasOwn = Object.prototype.hasOwnProperty;

  // The page's parts, once it is parsed (bindPage).
  var root, form, input, statusLine, facetBox, resultBox, moreText, filterBox;

  var catalog = null;     // by ref: titles, ids the titles do not give; facets; labels; shards (search/searchindex.py)
  var count = 0;          // entries in the atlas; refs are 0 … count - 1
  var titles = null;      // lines of catalog.title
  var facets = {};        // facet -> {start, values, keys, code}: the values of ref n are values[start[n] … start[n+1]]
  var snippets = [];      // ref -> snippet text once its chunk is loaded ("" for none)
  var names = {};         // part (first letter or two) -> lunr.Index of the names whose terms start so, once loaded
  var nameLoads = {};     // part -> Promise
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
    // A stem keeps its word's first letter (only an accent on it can go), so a word that starts
    // with another letter a–z cannot stem to a wanted stem: most words on screen need no stemming.
    var firstLetters = wanted.map(function (w) { return w.charAt(0); }).join("");
    function mayStemToWanted(word) {
      var first = word.charAt(0);
      return !(first >= "a" && first <= "z") || firstLetters.indexOf(first) >= 0;
    }
    return text.split(/(\s+)/).map(function (part) {
      var word = normalise(part);
      var hit = word && (tokens.some(function (t) { return word.indexOf(t) === 0; }) ||
        (mayStemToWanted(word) && wanted.indexOf(stem(word)) >= 0));
      return hit ? "<mark>" + escapeHtml(part) + "</mark>" : escapeHtml(part);
    }).join("");
  }

  // ---------- loading ----------

  // atlas-search-start.js began the first downloads before this script ran.
  function fetchJson(path) {
    var early = pageStart.take(path);
    var fresh = function () { return pageStart.getJson(path); };
    return early ? early.catch(fresh) : fresh();
  }

  // The parts of the names index holding a term: by its first letter, and by its first two.
  var namePart = pageStart.partOf;
  var namePair = pageStart.pairOf;

  // The parts a query word is looked up in: those of its stem (exact match) and of the word itself
  // (prefix; fuzzy). Exact and prefix lookups need only the pairs; a fuzzy one may change any
  // letter but the first, so it needs the whole letter. Every part exists, so they can be fetched
  // before the catalog is in.
  function partsOf(tokens, fuzzy) {
    var parts = [];
    tokens.forEach(function (word) {
      [word, stem(word)].forEach(function (term) {
        var part = fuzzy ? namePart(term) : namePair(term);
        if (parts.indexOf(part) < 0) {
          parts.push(part);
        }
      });
    });
    return parts;
  }

  // The loaded index that holds a part's terms: its letter's part holds those of all its pairs.
  function namesIndex(part) {
    return names[namePart(part)] || names[part];
  }

  function loadNames(part) {
    if (!nameLoads[part]) {
      nameLoads[part] = fetchJson("names-" + part + ".json").then(function (data) {
        names[part] = lunr.Index.load(data);
      });
    }
    return nameLoads[part];
  }

  function unloadedNames(query, fuzzy) {
    return partsOf(queryTokens(query), fuzzy).filter(function (part) { return !namesIndex(part); });
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

  // Scores by ref in typed arrays, with the refs that have one in order of arrival: a widened
  // word scores a thousand entries at 20,000, too many for an object keyed by ref.
  function newScores() {
    return { value: new Float64Array(count), has: new Uint8Array(count), refs: [] };
  }

  function setScore(scores, ref, value) {
    if (!scores.has[ref]) {
      scores.has[ref] = 1;
      scores.refs.push(ref);
    }
    scores.value[ref] = value;
  }

  function raiseScore(scores, ref, value) {
    if (!scores.has[ref] || scores.value[ref] < value) {
      setScore(scores, ref, value);
    }
  }

  // A word that names a theme or region (or one of its synonyms) also finds what is
  // filed under it, a little lower: "hittestress" finds everything on klimaatadaptatie.
  function widen(scores) {
    scores.refs.slice().forEach(function (ref) {
      var type = typeOf(ref);
      var filed = type === "theme" || type === "region" ? refsWith(type, idOf(ref)) : [];
      var score = scores.value[ref] / 2;
      filed.forEach(function (other) { raiseScore(scores, other, score); });
    });
    return scores;
  }

  // Words of the facet labels ("landelijk", "kennisvraag", "lopend") find the entries with that
  // value, at a low score, so that the index need not repeat them for every entry. (Kinds of
  // organisation, such as "universiteit", are in the names index already.)
  var LABEL_FACETS = ["type", "level", "domain", "status"];
  var LABEL_SCORE = 0.5;
  var labelValues = {};  // stem of a label word -> [[facet, value], …]; tiny, made at load

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

  var refsByValue = {};  // "facet value" -> refs with that value, made the first time a query needs it

  function refsWith(facet, value) {
    var key = facet + " " + value;
    if (!refsByValue[key]) {
      // Straight from the catalog's column: on the way to the first result, building the column costs as much.
      var raw = catalog.facets[facet];
      var wanted = catalog.keys[facet].indexOf(value) + DIGIT_ZERO;
      var refs = refsByValue[key] = [];
      var ref;
      if (wanted < DIGIT_ZERO) {
        return refs;
      }
      if (typeof raw === "string") {
        for (ref = 0; ref < count; ref++) {
          if (raw.charCodeAt(ref) === wanted) {
            refs.push(ref);
          }
        }
      } else {
        var start = startsOf(facet);
        for (ref = 0; ref < count; ref++) {
          for (var i = start[ref]; i < start[ref + 1]; i++) {
            if (raw.values.charCodeAt(i) === wanted) {
              refs.push(ref);
              break;
            }
          }
        }
      }
    }
    return refsByValue[key];
  }

  function labelScores(word, scores) {
    (labelValues[stem(word)] || []).forEach(function (pair) {
      refsWith(pair[0], pair[1]).forEach(function (ref) { raiseScore(scores, ref, LABEL_SCORE); });
    });
  }

  // Name score plus the best description score: an entry in two regions sits in two
  // full-text shards, and must not count twice.
  function scoresFor(word, fuzzy) {
    var scores = newScores();
    var text = newScores();
    var searched = [];  // a letter's part can stand in for both pairs of a word: search it once
    partsOf([word], fuzzy).map(namesIndex).forEach(function (index) {
      if (!index || searched.indexOf(index) >= 0) {
        return;
      }
      searched.push(index);
      runQuery(index, word, fuzzy).forEach(function (result) {
        var ref = Number(result.ref);
        setScore(scores, ref, scores.value[ref] + result.score);
      });
    });
    Object.keys(shards).forEach(function (id) {
      runQuery(shards[id], word, fuzzy).forEach(function (result) {
        raiseScore(text, Number(result.ref), result.score);
      });
    });
    text.refs.forEach(function (ref) {
      setScore(scores, ref, scores.value[ref] + text.value[ref]);
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
    var missing = [];  // parts a fuzzy lookup needs that are not loaded yet
    tokens.forEach(function (word) {
      var scores = scoresFor(word, false);
      if (!scores.refs.length) {
        missing = missing.concat(unloadedNames(word, true));
        scores = scoresFor(word, true);
        fuzzy = fuzzy || scores.refs.length > 0;
      }
      if (combined === null) {
        combined = scores;
        return;
      }
      var next = newScores();
      combined.refs.forEach(function (ref) {
        if (scores.has[ref]) {
          setScore(next, ref, combined.value[ref] + scores.value[ref]);
        }
      });
      combined = next;
    });
    if (combined === null) {
      return { tokens: tokens, refs: [], fuzzy: fuzzy, missing: missing };
    }
    var value = combined.value;
    var refs = combined.refs.slice().sort(function (a, b) { return value[b] - value[a] || a - b; });
    return { tokens: tokens, refs: refs, fuzzy: fuzzy, missing: missing };
  }

  // ---------- facets ----------

  // Where each entry's values start in a multi-valued column's string: the sums of the counts
  // before it. Enough to read one entry's values, which is all the results on screen need.
  var valueStarts = {};  // facet -> Int32Array(count + 1)

  function startsOf(facet) {
    if (!valueStarts[facet]) {
      var counts = catalog.facets[facet].count;
      var start = new Int32Array(count + 1);
      for (var ref = 0, at = 0; ref < count; ref++) {
        start[ref] = at;
        at += counts.charCodeAt(ref) - DIGIT_ZERO;
      }
      start[count] = at;
      valueStarts[facet] = start;
    }
    return valueStarts[facet];
  }

  // Every facet column as {start, values}, for counting and filtering. In the catalog a column is a
  // string of digits (searchindex.digits): a single-valued one with "/" for none, a multi-valued one
  // as {count, values}.
  function column(facet) {
    var raw = catalog.facets[facet];
    var start, values, ref;
    if (typeof raw === "string") {
      start = new Int32Array(count + 1);
      values = new Int32Array(count);
      var at = 0;
      for (ref = 0; ref < count; ref++) {
        start[ref] = at;
        var number = raw.charCodeAt(ref) - DIGIT_ZERO;
        if (number >= 0) {  // -1: none
          values[at++] = number;
        }
      }
      start[count] = at;
    } else {
      start = startsOf(facet);
      values = new Int32Array(raw.values.length);
      for (var i = 0; i < raw.values.length; i++) {
        values[i] = raw.values.charCodeAt(i) - DIGIT_ZERO;
      }
    }
    var result = { start: start, values: values, keys: catalog.keys[facet], code: {} };
    result.keys.forEach(function (key, code) { result.code[key] = code; });
    return result;
  }

  // Made the first time they are needed: after the first result, for the facet counts.
  function facetColumn(facet) {
    if (!facets[facet]) {
      facets[facet] = column(facet);
    }
    return facets[facet];
  }

  // Every entry has a type: read it from the catalog's string, without making the column.
  function typeOf(ref) {
    return catalog.keys.type[catalog.facets.type.charCodeAt(ref) - DIGIT_ZERO];
  }

  // An entry's values of a facet, straight from the catalog's strings: the results on screen
  // need them before any column is made.
  function valuesOf(ref, facet) {
    var keys = catalog.keys[facet];
    var raw = catalog.facets[facet];
    if (typeof raw === "string") {
      var number = raw.charCodeAt(ref) - DIGIT_ZERO;
      return number >= 0 ? [keys[number]] : [];
    }
    var start = startsOf(facet);
    var values = [];
    for (var i = start[ref]; i < start[ref + 1]; i++) {
      values.push(keys[raw.values.charCodeAt(i) - DIGIT_ZERO]);
    }
    return values;
  }

  // The catalog leaves out ids that are the title in lowercase with dashes (searchindex.catalog_id).
  function titleSlug(title) {
    return title.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "");
  }

  // Titles come as one string, a line per entry (searchindex.joined): only the lines on
  // screen become strings of their own.
  function lines(text) {
    var starts = new Int32Array(count + 1);
    for (var ref = 1, at = -1; ref <= count; ref++) {
      at = text.indexOf("\n", at + 1);
      starts[ref] = at < 0 ? text.length + 1 : at + 1;
    }
    return { text: text, starts: starts };
  }

  function lineOf(column, ref) {
    return column.text.slice(column.starts[ref], column.starts[ref + 1] - 1);
  }

  function titleOf(ref) {
    return lineOf(titles, ref);
  }

  function idOf(ref) {
    return catalog.id[ref] || titleSlug(titleOf(ref));
  }

  function urlOf(ref) {
    return catalog.sections[typeOf(ref)] + "/" + idOf(ref) + "/";
  }

  // The filters as {facet: {code: true}}, for the loops over every result.
  function filterCodes(filters) {
    var codes = {};
    Object.keys(filters).forEach(function (facet) {
      if (FACET_NAMES.indexOf(facet) >= 0 && filters[facet].length) {
        var code = facetColumn(facet).code;
        codes[facet] = {};
        filters[facet].forEach(function (value) {
          if (value in code) {
            codes[facet][code[value]] = true;
          }
        });
      }
    });
    return codes;
  }

  function passes(ref, codes, except) {
    for (var facet in codes) {
      if (facet !== except) {
        var column = facetColumn(facet);
        var found = false;
        for (var i = column.start[ref]; i < column.start[ref + 1] && !found; i++) {
          found = codes[facet][column.values[i]] === true;
        }
        if (!found) {
          return false;
        }
      }
    }
    return true;
  }

  var alphabetical = null;  // every ref by title, made once: the order of a search without words

  function candidates(result) {
    if (state.q.trim()) {
      return result.refs;
    }
    if (!hasFilters()) {
      return [];
    }
    if (!alphabetical) {
      // Only here, not on the way to a search's first result: the first Intl.Collator("nl")
      // costs Chromium 35–80 ms (its Dutch collation data).
      var compare = new Intl.Collator("nl").compare;
      alphabetical = [];
      for (var ref = 0; ref < count; ref++) {
        alphabetical.push(ref);
      }
      var all = alphabetical.map(titleOf);
      alphabetical.sort(function (a, b) { return compare(all[a], all[b]) || a - b; });
    }
    return alphabetical;
  }

  function hasFilters() {
    return Object.keys(state.filters).some(function (k) { return state.filters[k].length; });
  }

  var atlasCounts = null;  // facet counts over the whole atlas, for the page without query or filter

  function facetCounts(refs, facet) {
    var whole = !state.q.trim() && !hasFilters();
    if (whole && atlasCounts && atlasCounts[facet]) {
      return atlasCounts[facet];
    }
    var column = facetColumn(facet);
    var codes = filterCodes(state.filters);
    var byCode = new Int32Array(column.keys.length);
    var countRef = function (ref) {
      if (passes(ref, codes, facet)) {
        for (var i = column.start[ref]; i < column.start[ref + 1]; i++) {
          byCode[column.values[i]]++;
        }
      }
    };
    if (whole) {
      for (var ref = 0; ref < count; ref++) {
        countRef(ref);
      }
    } else {
      refs.forEach(countRef);
    }
    var counts = {};
    column.keys.forEach(function (key, code) {
      if (byCode[code]) {
        counts[key] = byCode[code];
      }
    });
    if (whole) {
      atlasCounts = atlasCounts || {};
      atlasCounts[facet] = counts;
    }
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
      // Equal counts keep the catalog's order, which is alphabetical by label (searchindex.labels).
      var code = facetColumn(name).code;
      var position = function (value) { return hasOwn.call(code, value) ? code[value] : Infinity; };
      values.sort(function (a, b) {
        return (counts[b] || 0) - (counts[a] || 0) || position(a) - position(b) || (a < b ? -1 : a > b ? 1 : 0);
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
      var regions = valuesOf(ref, "region").map(function (id) { return catalog.labels.region[id] || id; });
      var snippet = snippets[ref];
      return '<li class="atlas-result" data-ref="' + ref + '"><a href="' + siteRoot + urlOf(ref) + '">' +
        highlight(titleOf(ref), result.tokens) + "</a>" +
        '<p class="atlas-result__meta"><span class="atlas-kind">' + escapeHtml(catalog.labels.type[typeOf(ref)]) +
        "</span> " + escapeHtml(regions.join(", ")) + "</p>" +
        '<p class="atlas-result__snippet">' + (snippet ? highlight(snippet, result.tokens) : "") + "</p>" +
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
    var codes = filterCodes(state.filters);
    return candidates(result).filter(function (ref) { return passes(ref, codes, null); });
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
      if (snippets[ref] === undefined) {
        wanted[snippetShard(ref)] = true;
      }
    });
    Object.keys(wanted).forEach(function (shard) {
      if (!snippetLoads[shard]) {
        snippetLoads[shard] = fetchJson("snippets-" + shard + ".json").then(function (chunk) {
          var first = Number(shard) * catalog.snippetChunk;
          var last = Math.min(first + catalog.snippetChunk, count);
          for (var ref = first; ref < last; ref++) {
            snippets[ref] = chunk[ref] || "";
          }
        });
      }
      snippetLoads[shard].then(function () {
        Array.prototype.forEach.call(resultBox.querySelectorAll(".atlas-result"), function (item) {
          var ref = item.getAttribute("data-ref");
          var box = item.querySelector(".atlas-result__snippet");
          if (snippets[ref] && !box.innerHTML) {
            box.innerHTML = highlight(snippets[ref], shownResult.tokens);
          }
        });
      });
    });
  }

  // After the browser has painted the next frame: requestAnimationFrame runs just before that
  // frame is rendered, and a task queued from there runs after it.
  function afterPaint(then) {
    requestAnimationFrame(function () { setTimeout(then, 0); });
  }

  var renderRound = 0;  // only the latest render fetches snippets and draws facet counts

  // Results first. Fetching their snippets, the facet counts and (once) material's scripts wait
  // until the results are on screen: run before that frame, they held it up by about 100 ms at
  // 20,000 entries on a 2-core machine.
  function render(searched) {
    var result = searched || search(state.q);
    var refs = matching(result);
    renderResults(refs, result);
    statusLine.textContent = describe(refs.length, result);
    renderFulltextOffer();
    if (!timings.firstResult && refs.length) {
      timings.firstResult = performance.now();
      afterPaint(function () { timings.firstResultPainted = performance.now(); });
    }
    var round = ++renderRound;
    afterPaint(function () {
      if (round === renderRound) {
        fillSnippets(result);
        renderFacets(result.refs);
      }
      startTheme();
    });
    return result;
  }

  // Region filters bring in their own full-text shard; a query the names
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
    Promise.all(wanted.map(loadShard)).then(refresh);
  }

  // A search once the parts of the names index it needs are loaded: first the pairs of its words,
  // then, for a word that finds nothing exactly, its whole letter for the fuzzy lookup.
  function searchLoaded(query) {
    var missing = unloadedNames(query, false);
    if (missing.length) {
      return Promise.all(missing.map(loadNames)).then(function () { return searchLoaded(query); });
    }
    var result = search(query);
    if (result.missing.length) {
      return Promise.all(result.missing.map(loadNames)).then(function () { return searchLoaded(query); });
    }
    return Promise.resolve(result);
  }

  // Render the state once the names of its words are loaded. A result is never shown from
  // part of the names: "Geen resultaten" must not flash by while a letter is on its way.
  function refresh() {
    var query = state.q;
    return searchLoaded(query).then(function (result) {
      if (state.q === query) {  // the visitor typed on meanwhile: that search renders
        ensureShards(render(result));
      }
    });
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
    refresh();
  }

  // ---------- the page ----------

  function listen() {
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
      Promise.all(unloadedShards(Object.keys(catalog.shards)).map(loadShard)).then(refresh);
    });
    window.addEventListener("popstate", function () {
      readUrl();
      input.value = state.q;
      refresh();
    });
  }

  function bindPage() {
    root = document.getElementById("atlas-search");
    form = document.getElementById("atlas-search-form");
    input = document.getElementById("atlas-q");
    statusLine = document.getElementById("atlas-status");
    facetBox = document.getElementById("atlas-facets");
    resultBox = document.getElementById("atlas-results");
    moreText = document.getElementById("atlas-fulltext");
    filterBox = document.getElementById("atlas-filters");
    // The message for visitors without JavaScript stays only where this script does not run.
    var noScript = document.getElementById("atlas-nojs");
    noScript.parentNode.removeChild(noScript);
    input.value = state.q;
    // Beside the results on wide screens; folded under "Filters" on phones, open when filters are active.
    var wide = window.matchMedia("(min-width: 45em)");
    filterBox.open = wide.matches || hasFilters();
    wide.addEventListener("change", function () { filterBox.open = wide.matches || filterBox.open; });
    if (!catalog) {
      statusLine.textContent = "De zoekfunctie wordt geladen\u2026";
    }
    listen();
  }

  // ---------- start ----------

  readUrl();
  var firstNames = Promise.all(unloadedNames(state.q, false).map(loadNames));  // at once, beside the catalog
  var pageBound = new Promise(whenParsed).then(bindPage);
  var ready = fetchJson("catalog.json").then(function (data) {
    timings.fetched = performance.now();
    catalog = data;
    count = catalog.count;
    titles = lines(catalog.title);
    indexLabels();
    timings.mapped = performance.now();
    return firstNames;
  }).then(function () {
    timings.loaded = performance.now();
    return pageBound;
  }).then(function () {
    root.classList.add("atlas-search--ready");
    return refresh();
  }).catch(function (error) {
    pageBound.then(function () {
      statusLine.textContent = "De zoekfunctie kon niet laden. Gebruik de overzichten in het menu.";
      startTheme();
    });
    throw error;
  });

  // For tests and benchmarks: the same search the page runs, and when things happened.
  window.atlasSearch = {
    ready: ready,
    timings: timings,
    // The refs for a query, from the parts of the names index loaded so far (see loadAllNames).
    search: function (query) { return search(query).refs; },
    // Results as the page would list them for a query and filters ({theme: ["droogte"]}), as urls.
    results: function (query, filters) {
      return searchLoaded(query).then(function (result) {
        var saved = state;
        state = { q: query, filters: filters || {}, shown: PAGE_SIZE };
        try {
          return matching(result).map(urlOf);
        } finally {
          state = saved;
        }
      });
    },
    loadAllNames: function () {
      return Promise.all(catalog.names.map(loadNames));
    },
    loadAllShards: function () {
      return Promise.all(Object.keys(catalog.shards).map(loadShard));
    }
  };
})();
