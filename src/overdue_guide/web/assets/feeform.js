/* The fee check as a form: the same questions as `overdue-guide fees` asks (the words
 * of fees/words.py), the same figures back (`Fees.check`), worded as fees.render.view
 * words them. Its annual rate fills the instalment request, as in the terminal.
 */
"use strict";

var FeeForm = (function () {
  var h = function () { return Page.h.apply(null, arguments); };
  var say = function (key, values) { return Page.say(key, values); };
  var PLANS = [
    ["instalments", "fee.kind_instalments", ["periods", "fee_rate"]],
    ["payments", "fee.kind_payments", ["periods", "payment"]],
    ["daily_rate", "fee.kind_daily", ["daily_rate", "term_days"]],
    ["schedule", "fees_schedule", ["schedule", "start"]]
  ];
  var OVERDUE = [
    ["", "fee.overdue_no", []],
    ["rate", "fee.overdue_by_rate", ["days_overdue", "overdue_rate", "overdue_amount"]],
    ["charge", "fee.overdue_by_charge", ["days_overdue", "overdue_charge", "overdue_amount"]]
  ];
  var OPTIONAL = ["start", "overdue_amount"];

  function figures() {
    var state = Page.state();
    if (!state.figures) state.figures = {};
    if (!state.figures.plan) state.figures.plan = "instalments";
    if (state.figures.overdue === undefined) state.figures.overdue = "";
    return state.figures;
  }

  function draw() {
    var result = h("div", { class: "fee-result", "aria-live": "polite" });
    var form = h("form", { class: "fee-form", novalidate: true }, [
      h("p", { text: say("fees_intro") }),
      field("principal"),
      choice("plan", "fee.ask_kind", PLANS),
      choice("overdue", "fee.ask_overdue", OVERDUE),
      h("div", { class: "actions" }, [
        h("button", { type: "submit", class: "button primary", text: say("fees_go") })
      ])
    ]);
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      work(result);
    });
    form.addEventListener("input", function (event) {
      var target = event.target;
      if (target.name && target.type !== "radio") figures()[target.name] = target.value;
      Keep.ifAsked();
    });
    showFields(form);
    return h("details", { class: "fees", id: "fees" }, [
      h("summary", { text: say("action_fees") }), form, result
    ]);
  }

  /* A set of radio buttons choosing which fields are asked. */
  function choice(name, legend, choices) {
    var chosen = figures()[name];
    var inputs = choices.map(function (c) {
      return h("label", { class: "option" }, [
        h("input", {
          type: "radio", name: name, value: c[0], checked: chosen === c[0],
          onchange: function (event) {
            figures()[name] = c[0];
            showFields(event.currentTarget.form);
            Keep.ifAsked();
          }
        }),
        h("span", { text: say(c[1]) })
      ]);
    });
    var fields = [];
    choices.forEach(function (c) {
      c[2].forEach(function (f) {
        if (fields.indexOf(f) < 0) fields.push(f);
      });
    });
    return h("fieldset", {}, [h("legend", { text: say(legend) })].concat(inputs).concat(
      fields.map(function (f) { return field(f); })
    ));
  }

  function field(name) {
    var id = "fee-" + name, hint = id + "-help";
    var ask = name === "schedule" ? say("fees_schedule") : say("fee.ask_" + name);
    var input = name === "schedule"
      ? h("textarea", { id: id, name: name, rows: "4", "aria-describedby": hint })
      : h("input", {
        id: id, name: name, type: "text", autocomplete: "off", "aria-describedby": hint,
        inputmode: name === "start" ? null : "decimal"
      });
    input.value = figures()[name] || "";
    return h("div", { class: "field", "data-fee-field": name }, [
      h("label", { for: id, text: ask }),
      input,
      h("p", { class: "hint", id: hint, text: say("fee.help_" + name) })
    ]);
  }

  /* Only the fields of the plan and overdue charge chosen are shown (and used). */
  function showFields(form) {
    var wanted = ["principal"];
    [[PLANS, "plan"], [OVERDUE, "overdue"]].forEach(function (pair) {
      pair[0].forEach(function (c) {
        if (c[0] === figures()[pair[1]]) wanted = wanted.concat(c[2]);
      });
    });
    Array.prototype.forEach.call(form.querySelectorAll("[data-fee-field]"), function (node) {
      node.hidden = wanted.indexOf(node.getAttribute("data-fee-field")) < 0;
    });
  }

  /* The typed figures of the fields shown, as `Fees.inputs` takes them. */
  function typed() {
    var f = figures(), found = { plan: f.plan, overdue: f.overdue, schedule_name: say("fees_schedule_name") };
    PLANS.concat(OVERDUE).forEach(function (c) {
      if (c[0] === f.plan || c[0] === f.overdue) {
        c[2].forEach(function (name) { found[name] = f[name] || ""; });
      }
    });
    found.principal = f.principal || "";
    OPTIONAL.forEach(function (name) { if (!Decimal.strip(found[name] || "")) delete found[name]; });
    return found;
  }

  function work(place) {
    var lang = Page.state().lang, data = Page.data();
    place.textContent = "";
    var result;
    try {
      result = Fees.compute(Fees.inputs(typed()), Fees.lines(data));
    } catch (problem) {
      if (!(problem instanceof Fees.Problem)) throw problem;
      place.appendChild(h("p", { class: "error", role: "alert", text: problemText(problem) }));
      return;
    }
    var json = Fees.asJson(result, lang);
    FeeView.draw(place, result, json);
    if (Page.data().drafts.details.some(function (d) { return d.id === "annual_rate"; })) {
      DraftsView.setDetail("annual_rate", json.rates.nominal_irr);
      place.appendChild(h("p", { class: "note", text: say("fees_filled", { rate: json.rates.nominal_irr }) }));
    }
    Keep.ifAsked();
  }

  /* fees.words.say for a problem: the figure's name in the person's language first. */
  function problemText(problem) {
    var values = Page.copyOf(problem.values);
    if (values.field !== undefined) {
      var named = Page.data().words[Page.state().lang]["fee.field." + values.field];
      values.field = named !== undefined ? Page.format(named, values) : values.field;
    }
    return say("fee." + problem.key, values);
  }

  return { draw: draw, problemText: problemText, typed: typed };
})();

/* The fee check's result as `fees.render.view` words it. */
var FeeView = (function () {
  var h = function () { return Page.h.apply(null, arguments); };
  var say = function (key, values) { return Page.say("fee." + key, values); };

  function yuan(amount) {
    return Fees.moneyText(amount);
  }

  function draw(place, result, json) {
    var lang = Page.state().lang, rates = result.rates, k = rates.k;
    var perPeriod = Fees.pct(rates.nominal_irr.div(k), "0.0001");
    place.appendChild(h("h3", { text: say("title") }));
    place.appendChild(h("p", { class: "hint", text: say("own_figures") }));
    table(place, say("box"), [
      [say("received"), "¥" + yuan(result.inputs.principal)],
      [say("cost"), "¥" + yuan(result.cost)],
      [say("total"), "¥" + yuan(result.total), planNote(result)],
      [say("annual"), json.rates.nominal_irr + " %"]
    ]);
    table(place, say("rates"), [
      [say("simple"), json.rates.simple + " %", say("simple_formula")],
      [say("nominal_irr"), json.rates.nominal_irr + " %", say("nominal_formula", { r: perPeriod, k: k })],
      [say("effective"), json.rates.effective + " %", say("effective_formula", { k: k })]
    ]);
    if (result.overdue) overdue(place, result.overdue, json.overdue);
    place.appendChild(h("h4", { text: say("lines") }));
    result.lines.forEach(function (check) { place.appendChild(line(check, lang)); });
    var above = result.lines.some(function (c) { return c.above; });
    if (above) {
      place.appendChild(h("p", { class: "alert", text: say("agents") }));
      place.appendChild(h("p", { class: "note", text: say("free_advice") }));
    }
    sources(place, result, above);
    place.appendChild(h("p", { text: say("footer") }));
  }

  function planNote(result) {
    var inp = result.inputs;
    if (inp.plan === "instalments" || inp.plan === "payments") {
      return say("plan_instalments", { periods: inp.periods, payment: yuan(result.repayments[0].amount) });
    }
    if (inp.plan === "schedule") {
      return say("plan_schedule", { count: inp.schedule.length, last: inp.schedule[inp.schedule.length - 1].day.iso });
    }
    return say("plan_daily", { days: inp.term_days });
  }

  function table(place, heading, rows) {
    place.appendChild(h("h4", { text: heading }));
    place.appendChild(h("table", { class: "figures" }, [h("tbody", {}, rows.map(function (row) {
      return h("tr", {}, [
        h("th", { scope: "row" }, [row[0], row[2] ? h("span", { class: "formula", text: row[2] }) : null]),
        h("td", { class: "value", text: row[1] })
      ]);
    }))]));
  }

  function overdue(place, o, json) {
    var daily = json.daily_rate.replace(/0+$/, "").replace(/\.$/, "");
    place.appendChild(h("h4", { text: say("overdue") }));
    place.appendChild(h("p", {
      text: say("overdue_line", { days: o.days, on: yuan(o.on), charge: yuan(o.charge), daily: daily })
    }));
    place.appendChild(h("table", { class: "figures" }, [h("tbody", {}, [h("tr", {}, [
      h("th", { scope: "row" }, [say("overdue_rate"), h("span", { class: "formula", text: say("overdue_formula") })]),
      h("td", { class: "value", text: json.yearly_rate + " %" })
    ])])]));
  }

  function line(check, lang) {
    var l = check.line, verdict = (check.above ? l.above : l.below)[lang];
    if (check.above) {
      var names = check.by.map(function (m) { return say("measure_" + m); });
      verdict += (lang === "en" ? " " : "") + say("by_measures", { measures: names.join(lang === "en" ? ", " : "、") });
    }
    return h("div", { class: "line" + (check.above ? " above" : ""), "data-line": l.id, "data-above": check.above ? "true" : "false" }, [
      h("p", {}, [h("strong", { text: (check.above ? "▲ " : "· ") + l.head[lang] })]),
      h("p", { text: verdict }),
      l.note[lang] ? h("p", { class: "hint", text: l.note[lang] }) : null
    ]);
  }

  /* The references of the lines (and, above a line, R53 and R60), by number. */
  function sources(place, result, above) {
    var cited = [];
    result.lines.forEach(function (c) {
      c.line.references.forEach(function (r) { if (cited.indexOf(r) < 0) cited.push(r); });
    });
    if (above) ["R53", "R60"].forEach(function (r) { if (cited.indexOf(r) < 0) cited.push(r); });
    cited.sort(function (a, b) { return a.length - b.length || (a < b ? -1 : a > b ? 1 : 0); });
    if (!cited.length) return;
    var cites = Page.data().fees.cites[Page.state().lang];
    place.appendChild(h("h4", { text: say("sources") }));
    place.appendChild(h("ul", {}, cited.map(function (r) {
      return h("li", { text: (r + " " + (cites[r] || "")).replace(/\s+$/, "") });
    })));
  }

  return { draw: draw };
})();
