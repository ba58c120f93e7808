/*
 * valuecalc embedding kit: place the calculator on your page in an iframe
 * that sizes itself, and listen to its results.
 *
 *   <div id="value-calculator"></div>
 *   <script src="https://YOUR-VALUECALC-HOST/web/embed.js"></script>
 *   <script>
 *     const calc = valuecalc.embed("#value-calculator", {template: "software-purchase"});
 *     calc.on("result", (result) => console.log(result.scenarios[0].net));
 *     calc.on("cta", (msg) => prefillMyForm(msg.result, msg.answers, msg.link));
 *   </script>
 *
 * Options: template (a template id), model (a valuecalc/1 model
 * object, sent once the calculator is ready), lang (the calculator's
 * language: "en", "de", "fr" or "es"; the visitor's browser's by default),
 * accent (its accent colour, "#RRGGBB": one too light for white text on
 * it is ignored, with a warning in the console), title (the iframe's
 * accessible name), height (the first height in CSS pixels, 600 by default),
 * cta (the label of a button ending the questions, "Book a call").
 * Events: "ready", "result" (the result object of SPEC §4; embed.answers
 * and embed.link hold the visitor's answers and the share link), "cta"
 * ({result, answers, link} when the visitor presses the cta button: the
 * calculator sends nothing anywhere by itself), "resize" (the height in
 * pixels). valuecalc.on(type, fn) listens to every embed on the
 * page. Without this script, a plain iframe works too:
 *
 *   <iframe src="https://YOUR-VALUECALC-HOST/?embed=1&template=segments&lang=de&accent=15803d"
 *           title="Customer value calculator" style="width:100%;height:1400px;border:0"></iframe>
 */
(function () {
  "use strict";
  if (window.valuecalc && window.valuecalc.embed) {
    return;
  }
  var script = document.currentScript;
  // The app lives where this script came from: https://host/path/web/embed.js.
  var appURL = new URL("../", script ? script.src : location.href);
  var global = { ready: [], result: [], cta: [], resize: [] };
  var embeds = [];

  function listen(handlers, type, fn) {
    if (!handlers[type]) {
      throw new Error("valuecalc: no event " + JSON.stringify(type) + "; use ready, result, cta or resize");
    }
    handlers[type].push(fn);
  }

  function fire(handlers, type, value, embed) {
    handlers[type].slice().forEach(function (fn) {
      try {
        fn(value, embed);
      } catch (err) {
        setTimeout(function () { throw err; });
      }
    });
  }

  window.addEventListener("message", function (event) {
    if (event.origin !== appURL.origin) {
      return;
    }
    var msg = event.data;
    if (!msg || typeof msg.type !== "string" || msg.type.indexOf("valuecalc:") !== 0) {
      return;
    }
    embeds.forEach(function (embed) {
      if (embed.iframe.contentWindow === event.source) {
        embed._receive(msg);
      }
    });
  });

  function Embed(container, options) {
    options = options || {};
    var self = this;
    var src = new URL(appURL.href);
    src.searchParams.set("embed", "1");
    src.searchParams.set("origin", location.origin);
    if (options.template) {
      src.searchParams.set("template", options.template);
    }
    if (options.lang) {
      src.searchParams.set("lang", options.lang);
    }
    if (options.accent) {
      src.searchParams.set("accent", String(options.accent).replace(/^#/, ""));
    }
    if (options.cta) {
      src.searchParams.set("cta", options.cta);
    }
    this.handlers = { ready: [], result: [], cta: [], resize: [] };
    this.result = null;
    this.ready = false;
    this._pending = options.model || null;

    var iframe = document.createElement("iframe");
    iframe.src = src.href;
    iframe.title = options.title || "Customer value calculator";
    iframe.style.width = "100%";
    iframe.style.border = "0";
    iframe.style.display = "block";
    iframe.style.height = (options.height || 600) + "px";
    iframe.setAttribute("allow", "clipboard-write");
    container.appendChild(iframe);
    this.iframe = iframe;

    this._receive = function (msg) {
      switch (msg.type) {
        case "valuecalc:ready":
          self.ready = true;
          if (self._pending) {
            self.load(self._pending);
            self._pending = null;
          }
          fire(self.handlers, "ready", msg.format, self);
          fire(global, "ready", msg.format, self);
          break;
        case "valuecalc:result":
          self.result = msg.result;
          self.answers = msg.answers;
          self.link = msg.link;
          fire(self.handlers, "result", msg.result, self);
          fire(global, "result", msg.result, self);
          break;
        case "valuecalc:cta":
          var pressed = { result: msg.result, answers: msg.answers, link: msg.link };
          fire(self.handlers, "cta", pressed, self);
          fire(global, "cta", pressed, self);
          break;
        case "valuecalc:resize":
          if (typeof msg.height === "number" && msg.height > 0) {
            iframe.style.height = Math.ceil(msg.height) + "px";
            fire(self.handlers, "resize", msg.height, self);
            fire(global, "resize", msg.height, self);
          }
          break;
      }
    };
  }

  // on listens to one event of this embed: "ready", "result", "cta" or "resize".
  Embed.prototype.on = function (type, fn) {
    listen(this.handlers, type, fn);
    return this;
  };

  // load replaces the model shown. An invalid model is ignored (the
  // calculator logs why to its console) and no new result follows.
  Embed.prototype.load = function (model) {
    if (!this.ready) {
      this._pending = model;
      return this;
    }
    this.iframe.contentWindow.postMessage({ type: "valuecalc:load", model: model }, appURL.origin);
    return this;
  };

  // remove takes the calculator off the page.
  Embed.prototype.remove = function () {
    this.iframe.remove();
    embeds = embeds.filter(function (e) { return e !== this; }, this);
  };

  window.valuecalc = {
    // embed places a calculator in container (an element or a selector).
    embed: function (container, options) {
      var el = typeof container === "string" ? document.querySelector(container) : container;
      if (!el) {
        throw new Error("valuecalc: no element " + container);
      }
      var embed = new Embed(el, options);
      embeds.push(embed);
      return embed;
    },
    // on listens to an event of every calculator on the page.
    on: function (type, fn) {
      listen(global, type, fn);
      return this;
    },
    appURL: appURL.href
  };
})();
