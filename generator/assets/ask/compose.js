/*
 * Kennisatlas question form: what the form makes of a draft, with no page in sight.
 *
 * A draft is {question, title, themes: [theme ids], region: region id or "", involved,
 * target_group, known, needs: [offer values], deadline: "JJJJ-MM-DD" or ""}; the catalog
 * names what the ids stand for (read from the page by form.js):
 * {themes: {id: {name, domains: [..]}}, regions: {id: {name, email, via}},
 *  offers: {value: label}, nationwide: "Landelijk / weet ik niet"}.
 *
 * The field names are those of generator/broker/askform.py FIELDS: the GitHub issue form
 * (.github/ISSUE_TEMPLATE/kennisvraag.yml) has the same ids, and GitHub fills in a field
 * from the URL parameter of that name. The YAML file follows generator/models.py Question.
 */
(function () {
  "use strict";

  var ISSUE_FIELDS = ["question", "themes", "region", "involved", "target_group", "known", "needs", "deadline"];
  var ISSUE_TEMPLATE = "kennisvraag.yml";
  var TITLE_PREFIX = "Kennisvraag: ";
  var SEPARATOR = "; ";  // askform.SEPARATOR: theme names hold commas
  var TITLE_LENGTH = 90;
  var ID_LENGTH = 60;
  var MONTHS = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
    "september", "oktober", "november", "december"];
  // Characters a YAML reader refuses even inside quotes, and lone surrogates.
  var UNPRINTABLE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u0084\u0086-\u009F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(^|[^\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

  function clean(text) {
    return String(text || "").replace(/\r\n?/g, "\n").replace(UNPRINTABLE, "$1").trim();
  }

  function oneLine(text) {
    return clean(text).replace(/\s+/g, " ");
  }

  function dateNl(iso) {
    var parts = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso || "");
    if (!parts) {
      return "";
    }
    return Number(parts[3]) + " " + MONTHS[Number(parts[2]) - 1] + " " + parts[1];
  }

  function isoDate(date) {
    function two(n) { return (n < 10 ? "0" : "") + n; }
    return date.getFullYear() + "-" + two(date.getMonth() + 1) + "-" + two(date.getDate());
  }

  /** The title: the asker's, else the question's first sentence, cut at a word. */
  function title(draft) {
    var own = oneLine(draft.title);
    if (own) {
      return own;
    }
    var question = oneLine(draft.question);
    var sentence = /^.*?[?.!](\s|$)/.exec(question);
    var text = sentence ? sentence[0].trim() : question;
    if (text.length <= TITLE_LENGTH) {
      return text;
    }
    var cut = text.slice(0, TITLE_LENGTH);
    var space = cut.lastIndexOf(" ");
    return (space > TITLE_LENGTH / 2 ? cut.slice(0, space) : cut) + "…";
  }

  /** An id as the atlas wants it (fieldtypes.ID_PATTERN): a-z, 0-9 and single hyphens. */
  function slug(text) {
    var plain = String(text || "").normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
    var id = plain.replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "");
    if (id.length > ID_LENGTH) {
      id = id.slice(0, ID_LENGTH);
      var hyphen = id.lastIndexOf("-");
      id = (hyphen > ID_LENGTH / 2 ? id.slice(0, hyphen) : id).replace(/-+$/, "");
    }
    return id || "kennisvraag";
  }

  function names(ids, table, key) {
    return (ids || []).filter(function (id) { return table[id]; }).map(function (id) {
      return key ? table[id][key] : table[id];
    });
  }

  function regionName(draft, catalog) {
    var region = catalog.regions[draft.region];
    return region ? region.name : catalog.nationwide;
  }

  /** The themes' domains, in the order of generator/vocab.py Domain. */
  function domains(draft, catalog) {
    var found = {};
    names(draft.themes, catalog.themes, "domains").forEach(function (list) {
      list.forEach(function (domain) { found[domain] = true; });
    });
    return ["fysiek", "sociaal"].filter(function (domain) { return found[domain]; });
  }

  /** The answers as the GitHub issue form's fields, by field id. */
  function fields(draft, catalog) {
    return {
      question: clean(draft.question),
      themes: names(draft.themes, catalog.themes, "name").join(SEPARATOR),
      region: regionName(draft, catalog),
      involved: oneLine(draft.involved),
      target_group: oneLine(draft.target_group),
      known: clean(draft.known),
      needs: names(draft.needs, catalog.offers).join(SEPARATOR),
      deadline: /^\d{4}-\d{2}-\d{2}$/.test(draft.deadline || "") ? draft.deadline : ""
    };
  }

  /** The well-formed question, as text to read, copy or mail. */
  function text(draft, catalog) {
    var f = fields(draft, catalog);
    var lines = [TITLE_PREFIX + title(draft), "", "Vraag:", f.question, ""];
    lines.push("Thema's: " + (f.themes || "nog niet gekozen"));
    lines.push("Regio: " + f.region);
    if (f.involved) { lines.push("Betrokken: " + f.involved); }
    if (f.target_group) { lines.push("Doelgroep: " + f.target_group); }
    if (f.needs) { lines.push("Nodig: " + f.needs); }
    if (f.deadline) { lines.push("Nodig vóór: " + dateNl(f.deadline)); }
    if (f.known) { lines.push("", "Wat al bekend is of geprobeerd:", f.known); }
    return lines.join("\n");
  }

  function issueUrl(repoUrl, draft, catalog) {
    var f = fields(draft, catalog);
    var query = [["template", ISSUE_TEMPLATE], ["title", TITLE_PREFIX + title(draft)]];
    ISSUE_FIELDS.forEach(function (id) { query.push([id, f[id]]); });
    return repoUrl.replace(/\/+$/, "") + "/issues/new?" + query.map(function (pair) {
      return pair[0] + "=" + encodeURIComponent(pair[1]);
    }).join("&");
  }

  /** Where an e-mail goes: the region's contact point, else the national address. */
  function mailTarget(draft, catalog, nationalEmail) {
    var region = catalog.regions[draft.region];
    if (region && region.email) {
      return { email: region.email, via: region.via };
    }
    return { email: nationalEmail, via: "" };
  }

  function mailto(address, draft, catalog) {
    return "mailto:" + address + "?subject=" + encodeURIComponent(TITLE_PREFIX + title(draft)) +
      "&body=" + encodeURIComponent(text(draft, catalog));
  }

  function yamlString(value) {
    return JSON.stringify(value);  // a JSON string is a YAML double-quoted scalar
  }

  function context(draft, catalog) {
    var f = fields(draft, catalog);
    var parts = [];
    if (f.involved) { parts.push("**Betrokken:** " + f.involved); }
    if (f.target_group) { parts.push("**Doelgroep:** " + f.target_group); }
    if (f.known) { parts.push("**Wat al bekend is of geprobeerd:**", f.known); }
    if (f.needs) { parts.push("**Nodig:** " + f.needs); }
    if (f.deadline) { parts.push("**Nodig vóór:** " + dateNl(f.deadline) + " (" + f.deadline + ")"); }
    return parts.join("\n\n");
  }

  /** A content/questions/<id>.yml file in the Question schema (status ingediend). */
  function yaml(draft, catalog, today) {
    var shown = title(draft);
    var out = ["id: " + slug(shown), "title: " + yamlString(shown), "question: " + yamlString(clean(draft.question))];
    if (catalog.regions[draft.region]) {
      out.push("region: " + draft.region);
    }
    var themes = (draft.themes || []).filter(function (id) { return catalog.themes[id]; });
    out.push("themes:");
    themes.forEach(function (id) { out.push("  - " + id); });
    out.push("domains:");
    domains(draft, catalog).forEach(function (domain) { out.push("  - " + domain); });
    out.push("status: ingediend", "submitted: " + isoDate(today || new Date()));
    var body = context(draft, catalog);
    if (body) {
      out.push("context: |-");
      body.split("\n").forEach(function (line) {
        var trimmed = line.replace(/\s+$/, "");
        out.push(trimmed ? "  " + trimmed : "");
      });
    }
    return { name: slug(shown) + ".yml", text: out.join("\n") + "\n" };
  }

  window.AtlasAskCompose = {
    ISSUE_FIELDS: ISSUE_FIELDS,
    title: title,
    slug: slug,
    fields: fields,
    text: text,
    issueUrl: issueUrl,
    mailTarget: mailTarget,
    mailto: mailto,
    yaml: yaml
  };
})();
