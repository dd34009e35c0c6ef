/* Scripts and letters filled for one person: the twin of drafts/render.py and
 * drafts/afford.py. Paragraph texts arrive as tokens (literal text and fields),
 * split by the Python field parser at build time; the zh-TW tokens were converted
 * there too, so the translation reads as the CLI's. What the person types into
 * the details form is converted character by character (`Packed.traditional`), as
 * the page cannot carry OpenCC's phrase tables.
 */
"use strict";

var Drafts = (function () {
  /* drafts.model.FILLED: details the CLI fills from the evidence log, never asked. */
  var FILLED = ["log_timeline", "log_evidence"];
  var INCOME = "monthly_income", SPENDING = "essential_spending", OFFER = "plan_amount";

  /* Python's " ".join(text.split()): runs of Python whitespace made one space. */
  function collapse(text) {
    var words = [], word = "";
    for (var i = 0; i < text.length; i += 1) {
      var c = text.charAt(i);
      if (Decimal.SPACE.indexOf(c) >= 0) {
        if (word) words.push(word);
        word = "";
      } else {
        word += c;
      }
    }
    if (word) words.push(word);
    return words.join(" ");
  }

  /* visible.visible: control characters shown as \xNN (tab and newline kept) and bidi
   * controls as \uNNNN, harmless: a typed detail cannot reorder the letter's text. */
  var UNSEEN = /[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

  function clean(text) {
    return text.replace(UNSEEN, function (c) {
      var code = c.charCodeAt(0).toString(16);
      return code.length <= 2 ? "\\x" + ("0" + code).slice(-2) : "\\u" + ("000" + code).slice(-4);
    });
  }

  /* drafts.render.facts: the answers, each detail given (for `answered`), and the
   * facts worked out from details (drafts.model.COMPUTED_FACTS: `nothing_left`). */
  function facts(answers, details) {
    var seen = {};
    Object.keys(details).forEach(function (key) {
      if (Decimal.strip(details[key])) seen[key] = details[key];
    });
    var left = leftOver(details);
    if (left !== null && (left.negative || left.isZero())) seen.nothing_left = "yes";
    Object.keys(answers).forEach(function (key) { seen[key] = answers[key]; });
    return seen;
  }

  /* drafts.render.offered: the drafts that fit the path, in file order. */
  function offered(data, answers) {
    var seen = facts(answers, {});
    return data.drafts.drafts.filter(function (d) { return Engine.holds(d.when, seen); });
  }

  /* drafts.render.details_asked: the details these drafts need, in the file's order;
   * with `answers`, only those of the paragraphs that may show on this path, given the
   * details `known` (each given, or left blank for good). */
  function asked(data, drafts, answers, known) {
    var needed = {};
    drafts.forEach(function (d) {
      d.paragraphs.forEach(function (p) {
        if (answers && !mayShow(data, p, answers, known || {})) return;
        p.asks.forEach(function (id) { needed[id] = true; });
      });
    });
    return data.drafts.details.filter(function (detail) { return Engine.has(needed, detail.id); });
  }

  /* drafts.render._may_show: whether the paragraph shows for some choice of the details
   * its condition tests that are not known yet (each given or not). */
  function mayShow(data, paragraph, answers, known) {
    if (paragraph.when === null) return true;
    var computed = data.drafts.computed_facts;
    var decided = Object.keys(known).concat(Object.keys(computed).filter(function (fact) {
      return computed[fact].every(function (input) { return Engine.has(known, input); });
    }));
    var named = paragraph.tests.filter(function (name) { return decided.indexOf(name) < 0; });
    var seen = facts(answers, known);
    for (var given = 0; given < Math.pow(2, named.length); given += 1) {
      var trial = {};
      named.forEach(function (name, i) {
        if (Math.floor(given / Math.pow(2, i)) % 2 === 1) trial[name] = "x";
      });
      Object.keys(seen).forEach(function (key) { trial[key] = seen[key]; });
      if (Engine.evaluate(paragraph.when, trial)) return true;
    }
    return false;
  }

  /* drafts.afford.money: an amount as a person types it ("3,000", "3000元", "¥ 2500.5",
   * full-width forms folded), or null: digits with an optional decimal part, so never an
   * exponent, a sign, NaN or infinity, which Decimal.parse alone would take. */
  function money(value) {
    if (value === undefined || value === null) return null;
    var cleaned = Decimal.strip(Decimal.fold(value).replace(/[,元¥￥]/g, ""));
    return /^[0-9]+(\.[0-9]+)?$/.test(cleaned) ? Decimal.parse(cleaned) : null;
  }

  /* base.numerals.day: a real calendar day written year first (2026-03-01, 2026/3/1,
   * 2026.3.1, 2026年3月1日), full-width folded; false if not one (2026-02-30). */
  function isDay(value) {
    var text = Decimal.strip(Decimal.fold(value));
    var found = /^([0-9]{4})([-/.])([0-9]{1,2})\2([0-9]{1,2})$/.exec(text);
    var parts = found ? [found[1], found[3], found[4]] : null;
    if (!parts) {
      found = /^([0-9]{4})年([0-9]{1,2})月([0-9]{1,2})[日号]?$/.exec(text);
      parts = found ? [found[1], found[2], found[3]] : null;
    }
    if (!parts || +parts[0] < 1) return false;
    var moment = new Date(Date.UTC(2000, +parts[1] - 1, +parts[2]));
    moment.setUTCFullYear(+parts[0]);
    return +parts[1] >= 1 && +parts[1] <= 12 && moment.getUTCMonth() === +parts[1] - 1 &&
      moment.getUTCDate() === +parts[2];
  }

  /* drafts.afford.amount_text: no trailing zeros, no exponent. */
  function amountText(amount) {
    var text = amount.quantize("0.01").fixed();
    return text.indexOf(".") >= 0 ? text.replace(/0+$/, "").replace(/\.$/, "") : text;
  }

  /* drafts.afford.left_over: income minus essential spending, when both are amounts. */
  function leftOver(details) {
    var income = money(details[INCOME]), spending = money(details[SPENDING]);
    return income === null || spending === null ? null : income.sub(spending);
  }

  /* drafts.afford: what is left, never below nothing. */
  function atLeastNothing(amount) {
    return amount.negative && !amount.isZero() ? Decimal.parse("0") : amount;
  }

  /* drafts.afford.check: what is left each month (never below nothing) and whether
   * the offer fits; `nothingLeft` when nothing is (drafts.afford.problem's key). */
  function verdict(details) {
    var left = leftOver(details), offer = money(details[OFFER]);
    if (left === null || offer === null) return null;
    left = atLeastNothing(left);
    return {
      left: left, offer: offer, affordable: offer.compare(left) <= 0, nothingLeft: left.isZero()
    };
  }

  /* drafts.render.field_value: a detail as given, an answer's labels, a computed
   * amount, else the blank. `lang` is zh-CN or en; zh-TW is converted after. */
  function fieldValue(data, name, answers, details, lang) {
    var blank = data.drafts.blank;
    if (FILLED.indexOf(name) >= 0) {
      var filled = Decimal.strip(details[name + "." + lang] || details[name] || "");
      var lines = filled.split(/\r\n|[\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029]/)
        .filter(function (line) { return Decimal.strip(line); })
        .map(function (line) { return clean(collapse(line)); });
      return lines.join("\n") || blank;
    }
    var given = Decimal.strip(details[name] || "");
    if (given) return clean(collapse(given));
    if (name === "left_over") {
      var left = leftOver(details);
      return left !== null ? amountText(atLeastNothing(left)) : blank;
    }
    var question = data.flow.questions[name];
    if (question && Engine.has(answers, name)) {
      var options = data.texts[lang].questions[name].options;
      var labels = Engine.chosen(answers[name]).filter(function (code) {
        return Engine.has(options, code);
      }).map(function (code) { return options[code].label; });
      return labels.join(lang === "en" ? ", " : "、") || data.drafts.none_chosen[lang];
    }
    return blank;
  }

  /* A field in the zh-TW translation: labels as converted at build time, typed text
   * converted here. */
  function twValue(data, name, answers, details) {
    var value = fieldValue(data, name, answers, details, "zh-CN");
    var question = data.flow.questions[name];
    var typed = Decimal.strip(details[name] || "");
    if (question && !typed && FILLED.indexOf(name) < 0 && Engine.has(answers, name)) {
      var options = data.texts["zh-TW"].questions[name].options;
      var labels = Engine.chosen(answers[name]).filter(function (code) {
        return Engine.has(options, code);
      }).map(function (code) { return options[code].label; });
      return labels.join("、") || data.drafts.none_chosen["zh-TW"];
    }
    return Packed.traditional(value);
  }

  function fill(tokens, value) {
    return tokens.map(function (token) {
      return typeof token === "string" ? token : value(token.field);
    }).join("");
  }

  /* drafts.render._join: a script's lines numbered, a letter's paragraphs spaced. */
  function join(kind, paragraphs) {
    if (kind === "script") {
      return paragraphs.map(function (p, i) { return (i + 1) + ". " + p; }).join("\n");
    }
    return paragraphs.join("\n\n");
  }

  /* drafts.render.render and Rendered.contract: the draft in the README's JSON shape,
   * its items only those on this checklist. */
  function render(data, draft, answers, details, lang) {
    var seen = facts(answers, details);
    var listed = Engine.checklist(data.flow, answers).items;
    var kept = draft.paragraphs.filter(function (p) { return Engine.holds(p.when, seen); });
    function text(which, value) {
      return join(draft.kind, kept.map(function (p) { return fill(p.text[which], value); }));
    }
    function value(which) {
      return function (name) { return fieldValue(data, name, answers, details, which); };
    }
    var found = {
      id: draft.id,
      kind: draft.kind,
      title: draft.title[lang],
      text: text("zh-CN", value("zh-CN")),
      items: draft.items.filter(function (id) { return listed.indexOf(id) >= 0; })
    };
    if (lang === "en") found.translation = text("en", value("en"));
    if (lang === "zh-TW") {
      found.translation = text("zh-TW", function (name) {
        return twValue(data, name, answers, details);
      });
    }
    found.notes = draft.notes.filter(function (n) { return Engine.holds(n.when, seen); })
      .map(function (n) { return n.text[lang]; });
    return found;
  }

  /* drafts.view.contract: every draft that fits the path, filled. */
  function contract(data, answers, details, lang) {
    return offered(data, answers).map(function (d) {
      return render(data, d, answers, details, lang);
    });
  }

  return {
    offered: offered, asked: asked, render: render, contract: contract, money: money,
    isDay: isDay, amountText: amountText, verdict: verdict, OFFER: OFFER
  };
})();
