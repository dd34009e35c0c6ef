/* The page's data unpacked: the twin of web/pack.py. The build says each thing once
 * (the page must stay small with three languages); this gives back exactly the
 * document the other scripts read (`build.page_data`, compared in a test):
 *
 *   {"@langs": tree}      a dict keyed by the languages, folded into one tree;
 *   {"@": [zh, tw, en]}   inside it, a value that differs by language, where null
 *                         is derived from zh-CN (for zh-TW a text is converted by
 *                         `traditional`, any other value is zh-CN's own);
 *   {"$": n}              the shared string number n.
 */
"use strict";

var Packed = (function () {
  var FOLDED = "@langs", VARIANTS = "@", SHARED = "$";
  var table = {};

  function has(object, key) {
    return Object.prototype.hasOwnProperty.call(object, key);
  }

  /* i18n.traditional one character at a time (pack.tw_table): for what the person
   * types, and for the texts the build found it converts exactly. Characters, as
   * Python counts them: a few traditional ones lie beyond 16 bits. */
  function traditional(text) {
    return Array.from(text).map(function (c) { return has(table, c) ? table[c] : c; }).join("");
  }

  function unpack(packed) {
    var langs = packed.langs, strings = packed.strings, pairs = Array.from(packed.tw);
    table = {};
    for (var i = 0; i + 1 < pairs.length; i += 2) table[pairs[i]] = pairs[i + 1];

    /* A packed value as `lang` reads it (null outside a folded tree). */
    function resolve(value, lang) {
      if (Array.isArray(value)) return value.map(function (v) { return resolve(v, lang); });
      if (value === null || typeof value !== "object") return value;
      if (has(value, SHARED)) return strings[value[SHARED]];
      if (has(value, FOLDED)) {
        var each = {};
        langs.forEach(function (name) { each[name] = resolve(value[FOLDED], name); });
        return each;
      }
      if (has(value, VARIANTS)) return variant(value[VARIANTS], lang);
      var copy = {};
      Object.keys(value).forEach(function (key) { copy[key] = resolve(value[key], lang); });
      return copy;
    }

    function variant(values, lang) {
      var own = values[langs.indexOf(lang)];
      if (own !== null) return resolve(own, lang);
      var base = resolve(values[0], lang);
      return lang === "zh-TW" && typeof base === "string" ? traditional(base) : base;
    }

    return resolve(packed.data, null);
  }

  return { unpack: unpack, traditional: traditional };
})();
