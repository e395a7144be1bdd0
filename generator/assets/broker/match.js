// The atlas' matcher in the browser: the same method as generator/broker/match (matcher.py, score.py,
// reasons.py, recognise.py), line for line, over the same data (broker/match.json, written at
// build time). Sums are taken in the same order as in Python, so both give the same numbers;
// tests/broker/test_match_js.py holds them to it.
// Needs lunr with lunr-languages' stemmer support and lunr.nl (the search page's Dutch pipeline).
// In a page it sets window.AtlasMatch; in node, require() returns a function of lunr.
(function (root, factory) {
  "use strict";
  if (typeof module === "object" && module.exports) {
    module.exports = factory;
  } else {
    root.AtlasMatch = factory(root.lunr);
  }
})(this, function (lunr) {
  "use strict";

  var SEPARATORS = /[ \t\n\r\f\v\u00a0-]/; // lunrbuild._SEPARATORS
  var COMPOUND_PREFIX = 5; // recognise.COMPOUND_PREFIX
  var SCORE_DIGITS = 6;
  var TEXT_WORDS_SHOWN = 3;
  var LINKS_SHOWN = 2;
  var LINK_PHRASES = {
    practice: "betrokken bij de praktijk",
    research: "betrokken bij het onderzoek",
    network: "lid van het netwerk",
    question: "gekoppeld aan de vraag"
  };
  var PARTS = ["text", "themes", "region", "offers", "links", "domain"];
  var termCache = Object.create(null);

  function token(text) {
    return new lunr.Token(text, {});
  }

  function trim(word) {
    return lunr.nl.trimmer(token(word)).toString();
  }

  // lunrbuild.index_term: trim, drop stop words, stem; null when dropped.
  function indexTerm(word) {
    if (word in termCache) return termCache[word];
    var trimmed = trim(word);
    var term = lunr.nl.stopWordFilter(token(trimmed)) === undefined ? null : lunr.nl.stemmer(token(trimmed)).toString();
    termCache[word] = term;
    return term;
  }

  // match._terms_of: [word as typed (trimmed), index term] for each word the pipeline keeps.
  function termsOf(text) {
    var pairs = [];
    String(text || "").toLowerCase().split(SEPARATORS).forEach(function (word) {
      if (!word) return;
      var term = indexTerm(word);
      if (term) pairs.push([trim(word), term]);
    });
    return pairs;
  }

  function has(list, value) {
    return list.indexOf(value) >= 0;
  }

  function unique(values) {
    var seen = [];
    values.forEach(function (value) {
      if (!has(seen, value)) seen.push(value);
    });
    return seen;
  }

  function round(value) {
    return Number(value.toFixed(SCORE_DIGITS));
  }

  // recognise.canonical
  function canonical(term) {
    if (term.slice(-1) === "z") return term.slice(0, -1) + "s";
    if (term.slice(-1) === "v") return term.slice(0, -1) + "f";
    return term;
  }

  function termMatches(word, term, single) {
    return word === term || (single && term.length >= COMPOUND_PREFIX && word.indexOf(term) === 0);
  }

  function positions(terms, phrase, compounds) {
    var found = [];
    var single = compounds && phrase.length === 1;
    for (var start = 0; start < terms.length - phrase.length + 1; start++) {
      var all = true;
      for (var i = 0; i < phrase.length && all; i++) all = termMatches(terms[start + i], phrase[i], single);
      if (all) found.push(start);
    }
    return found;
  }

  function compareFound(a, b) {
    if (a[0] !== b[0]) return a[0] - b[0];
    if (a[1] !== b[1]) return a[1] < b[1] ? -1 : 1;
    return a[2] < b[2] ? -1 : a[2] > b[2] ? 1 : 0;
  }

  // recognise.recognise
  function recognise(typed, phrases) {
    var terms = typed.map(canonical);
    var first = Object.create(null);
    var consumed = Object.create(null);
    phrases.forEach(function (phrase) {
      var found = positions(terms, phrase[2], phrase[0] !== "need");
      if (!found.length) return;
      var key = phrase[0] + "\u0000" + phrase[1];
      first[key] = Math.min(found[0], key in first ? first[key] : terms.length);
      found.forEach(function (start) {
        for (var i = 0; i < phrase[2].length; i++) consumed[start + i] = true;
      });
    });
    var ordered = Object.keys(first)
      .map(function (key) {
        var pair = key.split("\u0000");
        return [first[key], pair[0], pair[1]];
      })
      .sort(compareFound);
    function of(kind) {
      return ordered.filter(function (item) { return item[1] === kind; }).map(function (item) { return item[2]; });
    }
    return { themes: of("theme"), regions: of("region"), needs: of("need"), consumed: consumed };
  }

  function Matcher(data) {
    this.data = data;
    this.weights = data.weights;
    this.docs = data.docs;
    this.filler = Object.create(null);
    var filler = this.filler;
    data.filler.forEach(function (term) { filler[term] = true; });
  }

  Matcher.prototype.recognise = function (text) {
    var found = recognise(termsOf(text).map(function (pair) { return pair[1]; }), this.data.phrases);
    return { themes: found.themes, regions: found.regions, needs: found.needs };
  };

  // Matcher.understand
  Matcher.prototype.understand = function (ask) {
    var data = this.data;
    var filler = this.filler;
    var typed = termsOf(ask.text);
    var recognised = recognise(typed.map(function (pair) { return pair[1]; }), data.phrases);
    var terms = [];
    var words = Object.create(null);
    typed.forEach(function (pair, position) {
      var term = pair[1];
      if (Object.prototype.hasOwnProperty.call(data.idf, term) && !filler[term] && !recognised.consumed[position]) {
        if (!(term in words)) {
          words[term] = pair[0];
          terms.push(term);
        }
      }
    });
    var themes = unique((ask.themes || []).concat(recognised.themes)).filter(function (theme) {
      return Object.prototype.hasOwnProperty.call(data.themes, theme);
    });
    var related = [];
    themes.forEach(function (theme) {
      data.themes[theme].related.forEach(function (other) {
        if (!has(themes, other) && !has(related, other)) related.push(other);
      });
    });
    return {
      terms: terms,
      words: words,
      themes: themes,
      related: related,
      regions: unique((ask.region ? [ask.region] : []).concat(recognised.regions)),
      needs: unique((ask.needs || []).concat(recognised.needs)),
      domain: ask.domain || null
    };
  };

  // score.text_contributions
  function textContributions(doc, understood, data) {
    var k1 = data.weights.k1;
    var b = data.weights.b;
    var norm = k1 * (1 - b + b * doc.length / data.average_length);
    var contributions = [];
    understood.terms.forEach(function (term) {
      var tf = Object.prototype.hasOwnProperty.call(doc.terms, term) ? doc.terms[term] : 0;
      if (tf) contributions.push([term, data.idf[term] * tf * (k1 + 1) / (tf + norm)]);
    });
    return contributions;
  }

  function textPart(doc, understood, data) {
    var total = 0.0;
    textContributions(doc, understood, data).forEach(function (pair) { total += pair[1]; });
    if (total === 0) return 0.0;
    return data.weights.text * total / (total + data.text_half);
  }

  function switchboardOf(doc, understood, data) {
    if (doc.type !== "partner") return [];
    return understood.regions.filter(function (region) {
      var info = data.regions[region];
      return info !== undefined && info.trekker === doc.id;
    });
  }

  function themePart(doc, understood, weights) {
    var shared = understood.themes.filter(function (theme) { return has(doc.themes, theme); });
    if (shared.length) {
      return weights.theme + Math.min(weights.theme_more * (shared.length - 1), weights.theme_more_max);
    }
    var related = understood.related.filter(function (theme) { return has(doc.themes, theme); });
    return related.length ? weights.related : 0.0;
  }

  function regionPart(doc, understood, data) {
    var weights = data.weights;
    if (switchboardOf(doc, understood, data).length) return weights.region + weights.switchboard;
    if (!understood.regions.length) return doc.national ? weights.national_anywhere : 0.0;
    if (understood.regions.some(function (region) { return has(doc.regions, region); })) return weights.region;
    return doc.national ? weights.national : 0.0;
  }

  function linkedOnThemes(doc, understood) {
    return doc.links.filter(function (link) {
      return link[3].some(function (theme) { return has(understood.themes, theme); });
    });
  }

  function scoreParts(doc, understood, data) {
    var weights = data.weights;
    var offered = understood.needs.filter(function (need) { return has(doc.offers, need); });
    return {
      text: textPart(doc, understood, data),
      themes: themePart(doc, understood, weights),
      region: regionPart(doc, understood, data),
      offers: Math.min(weights.offer * offered.length, weights.offer_max),
      links: Math.min(weights.link * linkedOnThemes(doc, understood).length, weights.link_max),
      domain: understood.domain && has(doc.domains, understood.domain) ? weights.domain : 0.0
    };
  }

  function isResult(parts, data) {
    return parts.text > 0 || parts.themes > 0 || parts.links > 0 || parts.region >= data.weights.region;
  }

  function total(parts) {
    var sum = 0.0;
    PARTS.forEach(function (name) { sum += parts[name]; });
    return sum;
  }

  function names(ids, table) {
    return ids.map(function (id) { return table[id].name; }).join(", ");
  }

  // reasons.reasons_for
  function reasonsFor(doc, understood, data) {
    var reasons = [];
    var shared = understood.themes.filter(function (theme) { return has(doc.themes, theme); });
    if (shared.length) {
      reasons.push((shared.length === 1 ? "zelfde thema" : "zelfde thema's") + ": " + names(shared, data.themes));
    } else {
      var related = understood.related.filter(function (theme) { return has(doc.themes, theme); });
      if (related.length) reasons.push("verwant thema: " + names(related.slice(0, 1), data.themes));
    }
    var led = switchboardOf(doc, understood, data);
    var inside = understood.regions.filter(function (region) { return has(doc.regions, region); });
    if (led.length) {
      reasons.push("schakelfunctie van " + names(led, data.regions));
    } else if (inside.length) {
      var verb = doc.type === "partner" || doc.type === "network" ? "actief in" : "in";
      reasons.push(verb + " " + names(inside, data.regions));
    } else if (doc.national) {
      reasons.push(doc.national_reason);
    }
    var offered = understood.needs.filter(function (need) { return has(doc.offers, need); });
    if (offered.length) {
      reasons.push("biedt " + offered.map(function (need) { return data.offers[need].toLowerCase(); }).join(", "));
    }
    linkedOnThemes(doc, understood).slice(0, LINKS_SHOWN).forEach(function (link) {
      reasons.push(LINK_PHRASES[link[0]] + " " + link[2]);
    });
    var contributions = textContributions(doc, understood, data);
    if (contributions.length) {
      var strongest = contributions.slice().sort(function (a, b) {
        if (a[1] !== b[1]) return b[1] - a[1];
        return a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0;
      }).slice(0, TEXT_WORDS_SHOWN);
      reasons.push("past bij je woorden: " + strongest.map(function (pair) { return understood.words[pair[0]]; }).join(", "));
    }
    if (understood.domain && has(doc.domains, understood.domain)) {
      reasons.push("zelfde domein: " + data.domains[understood.domain]);
    }
    return reasons;
  }

  // Matcher.match: every entry is scored (the page's atlas is small enough); Python looks only at
  // the entries that can score, which are the same results.
  Matcher.prototype.match = function (ask, options) {
    options = options || {};
    var limit = options.limit === undefined ? 10 : options.limit;
    var kinds = options.kinds || null;
    var data = this.data;
    var understood = this.understand(ask);
    var scored = [];
    this.docs.forEach(function (doc, number) {
      if (kinds && !has(kinds, doc.type)) return;
      var parts = scoreParts(doc, understood, data);
      if (isResult(parts, data)) scored.push([-total(parts), number, parts]);
    });
    scored.sort(function (a, b) { return a[0] !== b[0] ? a[0] - b[0] : a[1] - b[1]; });
    var chosen = limit === null ? scored : scored.slice(0, limit);
    var docs = this.docs;
    return chosen.map(function (item) {
      var doc = docs[item[1]];
      var parts = {};
      PARTS.forEach(function (name) { parts[name] = round(item[2][name]); });
      return {
        type: doc.type,
        id: doc.id,
        name: doc.name,
        url: doc.url,
        score: round(total(item[2])),
        parts: parts,
        reasons: reasonsFor(doc, understood, data)
      };
    });
  };

  function load(url) {
    return fetch(url, { credentials: "same-origin" }).then(function (response) {
      if (!response.ok) throw new Error(url + ": " + response.status);
      return response.json();
    }).then(function (data) {
      return new Matcher(data);
    });
  }

  return { load: load, Matcher: Matcher };
});
