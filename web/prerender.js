/*
 * valuecalc: may this prerendered page be shown before app.wasm runs?
 *
 * Loaded, blocking, in the head of every page the build prerenders
 * (cmd/valuecalc/prerender.go). The page's <meta name="valuecalc-prerendered">
 * says which address it was rendered for. When this visit wants another page
 * (a static host sends index.html for every query string), opens a share link
 * (its #fragment never reaches the server) or the visitor's own saved work,
 * or will be spoken to in another language than the page's,
 * the prerendered figures would be someone else's: the page is hidden behind
 * a neutral shell (class vc-shell, web/app.css) until the wasm replaces it.
 */
(function () {
  "use strict";
  var meta = document.querySelector('meta[name="valuecalc-prerendered"]');
  if (!meta) {
    return;
  }
  // primary is a language tag's primary subtag, as i18n.Parse reads it:
  // "de" for "de-AT", " DE_ch".
  function primary(tag) {
    return String(tag).trim().replace(/_/g, "-").split("-")[0].toLowerCase();
  }
  // The same key as pageKey in cmd/valuecalc/prerender.go.
  var q = new URLSearchParams(location.search);
  var ok = true, embed = false, template = "", asked = "";
  q.forEach(function (v, k) {
    if (k === "origin" || k === "cta") {
      return; // whom to answer; a button at the page's end
    } else if (k === "embed" && v === "1" && q.getAll(k).length === 1) {
      embed = true;
    } else if (k === "lang" && q.getAll(k).length === 1) {
      // i18n.Parse: the primary subtag of a language the app speaks.
      asked = primary(v);
      if ((meta.dataset.speaks || "").split(" ").indexOf(asked) < 0) {
        ok = false;
      }
    } else if (k === "template" && q.getAll(k).length === 1) {
      template = v;
    } else {
      ok = false;
    }
  });
  var parts = [];
  if (embed) {
    parts.push("embed=1");
  }
  if (asked) {
    parts.push("lang=" + asked);
  }
  if (template) {
    parts.push("template=" + template);
  }
  var key = parts.join("&");
  // The default page opens the visitor's last assessment if there is one.
  var own = false;
  if (!embed && !template) {
    try {
      var index = localStorage.getItem("valuecalc/v1/index");
      own = !!index && index !== "[]" && index !== "{}";
    } catch (e) {
      own = true; // unknown: do not guess
    }
  }
  // The language the app will speak (i18n.Match): the first of the
  // browser's it knows, else English; a brand's language is fixed (no
  // data-langs), and ?lang= already makes the key differ.
  var lang = meta.dataset.lang;
  var known = (meta.dataset.langs || "").split(" ").filter(Boolean);
  if (known.length) {
    lang = "en";
    var prefs = navigator.languages || [navigator.language || ""];
    for (var i = 0; i < prefs.length; i++) {
      var p = primary(prefs[i]);
      if (known.indexOf(p) >= 0) {
        lang = p;
        break;
      }
    }
  }
  // A language chosen in the app's menu wins over both (app/state
  // startLang), except in an embed, where the host decides; ?lang= wins
  // over all of them.
  if (asked) {
    lang = asked;
  } else if (!embed) {
    try {
      var saved = localStorage.getItem("valuecalc/v1/lang");
      if (saved) {
        lang = saved;
      }
    } catch (e) {
      lang = ""; // unknown: do not guess
    }
  }
  if (!ok || key !== meta.content || location.hash.length > 1 || own || lang !== meta.dataset.lang) {
    document.documentElement.classList.add("vc-shell");
  }
})();
