/* Keeping the answers on this phone, only when the person asks: the browser's local
 * storage, one entry per flow, removed by "forget". What is read back is checked
 * against the flow first, so a changed flow or a tampered entry never breaks the page.
 */
"use strict";

var Keep = (function () {
  var STORE = "overdue-guide:";

  /* The browser's storage, or null where it is refused (some in-app browsers, file://). */
  function storage() {
    try {
      return window.localStorage;
    } catch (error) {
      return null;
    }
  }

  function key() {
    return STORE + Page.data().flow.id;
  }

  function saved() {
    var state = Page.state();
    return {
      v: 1, lang: state.lang, answers: state.answers, remembered: state.remembered,
      screen: state.screen, details: state.details, figures: state.figures
    };
  }

  /* After every change, once the person asked to keep: a failure stops keeping. */
  function ifAsked() {
    var state = Page.state();
    if (!state.kept) return;
    try {
      storage().setItem(key(), JSON.stringify(saved()));
    } catch (error) {
      state.kept = false;
    }
  }

  function keep() {
    var state = Page.state();
    state.kept = true;
    ifAsked();
    state.notice = state.kept ? "kept" : "cannot_keep";
    Page.show(false);
  }

  function forget() {
    var state = Page.state();
    try {
      storage().removeItem(key());
    } catch (error) { /* nothing was kept */ }
    state.kept = false;
    state.notice = "forgotten";
    Page.show(false);
  }

  /* Only the text values of a kept object (details, figures). */
  function strings(raw) {
    var found = {};
    Object.keys(raw && typeof raw === "object" ? raw : {}).forEach(function (name) {
      if (typeof raw[name] === "string") found[name] = raw[name];
    });
    return found;
  }

  /* Only the answers that are answers to this flow's questions (engine.validate). */
  function checked(raw) {
    var found = {};
    Object.keys(raw && typeof raw === "object" ? raw : {}).forEach(function (id) {
      var answer = Engine.validate(Page.data().flow, id, raw[id]);
      if (answer !== null) found[id] = answer;
    });
    return found;
  }

  /* Answers kept earlier, if any, put back where the person was. */
  function restore() {
    var found = null;
    try {
      found = JSON.parse(storage().getItem(key()) || "null");
    } catch (error) {
      return;
    }
    if (!found || found.v !== 1 || typeof found.answers !== "object") return;
    var state = Page.state();
    state.answers = Engine.applicable(Page.data().flow, checked(found.answers));
    state.remembered = checked(found.remembered);
    state.details = strings(found.details);
    state.figures = found.figures && typeof found.figures === "object" ? strings(found.figures) : null;
    var finished = Page.pending().pending === null;
    state.screen = finished ? (found.screen === "checklist" ? "checklist" : "review") : "ask";
    state.kept = true;
    state.notice = "restored";
  }

  return { ifAsked: ifAsked, keep: keep, forget: forget, restore: restore };
})();
