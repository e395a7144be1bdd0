/*
 * Kennisatlas question form: suggestions while the asker types, from the atlas' matcher
 * (assets/broker/match.js over broker/match.json, the same method as `atlas match`).
 *
 * - Themes, a region and needs named in the question are suggested: marked "voorgesteld" and,
 *   as long as the asker did not choose in that step, ticked.
 * - Partners, practices and earlier questions that fit are listed with their reasons.
 *
 * The ask holds what the asker chose; what is only suggested stays out of it, because the
 * matcher recognises the same themes and regions in the text itself. So a question that is
 * only typed gets exactly the results of `atlas match "<question>"` (tests/broker/test_form_parity.py).
 */
(function () {
  "use strict";

  var script = document.currentScript;
  var matchUrl = script.getAttribute("data-match");
  var GROUPS = [["partner", "Kennispartners"], ["practice", "Goede praktijken"], ["question", "Eerdere vragen"]];
  var LIMIT = 5;     // results per group
  var DELAY = 300;   // ms after the last keystroke

  /** What goes to the matcher: the question, and only what the asker chose. */
  function ask(draft, touched) {
    return {
      text: draft.question,
      region: touched.region && draft.region ? draft.region : null,
      themes: touched.themes ? draft.themes.slice() : [],
      needs: touched.needs ? draft.needs.slice() : [],
      domain: null
    };
  }

  /** {kind: [match, …]} for the groups the page shows, best first. */
  function suggestions(matcher, draft, touched) {
    var found = {};
    var question = ask(draft, touched);
    GROUPS.forEach(function (group) {
      found[group[0]] = question.text.trim() ? matcher.match(question, { limit: LIMIT, kinds: [group[0]] }) : [];
    });
    return found;
  }

  function element(tag, text, className) {
    var node = document.createElement(tag);
    if (text) {
      node.textContent = text;
    }
    if (className) {
      node.className = className;
    }
    return node;
  }

  function showSuggested(form, recognised) {
    var catalog = form.catalog;
    Array.prototype.forEach.call(document.querySelectorAll("[data-suggested-for]"), function (badge) {
      var id = badge.getAttribute("data-suggested-for");
      badge.hidden = recognised.themes.indexOf(id) < 0 && recognised.regions.indexOf(id) < 0;
    });
    var themeNames = recognised.themes.filter(function (id) { return catalog.themes[id]; })
      .map(function (id) { return catalog.themes[id].name; });
    var regionNames = recognised.regions.filter(function (id) { return catalog.regions[id]; })
      .map(function (id) { return catalog.regions[id].name; });
    var themeLine = document.getElementById("ask-themes-suggested");
    themeLine.textContent = themeNames.length ? "Voorgesteld op basis van je vraag: " + themeNames.join(", ") + "." : "";
    themeLine.hidden = !themeNames.length;
    var regionLine = document.getElementById("ask-region-suggested");
    regionLine.textContent = regionNames.length ? "Voorgesteld op basis van je vraag: " + regionNames.join(", ") + "." : "";
    regionLine.hidden = !regionNames.length;
    if (!form.touched.themes) {
      form.setChecked("themes", recognised.themes);
    }
    if (!form.touched.region) {
      form.setChecked("region", [recognised.regions.length === 1 ? recognised.regions[0] : ""]);
    }
    if (!form.touched.needs) {
      form.setChecked("needs", recognised.needs);
    }
  }

  function render(box, found, siteRoot, hasQuestion) {
    var fragment = document.createDocumentFragment();
    var any = false;
    GROUPS.forEach(function (group) {
      var matches = found[group[0]];
      if (!matches.length) {
        return;
      }
      any = true;
      fragment.appendChild(element("h4", group[1]));
      var list = element("ul", "", "atlas-ask__results");
      matches.forEach(function (match) {
        var item = element("li");
        item.setAttribute("data-type", match.type);
        item.setAttribute("data-id", match.id);
        item.setAttribute("data-score", String(match.score));
        var link = element("a", match.name);
        link.href = siteRoot + match.url;
        item.appendChild(link);
        if (match.reasons.length) {
          item.appendChild(element("span", ": " + match.reasons.join("; "), "atlas-ask__reasons"));
        }
        list.appendChild(item);
      });
      fragment.appendChild(list);
    });
    if (!any) {
      fragment.appendChild(element("p", hasQuestion ?
        "Nog niets gevonden dat bij je vraag past. Schrijf er wat meer bij, of kies een thema." :
        "Begin met typen: dan zie je hier kennispartners, goede praktijken en eerdere vragen die bij je vraag passen."));
    }
    box.replaceChildren(fragment);
  }

  function start(form) {
    var box = document.getElementById("atlas-ask-results");
    var timer = null;
    var shown = "";
    var api = window.AtlasAskSuggest;
    if (typeof window.AtlasMatch === "undefined" || !matchUrl) {
      box.textContent = "De suggesties konden niet laden. Je kunt je vraag gewoon verder invullen en versturen.";
      return;
    }
    api.ready = window.AtlasMatch.load(matchUrl);
    api.ready.then(function (matcher) {
      function update(draft) {
        showSuggested(form, matcher.recognise(draft.question));
        var current = form.draft();
        var found = suggestions(matcher, current, form.touched);
        var key = JSON.stringify([Boolean(current.question.trim()), found]);
        if (key !== shown) {
          shown = key;
          render(box, found, form.root, Boolean(current.question.trim()));
        }
        api.updates += 1;
        api.shownFor = ask(current, form.touched);
      }
      form.onChange(function (draft) {
        clearTimeout(timer);
        timer = setTimeout(function () { update(draft); }, DELAY);
      });
    }, function () {
      box.textContent = "De suggesties konden niet laden. Je kunt je vraag gewoon verder invullen en versturen.";
    });
  }

  // updates and shownFor (the ask behind the suggestions on screen) let the tests know when the page caught up.
  window.AtlasAskSuggest = { start: start, ask: ask, suggestions: suggestions, ready: null, updates: 0, shownFor: null };
})();
