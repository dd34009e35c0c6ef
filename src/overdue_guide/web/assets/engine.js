/* The interpreter of the compiled flow: the page's twin of the Python engine.
 *
 * Each function here mirrors one in the Python package, named in its comment,
 * and does exactly what it does: the tests run every widest path and hundreds of
 * random ones through both and compare the JSON. What depends only on the flow
 * (each item's rank, the questions reachable from each question, every text in
 * every language) was worked out by the Python side at build time and arrives as
 * data, so ordering has one definition. An answer is a code (a string) or, for a
 * multiple choice, an array of codes in the options' order.
 */
"use strict";

var Engine = (function () {
  var END = "end";

  function has(object, key) {
    return Object.prototype.hasOwnProperty.call(object, key);
  }

  /* conditions.evaluate: a question not answered satisfies no test on it. */
  function evaluate(condition, answers) {
    var kind = condition[0];
    if (kind === "is") {
      var answer = has(answers, condition[1]) ? answers[condition[1]] : undefined;
      return typeof answer === "string" && condition[2].indexOf(answer) >= 0;
    }
    if (kind === "includes") {
      var chosen = has(answers, condition[1]) ? answers[condition[1]] : undefined;
      if (!Array.isArray(chosen)) return false;
      var hits = condition[2].map(function (code) { return chosen.indexOf(code) >= 0; });
      return condition[3] ? hits.every(Boolean) : hits.some(Boolean);
    }
    if (kind === "answered") return has(answers, condition[1]);
    if (kind === "all") return condition[1].every(function (t) { return evaluate(t, answers); });
    if (kind === "any") return condition[1].some(function (t) { return evaluate(t, answers); });
    return !evaluate(condition[1], answers);
  }

  function holds(condition, answers) {
    return condition === null || evaluate(condition, answers);
  }

  /* engine.chosen: the codes of an answer, whether one code or several. */
  function chosen(answer) {
    return typeof answer === "string" ? [answer] : answer;
  }

  function option(question, code) {
    for (var i = 0; i < question.options.length; i += 1) {
      if (question.options[i].code === code) return question.options[i];
    }
    return null;
  }

  /* engine.next_target: the chosen option's route, else the question's. */
  function nextTarget(flow, id, answers) {
    var question = flow.questions[id];
    var answer = answers[id];
    var picked = typeof answer === "string" ? option(question, answer) : null;
    var routes = picked && picked.next.length ? picked.next : question.next;
    for (var i = 0; i < routes.length; i += 1) {
      if (holds(routes[i].when, answers)) return routes[i].goto;
    }
    return END;
  }

  /* engine.validate: a raw answer made a checked one (codes in the options' order), or
   * null when it is not one, as for answers read back from the phone's storage (whose
   * keys may be anything, "toString" and "__proto__" too: only the flow's own count). */
  function validate(flow, id, raw) {
    if (!has(flow.questions, id)) return null;
    var question = flow.questions[id];
    var codes = question.options.map(function (o) { return o.code; });
    if (question.kind === "multi") {
      if (!Array.isArray(raw) || raw.some(function (c) { return codes.indexOf(c) < 0; })) return null;
      return codes.filter(function (c) { return raw.indexOf(c) >= 0; });
    }
    return typeof raw === "string" && codes.indexOf(raw) >= 0 ? raw : null;
  }

  /* engine.walk: follow the answers from the start; stop at the first open question. */
  function walk(flow, answers) {
    var path = [], current = flow.start;
    while (current !== END) {
      if (!has(flow.questions, current)) throw new Error("no question '" + current + "'");
      if (path.indexOf(current) >= 0) throw new Error("'" + current + "' is reached twice");
      if (!has(answers, current)) return { path: path, pending: current };
      path.push(current);
      current = nextTarget(flow, current, answers);
    }
    return { path: path, pending: null };
  }

  function pick(answers, ids) {
    var kept = {};
    ids.forEach(function (id) { kept[id] = answers[id]; });
    return kept;
  }

  /* engine.on_path: only the answers of questions on the path taken. */
  function onPath(flow, answers) {
    return pick(answers, walk(flow, answers).path);
  }

  /* engine.applicable: the path's answers, and those of questions still reachable
   * from the first open question (a branch left behind is dropped). */
  function applicable(flow, answers) {
    var step = walk(flow, answers);
    var kept = pick(answers, step.path);
    if (step.pending !== null) {
      var ahead = flow.questions[step.pending].ahead;
      Object.keys(answers).forEach(function (id) {
        if (ahead.indexOf(id) >= 0) kept[id] = answers[id];
      });
    }
    return kept;
  }

  /* engine.revise: the answers after one is changed at the review. */
  function revise(flow, answers, id, answer) {
    var changed = {};
    Object.keys(answers).forEach(function (key) { changed[key] = answers[key]; });
    changed[id] = answer;
    return applicable(flow, changed);
  }

  /* engine.checklist: the item ids a finished path calls for, most urgent first. */
  function checklist(flow, answers) {
    var step = walk(flow, answers);
    if (step.pending !== null) throw new Error("no answer for '" + step.pending + "'");
    var taken = pick(answers, step.path);
    var wanted = [];
    step.path.forEach(function (id) {
      var question = flow.questions[id];
      wanted.push.apply(wanted, question.items);
      chosen(taken[id]).forEach(function (code) {
        var found = option(question, code);
        if (found) wanted.push.apply(wanted, found.items);
      });
    });
    flow.rules.forEach(function (rule) {
      if (evaluate(rule.when, taken)) wanted.push.apply(wanted, rule.items);
    });
    return { answers: taken, items: ordered(flow, wanted) };
  }

  /* engine._ordered: de-duplicated, by the rank the build computed with engine._ranks. */
  function ordered(flow, wanted) {
    var seen = {};
    var ids = wanted.filter(function (id) {
      if (!has(flow.items, id) || has(seen, id)) return false;
      seen[id] = true;
      return true;
    });
    return ids.sort(function (a, b) { return flow.items[a].rank - flow.items[b].rank; });
  }

  /* report.build: items with their texts, sources numbered in order of first use. */
  function report(data, lang, result) {
    var texts = data.texts[lang], numbers = {}, notes = [];
    var lines = result.items.map(function (id) {
      var item = texts.items[id];
      var refs = [];
      item.sources.forEach(function (index) {
        if (!has(numbers, index)) {
          numbers[index] = notes.length + 1;
          var source = texts.sources[index];
          notes.push({ number: notes.length + 1, label: source.label, quote: source.quote });
        }
        if (refs.indexOf(numbers[index]) < 0) refs.push(numbers[index]);
      });
      refs.sort(function (a, b) { return a - b; });
      return {
        id: id, urgency: data.flow.items[id].urgency, text: item.text,
        detail: item.detail, refs: refs
      };
    });
    return { lines: lines, sources: notes };
  }

  /* report.contract: the README's JSON document for a run (without drafts). */
  function contract(data, lang, answers) {
    var result = checklist(data.flow, answers);
    var texts = data.texts[lang];
    return {
      flow: data.flow.id,
      lang: lang,
      answers: result.answers,
      checklist: result.items.map(function (id) {
        var item = texts.items[id];
        return {
          id: id,
          text: item.text,
          detail: item.detail,
          urgency: data.flow.items[id].urgency,
          sources: item.sources.map(function (index) { return texts.sources[index].contract; })
        };
      })
    };
  }

  return {
    END: END, has: has, validate: validate, evaluate: evaluate, holds: holds, chosen: chosen, walk: walk,
    onPath: onPath, applicable: applicable, revise: revise, checklist: checklist,
    report: report, contract: contract
  };
})();
