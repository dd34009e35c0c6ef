/* The fee check: the twin of fees/rates.py and fees/render.py (the figures are read by
 * feeinputs.js, the twin of fees/inputs.py).
 *
 * Money and the rates' last digits are exact decimals (`Decimal`), as in Python;
 * the internal rate of return is found by the same bisection in floats. The
 * result is the README's JSON document, figure for figure what
 * `overdue-guide fees --format json` prints for the same inputs, and the words a
 * person reads, as `fees.render.view` words them.
 */
"use strict";

var Fees = (function () {
  var YEAR_DAYS = 365, MONTHS = 12, MAX_RATE = 1000, TOLERANCE = 1e-13, MAX_STEPS = 200;
  var Problem = FeeInputs.Problem, merge = FeeInputs.merge;

  /* --- fees.rates ----------------------------------------------------------------- */

  function positive(value, field, where) {
    if (value.compare(0) <= 0) throw new Problem("not_positive", merge({ field: field, value: String(value) }, where));
  }

  function count(value, field) {
    if (value <= 0) throw new Problem("not_positive", { field: field, value: String(value) });
  }

  function rate(value, yearly, field) {
    if (value.compare(0) < 0) throw new Problem("not_positive", { field: field, value: String(value) });
    if (yearly.compare(MAX_RATE) > 0) throw new Problem("rate_too_high", { rate: yearly.quantize("1").fixed() });
  }

  /* fees.rates.validate */
  function validate(inp) {
    positive(inp.principal, "principal");
    if (inp.plan === "instalments" || inp.plan === "payments") count(inp.periods, "periods");
    if (inp.plan === "instalments") rate(inp.fee_rate, inp.fee_rate, "fee_rate");
    else if (inp.plan === "payments") positive(inp.payment, "payment");
    else if (inp.plan === "daily_rate") {
      rate(inp.daily_rate, inp.daily_rate.mul(YEAR_DAYS), "daily_rate");
      count(inp.term_days, "term_days");
    } else {
      var previous = inp.start;
      inp.schedule.forEach(function (p, i) {
        positive(p.amount, "schedule_amount", { number: i + 1 });
        if (p.day.days <= previous.days) {
          throw new Problem("dates_out_of_order", { number: i + 1, day: p.day.iso, previous: previous.iso });
        }
        previous = p.day;
      });
    }
    if (inp.days_overdue !== undefined) {
      count(inp.days_overdue, "days_overdue");
      if (inp.overdue_rate) rate(inp.overdue_rate, inp.overdue_rate.mul(YEAR_DAYS), "overdue_rate");
      if (inp.overdue_charge && inp.overdue_charge.compare(0) < 0) {
        throw new Problem("not_positive", { field: "overdue_charge", value: String(inp.overdue_charge) });
      }
      if (inp.overdue_amount) positive(inp.overdue_amount, "overdue_amount");
    }
  }

  /* Python's round() of a float: half to even. */
  function roundHalfEven(x) {
    var r = Math.round(x);
    return Math.abs(x % 1) === 0.5 && r % 2 !== 0 ? r - 1 : r;
  }

  function perYear(payments, span) {
    return Math.max(1, roundHalfEven(payments * YEAR_DAYS / span));
  }

  /* fees.rates._split: equal payments to the cent, the last taking the remainder. */
  function split(total, periods) {
    var each = total.div(periods).quantize("0.01", "down");
    var out = [];
    for (var i = 0; i < periods - 1; i += 1) out.push(each);
    out.push(total.sub(each.mul(periods - 1)));
    return out;
  }

  function monthly(amounts) {
    return amounts.map(function (a, i) { return { years: (i + 1) / MONTHS, amount: a }; });
  }

  /* fees.rates.repayments_of: the repayments, and the periods a year of the IRR. */
  function repaymentsOf(inp) {
    if (inp.plan === "instalments") {
      var fee = inp.principal.mul(inp.fee_rate).div(100).quantize("0.01", "half_up");
      return [monthly(split(inp.principal.add(fee), inp.periods)), MONTHS];
    }
    if (inp.plan === "payments") {
      var same = [];
      for (var i = 0; i < inp.periods; i += 1) same.push(inp.payment);
      return [monthly(same), MONTHS];
    }
    if (inp.plan === "daily_rate") {
      var interest = inp.principal.mul(inp.daily_rate).div(100).mul(inp.term_days);
      var amount = inp.principal.add(interest.quantize("0.01", "half_up"));
      return [[{ years: inp.term_days / YEAR_DAYS, amount: amount }], perYear(1, inp.term_days)];
    }
    var held = inp.schedule.map(function (p) {
      return { years: (p.day.days - inp.start.days) / YEAR_DAYS, amount: p.amount };
    });
    var span = inp.schedule[inp.schedule.length - 1].day.days - inp.start.days;
    return [held, perYear(held.length, span)];
  }

  function sum(values) {
    return values.reduce(function (a, b) { return a.add(b); }, Decimal.of("0"));
  }

  function moneyText(amount) {
    return Decimal.of(amount).quantize("0.01", "half_up").grouped();
  }

  /* fees.rates._fine and _percent: a rate kept to a millionth of a percent. */
  function fine(percent) {
    return percent.quantize("0.000001", "half_up");
  }

  function percentOf(rateFloat) {
    return fine(Decimal.ofFloat(rateFloat * 100));
  }

  /* fees.rates.simple_rate */
  function simpleRate(principal, repayments) {
    var total = sum(repayments.map(function (r) { return r.amount; }));
    var inUse = repayments.reduce(function (acc, r) {
      return acc + principal.mul(r.amount).div(total).toNumber() * r.years;
    }, 0);
    var found = total.sub(principal).toNumber() / inUse;
    if (found * 100 > MAX_RATE) throw new Problem("rate_too_high", { rate: (found * 100).toFixed(0) });
    return percentOf(found);
  }

  /* Python's str() of a float, for a message. */
  function pyFloat(x) {
    return Number.isInteger(x) && Math.abs(x) < 1e16 ? x + ".0" : String(x);
  }

  /* fees.rates.irr: the rate per period by bisection. */
  function irr(principal, repayments, periodsAYear) {
    var money = principal.toNumber();
    var flows = repayments.map(function (r) { return [r.years * periodsAYear, r.amount.toNumber()]; });
    function surplus(r) {
      var growth = Math.log1p(r);
      return flows.reduce(function (acc, f) { return acc + f[1] * Math.exp(-f[0] * growth); }, 0) - money;
    }
    var atZero = surplus(0);
    if (atZero < -1e-9 * money) {
      var back = flows.reduce(function (acc, f) { return acc + f[1]; }, 0);
      throw new Problem("never_repaid", { total: moneyText(Decimal.ofFloat(back)), principal: pyFloat(money) });
    }
    if (atZero <= 1e-12 * money) return 0;
    var low = 0, high = MAX_RATE / 100 / periodsAYear;
    if (surplus(high) > 0) throw new Problem("rate_too_high", { rate: "1000+" });
    for (var step = 0; step < MAX_STEPS; step += 1) {
      var middle = (low + high) / 2;
      if (surplus(middle) > 0) low = middle;
      else high = middle;
      if (high - low < TOLERANCE) break;
    }
    return (low + high) / 2;
  }

  /* fees.rates.overdue_cost */
  function overdueCost(inp) {
    var on = inp.overdue_amount || inp.principal, daily, charge;
    if (inp.overdue_rate) {
      daily = inp.overdue_rate;
      charge = on.mul(daily).div(100).mul(inp.days_overdue).quantize("0.01", "half_up");
    } else {
      charge = inp.overdue_charge;
      daily = charge.mul(100).div(on.mul(inp.days_overdue));
    }
    var yearly = daily.mul(YEAR_DAYS);
    if (yearly.compare(MAX_RATE) > 0) throw new Problem("rate_too_high", { rate: yearly.quantize("1").fixed() });
    return { days: inp.days_overdue, on: on, charge: charge, daily: fine(daily), yearly: fine(yearly) };
  }

  /* fees.rates.compute: what the loan costs, against the lines. */
  function compute(inp, lines) {
    validate(inp);
    var made = repaymentsOf(inp), repayments = made[0], k = made[1];
    var total = sum(repayments.map(function (r) { return r.amount; }));
    var cost = total.sub(inp.principal);
    if (cost.compare(0) < 0) {
      throw new Problem("never_repaid", { total: moneyText(total), principal: moneyText(inp.principal) });
    }
    var r = irr(inp.principal, repayments, k);
    var rates = {
      simple: simpleRate(inp.principal, repayments),
      nominal_irr: percentOf(r * k),
      effective: percentOf(Math.expm1(k * Math.log1p(r))),
      k: k
    };
    var overdue = inp.days_overdue !== undefined ? overdueCost(inp) : null;
    var checks = lines.map(function (line) { return compare(line, rates, overdue); });
    return { inputs: inp, total: total, cost: cost, repayments: repayments, rates: rates, overdue: overdue, lines: checks };
  }

  /* fees.rates.compare: above the line by the simple rate, the IRR or the overdue charge. */
  function compare(line, rates, overdue) {
    var measured = [["simple", rates.simple], ["nominal_irr", rates.nominal_irr]];
    if (overdue) measured.push(["overdue", overdue.yearly]);
    var by = measured.filter(function (m) {
      return m[1].quantize("0.01", "half_up").compare(line.rate) > 0;
    }).map(function (m) { return m[0]; });
    return { line: line, above: by.length > 0, by: by };
  }

  /* --- fees.render ---------------------------------------------------------------- */

  function pct(value, places) {
    return value.quantize(places || "0.01", "half_up").toString();
  }

  /* Python's f"{x:.2f}" of a float: exact ties (only x = m/8) go to even. */
  function twoPlaces(x) {
    var scaled = x * 100;
    if (Number.isInteger(x * 8) && Math.abs(scaled % 1) === 0.5) {
      var down = Math.floor(scaled), even = down % 2 === 0 ? down : down + 1;
      return (even / 100).toFixed(2);
    }
    return x.toFixed(2);
  }

  function inputsJson(inp) {
    var found = { principal: String(inp.principal), plan: inp.plan };
    if (inp.plan === "instalments") merge(found, { periods: inp.periods, fee_rate: String(inp.fee_rate) });
    else if (inp.plan === "payments") merge(found, { periods: inp.periods, payment: String(inp.payment) });
    else if (inp.plan === "daily_rate") merge(found, { daily_rate: String(inp.daily_rate), term_days: inp.term_days });
    else {
      merge(found, {
        start: inp.start.iso,
        schedule: inp.schedule.map(function (p) { return { date: p.day.iso, amount: String(p.amount) }; })
      });
    }
    if (inp.days_overdue !== undefined) {
      found.days_overdue = inp.days_overdue;
      if (inp.overdue_rate) found.overdue_rate = String(inp.overdue_rate);
      if (inp.overdue_charge) found.overdue_charge = String(inp.overdue_charge);
      if (inp.overdue_amount) found.overdue_amount = String(inp.overdue_amount);
    }
    return found;
  }

  function m(amount) {
    return amount.quantize("0.01", "half_up").toString();
  }

  /* fees.render.as_json: the README's contract. */
  function asJson(result, lang) {
    var o = result.overdue;
    return {
      lang: lang,
      inputs: inputsJson(result.inputs),
      amount_received: m(result.inputs.principal),
      cost_of_credit: m(result.cost),
      total_to_repay: m(result.total),
      repayments: result.repayments.map(function (r) {
        return { after_days: twoPlaces(r.years * YEAR_DAYS), amount: m(r.amount) };
      }),
      rates: {
        simple: pct(result.rates.simple),
        nominal_irr: pct(result.rates.nominal_irr),
        effective: pct(result.rates.effective)
      },
      periods_per_year: result.rates.k,
      year_days: YEAR_DAYS,
      overdue: o === null ? null : {
        days: o.days, on_amount: m(o.on), charge: m(o.charge),
        daily_rate: pct(o.daily, "0.0001"), yearly_rate: pct(o.yearly)
      },
      lines: result.lines.map(function (c) {
        return {
          id: c.line.id, name: c.line.name[lang], rate: c.line.rate_shown, above: c.above,
          by: c.by.slice(), reference: c.line.references[0], references: c.line.references.slice(),
          date: c.line.date, checked: c.line.checked, lpr: c.line.lpr_shown
        };
      })
    };
  }

  /* Lines as the page reads them: `data.fees.lines` with their rates as decimals. */
  function lines(data) {
    return data.fees.lines.map(function (line) {
      return merge(merge({}, line), { rate: Decimal.of(line.rate) });
    });
  }

  /* The whole check for the typed `figures`: the JSON document, or a Problem thrown. */
  function check(data, figures, lang) {
    return asJson(compute(FeeInputs.inputs(figures), lines(data)), lang);
  }

  return {
    Problem: Problem, inputs: FeeInputs.inputs, compute: compute, asJson: asJson, lines: lines,
    check: check, pct: pct, moneyText: moneyText
  };
})();
