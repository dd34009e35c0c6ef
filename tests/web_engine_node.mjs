/* The page's engine (web/assets/engine.js) run in Node, with no browser, on the cases
 * tests/enginecases.py writes: each call's result must equal the Python side's.
 *
 *   node tests/web_engine_node.mjs CASES.json [--bail]
 *
 * Exits 0 when every case agrees; otherwise prints how many differ and the first
 * difference, and exits 1 (with --bail, at the first difference: StrykerJS runs it once
 * per mutant, and a killed mutant need not run the rest; mutation/README.md). The scripts are run as the page runs them: classic
 * scripts in one global scope, each after those it uses.
 */
import { readFileSync } from "node:fs";
import vm from "node:vm";

const ASSETS = new URL("../src/overdue_guide/web/assets/", import.meta.url);
for (const name of ["packed.js", "decimal.js", "engine.js", "drafts.js"]) {
  vm.runInThisContext(readFileSync(new URL(name, ASSETS), "utf8"), { filename: name });
}
const { Drafts, Engine, Packed } = globalThis;

/* Equal as JSON values, as Python's == compares the parsed documents (key order aside). */
function same(a, b) {
  if (Array.isArray(a) || Array.isArray(b)) {
    return Array.isArray(a) && Array.isArray(b) && a.length === b.length &&
      a.every((v, i) => same(v, b[i]));
  }
  if (a !== null && b !== null && typeof a === "object" && typeof b === "object") {
    const keys = Object.keys(a);
    return keys.length === Object.keys(b).length &&
      keys.every((k) => Object.prototype.hasOwnProperty.call(b, k) && same(a[k], b[k]));
  }
  return a === b;
}

/* The call's result, or what it threw as {throws: message}. */
function attempt(call) {
  try {
    return call();
  } catch (error) {
    return { throws: String(error.message) };
  }
}

const cases = JSON.parse(readFileSync(process.argv[2], "utf8"));
/* The cases of one kind; a file may leave a kind out (the count printed says how many ran). */
const section = (name) => cases[name] || [];
const data = Packed.unpack(cases.packed);
const differing = [];

let checked = 0;

const bail = process.argv.includes("--bail");

function check(what, got, want) {
  checked += 1;
  if (!same(got, want)) differing.push({ what, want, got });
  if (bail && differing.length) report();
}

/* Complete paths: the contract and the checklist view, from the tables said once. */
const tables = cases.expected;
for (const c of section("paths")) {
  const entries = tables.entries[c.lang], lines = tables.lines[c.lang];
  const notes = tables.notes[c.lang];
  check(
    `contract ${c.lang} ${JSON.stringify(c.answers)}`,
    attempt(() => Engine.contract(data, c.lang, c.answers)),
    {
      flow: tables.flow, lang: c.lang, answers: c.taken || c.answers,
      checklist: c.items.map((id) => entries[id])
    }
  );
  check(
    `report ${c.lang} ${JSON.stringify(c.answers)}`,
    attempt(() => Engine.report(data, c.lang, Engine.checklist(data.flow, c.answers))),
    {
      lines: c.items.map((id, i) => ({ ...lines[id], refs: c.refs[i] })),
      sources: c.sources.map(([note, number]) => ({ number, ...notes[note] }))
    }
  );
}

/* Answers cut short or strayed: the walk, the answers on the path, those that count. */
for (const c of section("partial")) {
  const where = JSON.stringify(c.answers);
  check(`walk ${where}`, attempt(() => Engine.walk(data.flow, c.answers)),
    { path: c.path, pending: c.pending });
  check(`onPath ${where}`, attempt(() => Engine.onPath(data.flow, c.answers)), c.on_path);
  check(`applicable ${where}`, attempt(() => Engine.applicable(data.flow, c.answers)), c.applicable);
}

for (const c of section("revise")) {
  check(`revise ${c.id}=${JSON.stringify(c.answer)} in ${JSON.stringify(c.answers)}`,
    attempt(() => Engine.revise(data.flow, c.answers, c.id, c.answer)), c.expected);
}

for (const c of section("validate")) {
  check(`validate ${c.id} ${JSON.stringify(c.raw)}`,
    attempt(() => Engine.validate(data.flow, c.id, c.raw)), c.expected);
}

/* Hand-made: a checklist view, conditions, and small flows the checker would refuse or
 * that end early. */
for (const c of section("reports")) {
  check(`report by hand ${JSON.stringify(c.result)}`,
    attempt(() => Engine.report(c.data, c.lang, c.result)), c.expected);
}
for (const c of section("conditions")) {
  check(`evaluate ${JSON.stringify(c.condition)} on ${JSON.stringify(c.answers)}`,
    attempt(() => Engine.holds(c.condition, c.answers)), c.expected);
}
for (const c of section("flows")) {
  for (const w of c.walk) {
    check(`${c.name}: walk ${JSON.stringify(w.answers)}`,
      attempt(() => Engine.walk(c.flow, w.answers)), w.expected);
  }
  for (const w of c.checklist) {
    check(`${c.name}: checklist ${JSON.stringify(w.answers)}`,
      attempt(() => Engine.checklist(c.flow, w.answers)), w.expected);
  }
}

/* Where two JSON values first differ, as a path into them ("" where they differ whole). */
function where(a, b, at = "") {
  if (a === null || b === null || typeof a !== "object" || typeof b !== "object" ||
      Array.isArray(a) !== Array.isArray(b)) return at;
  const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])];
  const key = keys.find((k) => !same(a[k], b[k]));
  return key === undefined ? at : where(a[key], b[key], `${at}/${key}`);
}

/* The letters: filled, and the details they ask for (with and without the path, and once
 * the details given are known, or each given or left blank); the sums of the monthly plan,
 * and amounts as typed. */
for (const c of section("drafts")) checkDrafts(data, c, "");
const hand = cases.hand_drafts || { cases: [] };
for (const c of hand.cases) checkDrafts({ ...data, drafts: hand.drafts }, c, "by hand ");

function checkDrafts(data, c, kind) {
  const where = `${kind}${c.lang} ${JSON.stringify(c.answers)} ${JSON.stringify(c.details)}`;
  const offered = attempt(() => Drafts.offered(data, c.answers));
  const ids = (found) => found.map((detail) => detail.id);
  check(`drafts ${where}`, attempt(() => Drafts.contract(data, c.answers, c.details, c.lang)),
    c.drafts);
  check(`asked ${where}`, attempt(() => ids(Drafts.asked(data, offered))), c.asked);
  check(`asked on the path ${where}`,
    attempt(() => ids(Drafts.asked(data, offered, c.answers))), c.asked_here);
  const known = Object.fromEntries(Object.entries(c.details).filter(([, v]) => v.trim()));
  check(`asked with the details known ${where}`,
    attempt(() => ids(Drafts.asked(data, offered, c.answers, known))), c.asked_known);
  check(`asked with each detail given or left blank ${where}`,
    attempt(() => ids(Drafts.asked(data, offered, c.answers, c.details))), c.asked_decided);
}
for (const c of section("verdicts")) {
  check(`verdict ${JSON.stringify(c.details)}`, attempt(() => {
    const found = Drafts.verdict(c.details);
    return found && {
      left: Drafts.amountText(found.left), offer: Drafts.amountText(found.offer),
      affordable: found.affordable, nothing_left: found.nothingLeft
    };
  }), c.expected);
}
for (const c of section("amounts")) {
  check(`money ${JSON.stringify(c.typed)}`, attempt(() => {
    const found = Drafts.money(c.typed);
    return found && Drafts.amountText(found);
  }), c.expected);
}

function report() {
  const { what, want, got } = differing[0];
  const at = where(want, got);
  const part = (value) => JSON.stringify(at.split("/").slice(1).reduce((v, k) => v?.[k], value));
  console.error(`${differing.length} differ; first: ${what}\nat ${at || "/"}\n` +
    `Python: ${part(want)}\npage:   ${part(got)}`);
  process.exit(1);
}

if (differing.length) report();
console.log(`the page agrees with the Python side on ${checked} results`);
