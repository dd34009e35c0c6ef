/* The page: the interview, the review, the checklist, the words and letters, the
 * fee check. It draws what `Engine`, `Drafts` and `Fees` compute and holds the
 * answers in memory; nothing is stored unless the person presses "keep", nothing
 * is ever sent. Every text is put in with textContent, never as HTML.
 *
 * The testing contract (README): the current question's form has data-question,
 * each option is an <input value="code">, the buttons data-action next/back and,
 * on the review, confirm; the checklist is data-checklist with data-item and
 * data-urgency on each item; each draft is data-draft with data-draft-text.
 */
"use strict";

var Page = (function () {
  var data = null;
  var root = null;
  var state = null;

  /* --- small helpers ---------------------------------------------------------- */

  /* An element with attributes and children (strings become text, never HTML). */
  function h(tag, attrs, children) {
    var element = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (name) {
      var value = attrs[name];
      if (value === false || value === null || value === undefined) return;
      if (name === "text") element.textContent = value;
      else if (name.slice(0, 2) === "on") element.addEventListener(name.slice(2), value);
      else element.setAttribute(name, value === true ? "" : value);
    });
    (children || []).forEach(function (child) {
      if (child === null || child === undefined || child === false) return;
      element.appendChild(typeof child === "string" ? document.createTextNode(child) : child);
    });
    return element;
  }

  /* A word of the page in the current language, with {names} filled. */
  function say(key, values) {
    return format(data.words[state.lang][key], values);
  }

  function format(template, values) {
    return String(template).replace(/\{(\w+)\}/g, function (all, name) {
      return values && Engine.has(values, name) ? String(values[name]) : all;
    });
  }

  function texts() {
    return data.texts[state.lang];
  }

  function copyOf(object) {
    return JSON.parse(JSON.stringify(object));
  }

  /* --- language ------------------------------------------------------------------ */

  /* As the CLI reads the locale: zh-TW, zh-HK, zh-MO and zh-Hant give zh-TW, en gives
   * en, anything else zh-CN. `#lang=` in the address comes first. */
  function detectLang() {
    var asked = /(?:^#|&)lang=([A-Za-z-]+)/.exec(location.hash || "");
    if (asked && data.langs.indexOf(asked[1]) >= 0) return asked[1];
    var wanted = (navigator.languages && navigator.languages[0]) || navigator.language || "";
    var tag = wanted.toLowerCase();
    if (/^zh-(tw|hk|mo|hant)/.test(tag)) return "zh-TW";
    return tag.slice(0, 2) === "en" ? "en" : "zh-CN";
  }

  function setLang(lang) {
    state.lang = lang;
    if (history.replaceState) history.replaceState(null, "", "#lang=" + lang);
    draw();
    Keep.ifAsked();
  }

  function drawLangs() {
    var bar = document.getElementById("langs");
    bar.textContent = "";
    bar.setAttribute("role", "group");
    bar.setAttribute("aria-label", say("language"));
    data.langs.forEach(function (lang) {
      bar.appendChild(h("button", {
        type: "button", "data-lang": lang, lang: lang, "aria-label": data.lang_full[lang],
        "aria-pressed": lang === state.lang ? "true" : "false",
        onclick: function () { setLang(lang); }
      }, [data.lang_names[lang]]));
    });
    document.documentElement.lang = state.lang;
    document.title = texts().title;
    document.getElementById("danger").textContent = say("danger");
  }

  /* --- the interview, as interview.run does it ------------------------------------- */

  function pending() {
    return Engine.walk(data.flow, state.answers);
  }

  /* The chosen codes of the question on screen, in its options' order. */
  function readAnswer(form, question) {
    var checked = Array.prototype.filter.call(form.querySelectorAll("input"), function (i) {
      return i.checked;
    }).map(function (i) { return i.value; });
    if (question.kind === "multi") return checked;
    return checked.length ? checked[0] : null;
  }

  /* interview._Interview._answered: alerts for the options chosen. */
  function answered(id, answer) {
    var options = texts().questions[id].options;
    state.alerts = Engine.chosen(answer).filter(function (code) {
      return Engine.has(options, code) && options[code].alert;
    }).map(function (code) { return { question: id, code: code }; });
  }

  function next(id, form) {
    var question = data.flow.questions[id];
    var answer = readAnswer(form, question);
    if (answer === null) {
      form.querySelector(".error").hidden = false;
      form.querySelector("input").focus();
      return;
    }
    delete state.remembered[id];
    if (state.changing === id) {
      state.answers = Engine.revise(data.flow, state.answers, id, answer);
      state.changing = null;
    } else {
      state.answers[id] = answer;
      state.answers = Engine.applicable(data.flow, state.answers);
    }
    answered(id, answer);
    state.screen = pending().pending === null ? "review" : "ask";
    show(true);
  }

  /* Back: the previous question with its answer preselected, or the review unchanged. */
  function back() {
    state.alerts = [];
    if (state.changing !== null) {
      state.changing = null;
      state.screen = "review";
    } else if (state.screen === "review") {
      var path = pending().path;
      state.changing = path[path.length - 1];
      state.screen = "ask";
    } else {
      var step = pending();
      delete state.remembered[step.pending];
      if (step.path.length) {
        var previous = step.path[step.path.length - 1];
        state.remembered[previous] = state.answers[previous];
        delete state.answers[previous];
      }
    }
    show(true);
  }

  function change(id) {
    state.alerts = [];
    state.changing = id;
    state.screen = "ask";
    show(true);
  }

  function confirm() {
    state.alerts = [];
    state.screen = "checklist";
    show(true);
  }

  function restart() {
    state.answers = {};
    state.remembered = {};
    state.alerts = [];
    state.changing = null;
    state.details = {};
    state.figures = null;
    state.screen = "ask";
    show(true);
  }

  /* --- screens -------------------------------------------------------------------- */

  function show(moveFocus) {
    draw();
    Keep.ifAsked();
    if (moveFocus) {
      var target = root.querySelector("[data-focus]");
      if (target) target.focus();
      window.scrollTo(0, 0);
    }
  }

  function draw() {
    drawLangs();
    root.textContent = "";
    if (state.notice) root.appendChild(h("p", { class: "note", role: "status" }, [say(state.notice)]));
    if (state.screen === "checklist") root.appendChild(Checklist.draw());
    else if (state.screen === "review") root.appendChild(reviewScreen());
    else root.appendChild(questionScreen());
  }

  function alerts() {
    return state.alerts.map(function (a) {
      return h("div", { class: "alert", role: "alert" },
        [texts().questions[a.question].options[a.code].alert]);
    });
  }

  function questionScreen() {
    var id = state.changing !== null ? state.changing : pending().pending;
    var step = state.changing !== null ? pending().path.indexOf(id) + 1 : pending().path.length + 1;
    var canGoBack = state.changing !== null || pending().path.length > 0;
    var preset = state.changing !== null ? state.answers[id] : state.remembered[id];
    delete state.remembered[id];
    if (preset !== undefined) state.remembered[id] = preset;
    return h("section", { class: "screen" }, alerts().concat([
      step === 1 && state.changing === null ? h("p", { class: "intro", text: texts().intro }) : null,
      questionForm(id, step, preset, canGoBack)
    ]));
  }

  function questionForm(id, step, preset, canGoBack) {
    var question = data.flow.questions[id];
    var words = texts().questions[id];
    var multi = question.kind === "multi";
    var form = h("form", { "data-question": id, novalidate: true });
    var hintId = "hint-" + id;
    var options = question.options.map(function (o) {
      var on = preset !== undefined && Engine.chosen(preset).indexOf(o.code) >= 0;
      return h("label", { class: "option" }, [
        h("input", { type: multi ? "checkbox" : "radio", name: id, value: o.code, checked: on }),
        h("span", { text: words.options[o.code].label })
      ]);
    });
    var fieldset = h("fieldset", { "aria-describedby": multi ? hintId : null }, [
      h("legend", { tabindex: "-1", "data-focus": true }, [
        h("span", { class: "step", text: say("step", { n: step }) }), words.prompt
      ]),
      multi ? h("p", { class: "hint", id: hintId, text: say("multi_hint") }) : null
    ].concat(options).concat([
      words.help ? h("details", { class: "help" }, [
        h("summary", { text: say("help") }), h("p", { text: words.help })
      ]) : null
    ]));
    form.appendChild(fieldset);
    form.appendChild(h("p", { class: "error", role: "alert", hidden: true, text: say("choose_one") }));
    form.appendChild(h("div", { class: "actions" }, [
      canGoBack ? h("button", {
        type: "button", class: "button", "data-action": "back", onclick: back, text: say("back")
      }) : null,
      h("button", { type: "submit", class: "button primary", "data-action": "next", text: say("next") })
    ]));
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      next(id, form);
    });
    form.addEventListener("change", function () { form.querySelector(".error").hidden = true; });
    return form;
  }

  /* prompts.answer_text: the labels chosen, or "none". */
  function answerText(id, answer) {
    var options = texts().questions[id].options;
    var labels = data.flow.questions[id].options.filter(function (o) {
      return Engine.chosen(answer).indexOf(o.code) >= 0;
    }).map(function (o) { return options[o.code].label; });
    return labels.join(state.lang === "en" ? ", " : "、") || say("none_chosen");
  }

  function reviewScreen() {
    var path = pending().path;
    var rows = path.map(function (id, index) {
      return h("li", {}, [
        h("span", { class: "given" }, [
          (index + 1) + ". " + texts().questions[id].prompt,
          h("span", { class: "answer", text: answerText(id, state.answers[id]) })
        ]),
        h("button", {
          type: "button", class: "button small", "data-change": id,
          "aria-label": say("change_label", { n: index + 1 }), text: say("change"),
          onclick: function () { change(id); }
        })
      ]);
    });
    return h("section", { class: "screen", "data-review": true }, alerts().concat([
      h("h2", { tabindex: "-1", "data-focus": true, text: say("review_title") }),
      h("ol", { class: "review" }, rows),
      h("div", { class: "actions" }, [
        h("button", { type: "button", class: "button", "data-action": "back", onclick: back, text: say("back") }),
        h("button", {
          type: "button", class: "button primary", "data-action": "confirm", onclick: confirm,
          text: say("review_done")
        })
      ])
    ]));
  }

  /* --- start --------------------------------------------------------------------- */

  function start() {
    data = Packed.unpack(JSON.parse(document.getElementById("guide-data").textContent));
    root = document.getElementById("app");
    state = {
      lang: null, answers: {}, remembered: {}, alerts: [], changing: null, screen: "ask",
      details: {}, figures: null, kept: false, notice: null
    };
    state.lang = detectLang();
    Keep.restore();
    document.getElementById("static").hidden = true;
    root.hidden = false;
    draw();
    /* For benchmarks/web.py: when the first screen was drawn (User Timing, kept in the page). */
    if (window.performance && performance.mark) performance.mark("overdue-guide:first-screen");
    window.addEventListener("hashchange", function () {
      var lang = detectLang();
      if (lang !== state.lang) setLang(lang);
    });
    window.addEventListener("beforeprint", Checklist.openForPrint);
    window.addEventListener("afterprint", Checklist.closeAfterPrint);
  }

  return {
    start: start, h: h, say: say, format: format, texts: texts,
    state: function () { return state; }, data: function () { return data; },
    restart: restart, copyOf: copyOf, show: show, pending: pending
  };
})();
