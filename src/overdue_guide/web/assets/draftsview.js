/* The words and letters on the checklist screen: the details form (every field may be
 * left blank: the letter then shows ＿＿＿＿), and each draft that fits the path with
 * its Chinese text, a copy button, the translation for en and zh-TW readers, and tips.
 * Typing a detail refills the drafts in place, so focus stays in the field.
 */
"use strict";

var DraftsView = (function () {
  var h = function () { return Page.h.apply(null, arguments); };
  var say = function (key, values) { return Page.say(key, values); };
  var current = null;

  function draw(offered, answers) {
    current = { offered: offered, answers: answers, nodes: {}, fields: {} };
    var section = h("section", { class: "drafts" }, [
      h("h2", { text: say("drafts_heading") }),
      form(offered)
    ].concat(offered.map(draft)));
    refill();
    return section;
  }

  /* The details the offered drafts may show on this path, in the file's order, as the
   * CLI asks them (drafts.render.details_asked); `refill` hides those the details given
   * make needless (the monthly offer, when nothing is left). */
  function form(offered) {
    var data = Page.data(), lang = Page.state().lang;
    var fields = Drafts.asked(data, offered, current.answers).map(function (detail) {
      var id = "detail-" + detail.id;
      var value = Page.state().details[detail.id] || "";
      var error = h("p", { class: "error", id: "error-" + detail.id, "aria-live": "polite" });
      var box = h("div", { class: "field" }, [
        h("label", { for: id, text: detail.label[lang] }),
        h("input", {
          id: id, name: detail.id, value: value, autocomplete: "off",
          type: "text", inputmode: detail.kind === "money" || detail.kind === "count" ? "decimal" : null,
          "aria-describedby": "error-" + detail.id,
          oninput: function (event) { typed(detail, event.currentTarget.value); }
        }),
        error
      ]);
      current.fields[detail.id] = { box: box, error: error };
      return box;
    });
    var found = h("form", { class: "details", novalidate: true }, [
      h("fieldset", {}, [
        h("legend", { text: say("details_heading") }),
        h("p", { class: "hint", text: say("details_hint") })
      ].concat(fields))
    ]);
    found.addEventListener("submit", function (event) { event.preventDefault(); });
    return found;
  }

  function typed(detail, value) {
    Page.state().details[detail.id] = value;
    refill();
    Keep.ifAsked();
  }

  /* drafts.interview._ask's check: a money or count detail that is not one says so. */
  function problem(detail, value) {
    value = Decimal.strip(value || "");
    if (!value) return "";
    if (detail.kind === "money" && Drafts.money(value) === null) return say("detail_not_money");
    var folded = Decimal.strip(Decimal.fold(value));
    if (detail.kind === "count" && !(/^[0-9]+$/.test(folded) && parseInt(folded, 10) > 0)) {
      return say("detail_not_count");
    }
    if (detail.kind === "date" && !Drafts.isDay(value)) return say("detail_not_date");
    return "";
  }

  /* The details the letters use: an offer above what is left each month is left blank
   * (as a scripted run does), with the reason under its field. */
  function usable() {
    var details = Page.copyOf(Page.state().details);
    var verdict = Drafts.verdict(details);
    var shown = {};
    if (verdict !== null && !verdict.affordable) {
      shown[Drafts.OFFER] = say(verdict.nothingLeft ? "nothing_left" : "not_affordable", {
        left: Drafts.amountText(verdict.left), offer: Drafts.amountText(verdict.offer)
      });
      delete details[Drafts.OFFER];
    } else if (verdict !== null) {
      shown[Drafts.OFFER] = say("lender_decides");
    }
    return { details: details, shown: shown };
  }

  /* The details given so far: those a person left blank may still be given. */
  function given() {
    var details = Page.state().details, found = {};
    Object.keys(details).forEach(function (key) {
      if (Decimal.strip(details[key] || "")) found[key] = details[key];
    });
    return found;
  }

  function refill() {
    var data = Page.data(), lang = Page.state().lang, found = usable();
    var needed = Drafts.asked(data, current.offered, current.answers, given()).map(function (d) {
      return d.id;
    });
    Drafts.asked(data, current.offered, current.answers).forEach(function (detail) {
      var field = current.fields[detail.id];
      var text = problem(detail, Page.state().details[detail.id]) || found.shown[detail.id] || "";
      field.box.hidden = needed.indexOf(detail.id) < 0;
      if (field.error.textContent !== text) field.error.textContent = text;
    });
    current.offered.forEach(function (d) {
      var made = Drafts.render(data, d, current.answers, found.details, lang);
      var nodes = current.nodes[d.id];
      nodes.text.textContent = made.text;
      nodes.translation.hidden = made.translation === undefined;
      nodes.translated.textContent = made.translation || "";
      nodes.tips.textContent = "";
      made.notes.forEach(function (note) {
        nodes.tips.appendChild(h("p", { class: "tip", text: say("drafts_tip") + note }));
      });
    });
  }

  function draft(d) {
    var lang = Page.state().lang;
    var nodes = {
      text: h("div", { class: "draft-text", lang: "zh-CN", "data-draft-text": true }),
      translated: h("div", { class: "translated" }),
      tips: h("div", {}),
      status: h("p", { class: "hint", role: "status" })
    };
    nodes.translation = h("div", { class: "translation", lang: lang }, [
      h("p", {}, [h("em", { text: say("drafts_translation") })]), nodes.translated
    ]);
    current.nodes[d.id] = nodes;
    return h("details", { class: "draft " + d.kind, "data-draft": d.id, id: "draft-" + d.id }, [
      h("summary", { text: d.title[lang] }),
      nodes.text,
      h("button", {
        type: "button", class: "button small copy", text: say("copy"),
        onclick: function () { copy(nodes.text.textContent, nodes.status); }
      }),
      nodes.status,
      nodes.translation,
      nodes.tips
    ]);
  }

  /* The clipboard where the browser allows it, else a selected text area and execCommand. */
  function copy(text, status) {
    function done(ok) { status.textContent = say(ok ? "copied" : "copy_failed"); }
    if (navigator.clipboard && navigator.clipboard.writeText) {
      navigator.clipboard.writeText(text).then(function () { done(true); }, function () {
        done(fallback(text));
      });
    } else {
      done(fallback(text));
    }
  }

  function fallback(text) {
    var area = h("textarea", { class: "no-print", "aria-hidden": "true", readonly: true });
    area.value = text;
    document.body.appendChild(area);
    area.select();
    var ok = false;
    try {
      ok = document.execCommand("copy");
    } catch (error) {
      ok = false;
    }
    document.body.removeChild(area);
    return ok;
  }

  /* The fee check's IRR, put into the instalment request (as nextsteps._check_fees does). */
  function setDetail(id, value) {
    Page.state().details[id] = value;
    var input = document.getElementById("detail-" + id);
    if (input) input.value = value;
    if (current) refill();
  }

  return { draw: draw, setDetail: setDetail };
})();
