/* The fee check's figures as a person types them: the twin of fees/inputs.py.
 *
 * Parsing is strict and says what is wrong (a `Problem`, keyed as fees/words.py
 * words it): a number that is not one, a date not written YYYY-MM-DD, schedule rows
 * out of order. Thousands separators and a leading or trailing "%", "元" or "¥"
 * are accepted, as people copy them from the app.
 */
"use strict";

var FeeInputs = (function () {
  var MAX_FIGURE = Decimal.of("1000000000000"), MAX_COUNT = Decimal.of("36500");
  var MARKS = ["%", "元", "¥", "￥", "％"];

  /* A problem with the figures: `key` names it in fees/words.py, `values` fill it. */
  function Problem(key, values) {
    this.key = key;
    this.values = values || {};
  }

  function shown(text) {
    text = Decimal.strip(text);
    return text.length <= 40 ? text : text.slice(0, 39) + "…";
  }

  /* fees.inputs.number: a finite decimal as typed ("1,200", "8.8%", "108.80元"). */
  function number(text, field, limit, where) {
    var cleaned = Decimal.strip(text).replace(/[,，]/g, "");
    MARKS.forEach(function (mark) {
      if (cleaned.slice(-mark.length) === mark) cleaned = cleaned.slice(0, -mark.length);
      if (cleaned.slice(0, mark.length) === mark) cleaned = cleaned.slice(mark.length);
      cleaned = Decimal.strip(cleaned);
    });
    var value = Decimal.parse(cleaned);
    if (!(value instanceof Decimal.Dec)) {
      throw new Problem("not_a_number", merge({ field: field, value: shown(text) }, where));
    }
    if (value.abs().compare(limit || MAX_FIGURE) > 0) {
      var most = (limit || MAX_FIGURE).grouped();
      throw new Problem("too_large", merge({ field: field, value: shown(text), limit: most }, where));
    }
    return value;
  }

  /* fees.inputs.whole: a whole number, as typed. */
  function whole(text, field) {
    var value = number(text || "", field, MAX_COUNT);
    if (!value.isInteger()) throw new Problem("not_whole", { field: field, value: shown(text || "") });
    return Math.round(value.toNumber());
  }

  /* fees.inputs.day: YYYY-MM-DD (or with slashes); days since 1970 and the date as written. */
  function day(text, field, where) {
    var found = /^(\d{4})-(\d{2})-(\d{2})$/.exec(Decimal.strip(text).replace(/\//g, "-"));
    var stamp = found ? Date.UTC(+found[1], +found[2] - 1, +found[3]) : NaN;
    var date = new Date(stamp);
    if (!found || isNaN(stamp) || date.getUTCDate() !== +found[3] || +found[1] < 1) {
      throw new Problem("bad_date", merge({ field: field, value: shown(text) }, where));
    }
    return { days: Math.round(stamp / 86400000), iso: found[1] + "-" + found[2] + "-" + found[3] };
  }

  /* Rows of "date,amount" (or tab-separated), as a schedule file's CSV: blank lines,
   * '#' comments and a header row skipped. */
  function scheduleRows(text, name) {
    var rows = [];
    text.split(/\r\n|\n|\r/).forEach(function (line, index) {
      var cells = line.split(line.indexOf(",") < 0 && line.indexOf("\t") >= 0 ? "\t" : ",")
        .map(Decimal.strip).filter(Boolean);
      if (!cells.length || cells[0].charAt(0) === "#") return;
      if (cells.length !== 2) throw new Problem("schedule_bad_row", { path: name, line: index + 1 });
      if (!rows.length && !/^\d/.test(cells[0])) return;
      rows.push([index + 1, cells[0], cells[1]]);
    });
    return rows;
  }

  /* fees.inputs.from_figures, for the page's form: `figures` holds the typed texts of
   * the plan chosen (`plan`: instalments, payments, daily_rate, schedule) and of the
   * overdue charge if any (`overdue`: rate or charge). */
  function inputs(figures) {
    var found = { principal: number(figures.principal || "", "principal"), plan: figures.plan };
    if (figures.plan === "instalments") {
      found.periods = whole(figures.periods, "periods");
      found.fee_rate = number(figures.fee_rate || "", "fee_rate");
    } else if (figures.plan === "payments") {
      found.periods = whole(figures.periods, "periods");
      found.payment = number(figures.payment || "", "payment");
    } else if (figures.plan === "daily_rate") {
      found.daily_rate = number(figures.daily_rate || "", "daily_rate");
      found.term_days = whole(figures.term_days, "term_days");
    } else {
      readSchedule(found, figures);
    }
    if (figures.overdue) {
      found.days_overdue = whole(figures.days_overdue, "days_overdue");
      if (figures.overdue === "rate") {
        found.overdue_rate = number(figures.overdue_rate || "", "overdue_rate");
      } else {
        found.overdue_charge = number(figures.overdue_charge || "", "overdue_charge");
      }
      if (Decimal.strip(figures.overdue_amount || "")) {
        found.overdue_amount = number(figures.overdue_amount, "overdue_amount");
      }
    }
    return found;
  }

  /* fees.inputs.read_schedule: the rows in order; without a start, one interval before. */
  function readSchedule(found, figures) {
    var name = figures.schedule_name || "schedule";
    var rows = scheduleRows(figures.schedule || "", name);
    if (rows.length > 3650) throw new Problem("schedule_too_long", { path: name, limit: "3,650" });
    var payments = rows.map(function (row) {
      var where = { path: name, line: row[0] };
      var date = day(row[1], "row_date", where);
      return { day: date, amount: number(row[2], "row_amount", undefined, where) };
    });
    if (!payments.length) throw new Problem("schedule_empty");
    for (var i = 1; i < payments.length; i += 1) {
      if (payments[i].day.days <= payments[i - 1].day.days) {
        throw new Problem("dates_out_of_order", {
          number: i + 1, day: payments[i].day.iso, previous: payments[i - 1].day.iso
        });
      }
    }
    var start;
    if (Decimal.strip(figures.start || "")) {
      start = day(figures.start, "start");
    } else {
      if (payments.length < 2) throw new Problem("schedule_needs_start");
      var first = payments[0].day.days, gap = payments[1].day.days - first;
      start = { days: first - gap, iso: isoOf(first - gap) };
    }
    found.start = start;
    found.schedule = payments;
  }

  function isoOf(days) {
    return new Date(days * 86400000).toISOString().slice(0, 10);
  }

  function merge(a, b) {
    Object.keys(b || {}).forEach(function (k) { a[k] = b[k]; });
    return a;
  }

  return { Problem: Problem, inputs: inputs, merge: merge };
})();
