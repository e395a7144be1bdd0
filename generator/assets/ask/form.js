/*
 * Kennisatlas question form (/vraag-stellen/): seven steps, one fieldset each, with the
 * draft kept in session storage and sent nowhere until the asker picks a way to send it.
 *
 * The form is in the page, hidden (templates/ask.md.j2); this script reveals it, so without
 * JavaScript the page shows the guidance and the contact points. compose.js turns a draft
 * into text, links and a YAML file; suggest.js (when the matcher loaded) suggests themes, a
 * region and needs, and lists what the atlas already has.
 */
(function () {
  "use strict";

  var script = document.currentScript;
  var compose = window.AtlasAskCompose;
  var STORAGE_KEY = "atlas-ask-draft";
  var TEXT_FIELDS = ["question", "title", "involved", "target_group", "known", "deadline"];
  var LONGEST_LINK = 8000;  // GitHub refuses longer addresses

  var root = document.getElementById("atlas-ask");
  var form = document.getElementById("atlas-ask-form");
  if (!root || !form || !compose) {
    return;
  }
  var repoUrl = script.getAttribute("data-repo-url") || "";
  var nationalEmail = script.getAttribute("data-contact-email") || "";
  var steps = Array.prototype.slice.call(form.querySelectorAll("fieldset[data-step]"));
  var progress = document.getElementById("atlas-ask-progress");
  var back = document.getElementById("atlas-ask-back");
  var next = document.getElementById("atlas-ask-next");
  var current = 1;
  var touched = { themes: false, region: false, needs: false };  // did the asker choose, or may suggestions?
  var listeners = [];                               // called with the draft after each change

  function byId(id) {
    return document.getElementById(id);
  }

  function controls(name) {
    return Array.prototype.slice.call(form.elements.namedItem(name) instanceof RadioNodeList ?
      form.elements.namedItem(name) : [form.elements.namedItem(name)]);
  }

  // ---------- the catalog: what the ids in the form stand for, rendered at build time ----------

  function readCatalog() {
    var catalog = { themes: {}, regions: {}, offers: {}, nationwide: "" };
    controls("themes").forEach(function (box) {
      catalog.themes[box.value] = {
        name: box.getAttribute("data-name"),
        domains: (box.getAttribute("data-domains") || "").split(" ").filter(Boolean)
      };
    });
    controls("region").forEach(function (radio) {
      if (!radio.value) {
        catalog.nationwide = radio.getAttribute("data-name");
        return;
      }
      catalog.regions[radio.value] = {
        name: radio.getAttribute("data-name"),
        email: radio.getAttribute("data-email") || "",
        via: radio.getAttribute("data-via") || ""
      };
    });
    controls("needs").forEach(function (box) {
      catalog.offers[box.value] = box.getAttribute("data-name");
    });
    return catalog;
  }

  var catalog = readCatalog();

  // ---------- the draft: read from and written to the form ----------

  function checked(name) {
    return controls(name).filter(function (box) { return box.checked; }).map(function (box) { return box.value; });
  }

  function draft() {
    var values = { themes: checked("themes"), region: checked("region")[0] || "", needs: checked("needs") };
    TEXT_FIELDS.forEach(function (name) { values[name] = form.elements.namedItem(name).value; });
    return values;
  }

  function setChecked(name, values) {
    controls(name).forEach(function (box) { box.checked = values.indexOf(box.value) >= 0; });
  }

  function fill(values) {
    TEXT_FIELDS.forEach(function (name) {
      form.elements.namedItem(name).value = typeof values[name] === "string" ? values[name] : "";
    });
    setChecked("themes", values.themes || []);
    setChecked("needs", values.needs || []);
    setChecked("region", [values.region || ""]);
  }

  function save() {
    try {
      sessionStorage.setItem(STORAGE_KEY, JSON.stringify({ step: current, touched: touched, draft: draft() }));
    } catch (error) {
      // Storage full or refused (private mode): the form works, the draft just does not survive a reload.
    }
  }

  function restore() {
    var saved = null;
    try {
      saved = JSON.parse(sessionStorage.getItem(STORAGE_KEY) || "null");
    } catch (error) {
      saved = null;
    }
    if (!saved || typeof saved !== "object" || !saved.draft) {
      return 1;
    }
    fill(saved.draft);
    Object.keys(touched).forEach(function (name) {
      touched[name] = Boolean(saved.touched && saved.touched[name]);
    });
    var step = Number(saved.step);
    return step >= 1 && step <= steps.length ? step : 1;
  }

  // ---------- steps ----------

  function showError(id, show, field) {
    var message = byId(id);
    message.hidden = !show;
    if (field) {
      var described = (field.getAttribute("aria-describedby") || "").split(" ").filter(function (ref) {
        return ref && ref !== id;
      });
      if (show) {
        described.push(id);
      }
      field.setAttribute("aria-describedby", described.join(" "));
      if (show && field.tagName !== "FIELDSET") {  // aria-invalid belongs on a control, not a group
        field.setAttribute("aria-invalid", "true");
      } else {
        field.removeAttribute("aria-invalid");
      }
    }
  }

  /** The first field of a step that is not filled in as it must be, after showing why; else null. */
  function invalidField(step) {
    if (step === 1) {
      var question = form.elements.namedItem("question");
      var empty = !question.value.trim();
      showError("ask-question-error", empty, question);
      return empty ? question : null;
    }
    if (step === 2) {
      var none = checked("themes").length === 0;
      showError("ask-themes-error", none, steps[1]);
      return none ? controls("themes")[0] : null;
    }
    return null;
  }

  function show(step, moveFocus) {
    current = step;
    steps.forEach(function (fieldset) {
      fieldset.hidden = Number(fieldset.getAttribute("data-step")) !== step;
    });
    back.hidden = step === 1;
    next.hidden = step === steps.length;
    progress.textContent = "Stap " + step + " van " + steps.length;
    if (step === steps.length) {
      updateReview();
    }
    if (moveFocus) {
      var legend = steps[step - 1].querySelector("legend");
      legend.focus();
    }
    save();
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    if (current >= steps.length) {
      return;
    }
    var wrong = invalidField(current);
    if (wrong) {
      wrong.focus();
      return;
    }
    show(current + 1, true);
  });

  back.addEventListener("click", function () {
    if (current > 1) {
      show(current - 1, true);
    }
  });

  byId("atlas-ask-reset").addEventListener("click", function () {
    try {
      sessionStorage.removeItem(STORAGE_KEY);
    } catch (error) {
      // nothing stored
    }
    form.reset();
    Object.keys(touched).forEach(function (name) {
      touched[name] = false;
    });
    showError("ask-question-error", false, form.elements.namedItem("question"));
    showError("ask-themes-error", false, steps[1]);
    changed();
    show(1, false);
    form.elements.namedItem("question").focus();
  });

  // ---------- the last step: the question as it will be sent, and four ways to send it ----------

  function updateReview() {
    var values = draft();
    byId("ask-review").value = compose.text(values, catalog);
    var issueUrl = compose.issueUrl(repoUrl, values, catalog);
    byId("ask-send-github").href = issueUrl;
    byId("ask-send-github-long").hidden = issueUrl.length <= LONGEST_LINK;
    var target = compose.mailTarget(values, catalog, nationalEmail);
    byId("ask-send-mail").href = compose.mailto(target.email, values, catalog);
    var where;
    if (target.via) {
      where = "Je e-mailprogramma opent een bericht aan " + target.email + " (" + target.via + ").";
    } else if (target.email) {
      where = "Je e-mailprogramma opent een bericht aan " + target.email + ", het landelijke adres van de " +
        "schakelfunctie" + (values.region ? ": deze regio heeft nog geen eigen e-mailadres." : ".");
    } else {
      where = "Je e-mailprogramma opent een bericht met je vraag, zonder adres: " +
        (values.region ? "deze regio heeft nog geen e-mailadres en " : "") +
        "er is nog geen landelijk e-mailadres. Vul zelf het adres in, bijvoorbeeld van een kennispartner " +
        "uit de voorstellen of van een schakelpunt hieronder.";
    }
    byId("ask-send-mail-to").textContent = where;
  }

  byId("ask-send-copy").addEventListener("click", function () {
    var review = byId("ask-review");
    var status = byId("ask-send-copy-status");
    function selectInstead() {
      review.focus();
      review.select();
      status.textContent = "De tekst is geselecteerd: kopieer hem met Ctrl+C (of Cmd+C).";
    }
    if (navigator.clipboard && navigator.clipboard.writeText) {
      navigator.clipboard.writeText(review.value).then(function () {
        status.textContent = "De tekst staat op het klembord.";
      }, selectInstead);
    } else {
      selectInstead();
    }
  });

  byId("ask-send-yaml").addEventListener("click", function () {
    var file = compose.yaml(draft(), catalog, new Date());
    var url = URL.createObjectURL(new Blob([file.text], { type: "application/yaml" }));
    var link = document.createElement("a");
    link.href = url;
    link.download = file.name;
    link.hidden = true;
    document.body.appendChild(link);
    link.click();
    link.remove();
    setTimeout(function () { URL.revokeObjectURL(url); }, 1000);
    byId("ask-send-yaml-status").textContent = "Gedownload: " + file.name + ".";
  });

  // ---------- changes ----------

  function changed() {
    var values = draft();
    listeners.forEach(function (listener) { listener(values); });
    if (current === steps.length) {
      updateReview();
    }
    save();
  }

  function clearFixedErrors(name) {
    if (name === "themes" && checked("themes").length) {
      showError("ask-themes-error", false, steps[1]);
    }
    var question = form.elements.namedItem("question");
    if (name === "question" && question.value.trim()) {
      showError("ask-question-error", false, question);
    }
  }

  form.addEventListener("input", function (event) {
    clearFixedErrors(event.target.name);
    changed();
  });
  form.addEventListener("change", function (event) {
    var name = event.target.name;
    if (Object.prototype.hasOwnProperty.call(touched, name)) {
      touched[name] = true;  // the asker chose: suggestions no longer change the choice
    }
    clearFixedErrors(name);
    changed();
  });

  // For suggest.js (and the tests): the draft, the catalog, and a way to hear of changes.
  window.AtlasAsk = {
    catalog: catalog,
    draft: draft,
    touched: touched,
    setChecked: function (name, values) {
      setChecked(name, values);
      save();
    },
    onChange: function (listener) {
      listeners.push(listener);
      listener(draft());
    },
    root: script.getAttribute("data-root") || "../"
  };

  root.hidden = false;
  show(restore(), false);
  if (window.AtlasAskSuggest) {
    window.AtlasAskSuggest.start(window.AtlasAsk);
  }
})();
