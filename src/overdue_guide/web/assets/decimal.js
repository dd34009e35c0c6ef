/* Exact decimal numbers, as Python's `decimal` module computes them.
 *
 * The fee check and the instalment letter work in Decimal on the Python side:
 * money to the fen, rates to a millionth of a percent, every result rounded to
 * 28 significant digits (half to even), as Python's default context does. Floats
 * would differ in the last cent now and then, so the page keeps numbers the same
 * way: a sign, a string of digits and a power of ten. Plain ES2017: no BigInt.
 */
"use strict";

var Decimal = (function () {
  var PRECISION = 28;

  /* --- whole numbers as strings of digits, without leading zeros --------- */

  function trim(digits) {
    var start = 0;
    while (start < digits.length - 1 && digits.charAt(start) === "0") start += 1;
    return digits.slice(start);
  }

  function compareNat(a, b) {
    if (a.length !== b.length) return a.length < b.length ? -1 : 1;
    return a < b ? -1 : a > b ? 1 : 0;
  }

  function addNat(a, b) {
    var out = "", carry = 0, i = a.length - 1, j = b.length - 1;
    while (i >= 0 || j >= 0 || carry) {
      var sum = carry + (i >= 0 ? +a.charAt(i) : 0) + (j >= 0 ? +b.charAt(j) : 0);
      out = (sum % 10) + out;
      carry = sum >= 10 ? 1 : 0;
      i -= 1;
      j -= 1;
    }
    return trim(out || "0");
  }

  /* a − b, where a ≥ b. */
  function subNat(a, b) {
    var out = "", borrow = 0, i = a.length - 1, j = b.length - 1;
    while (i >= 0) {
      var diff = +a.charAt(i) - borrow - (j >= 0 ? +b.charAt(j) : 0);
      borrow = diff < 0 ? 1 : 0;
      out = (diff + 10 * borrow) + out;
      i -= 1;
      j -= 1;
    }
    return trim(out);
  }

  function mulNat(a, b) {
    var sums = [], i, j;
    for (i = 0; i < a.length + b.length; i += 1) sums.push(0);
    for (i = a.length - 1; i >= 0; i -= 1) {
      for (j = b.length - 1; j >= 0; j -= 1) {
        sums[i + j + 1] += +a.charAt(i) * +b.charAt(j);
      }
    }
    for (i = sums.length - 1; i > 0; i -= 1) {
      sums[i - 1] += Math.floor(sums[i] / 10);
      sums[i] %= 10;
    }
    return trim(sums.join(""));
  }

  /* [quotient, remainder] of a ÷ b, by long division a digit at a time. */
  function divmodNat(a, b) {
    var quotient = "", rest = "0";
    for (var i = 0; i < a.length; i += 1) {
      rest = trim(rest + a.charAt(i));
      var digit = 0;
      while (compareNat(rest, b) >= 0) {
        rest = subNat(rest, b);
        digit += 1;
      }
      quotient += digit;
    }
    return [trim(quotient || "0"), rest];
  }

  function zeros(n) {
    return n > 0 ? new Array(n + 1).join("0") : "";
  }

  /* --- decimals: (-1)^negative × digits × 10^exp ---------------------------- */

  function Dec(negative, digits, exp) {
    this.negative = negative;
    this.digits = trim(digits);
    this.exp = exp;
  }

  function make(negative, digits, exp) {
    return new Dec(negative, digits, exp);
  }

  /* base.numerals.decimal: a sign, digits 0-9 with an optional point, an optional
   * exponent, after folding full-width forms to ASCII (as a Chinese input method types
   * them: １２００，８．８) and stripping whitespace; null for anything else (an underscore,
   * digits of another script). Infinity and NaN parse, and are refused by `finite`. */
  var NUMBER = /^([+-]?)(?:(\d+)(?:\.(\d*))?|\.(\d+))(?:[eE]([+-]?\d+))?$/;
  var SPECIAL = /^([+-]?)(inf|infinity|s?nan\d*)$/i;

  function parse(text) {
    var cleaned = stripSpace(fold(String(text)));
    var special = SPECIAL.exec(cleaned);
    if (special) return { special: special[2].toLowerCase(), finite: false };
    var found = NUMBER.exec(cleaned);
    if (!found) return null;
    var whole = found[2] || "";
    var fraction = found[3] || found[4] || "";
    var exponent = found[5] ? parseInt(found[5], 10) : 0;
    return make(found[1] === "-", whole + fraction || "0", exponent - fraction.length);
  }

  /* Python's str.strip(): its whitespace, not JavaScript's \s (which lacks \x1c–\x1f
   * and \x85, and has \ufeff). */
  var SPACE = "\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004" +
    "\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000";

  /* base.numerals.fold: NFKC on the full-width block and the ideographic space, which is
   * all of NFKC a figure meets. */
  function fold(text) {
    return text.replace(/[\uff01-\uff5e]/g, function (c) {
      return String.fromCharCode(c.charCodeAt(0) - 0xfee0);
    }).replace(/\u3000/g, " ");
  }

  function stripSpace(text) {
    var start = 0, end = text.length;
    while (start < end && SPACE.indexOf(text.charAt(start)) >= 0) start += 1;
    while (end > start && SPACE.indexOf(text.charAt(end - 1)) >= 0) end -= 1;
    return text.slice(start, end);
  }

  function of(value) {
    if (value instanceof Dec) return value;
    var found = parse(String(value));
    if (!(found instanceof Dec)) throw new Error("not a number: " + value);
    return found;
  }

  Dec.prototype.finite = true;

  Dec.prototype.isZero = function () {
    return this.digits === "0";
  };

  /* Rounded to `places` digits at most, half to even: Python's context after each operation. */
  Dec.prototype.fix = function (places) {
    var limit = places || PRECISION;
    if (this.digits.length <= limit) return this;
    return this.rescale(this.exp + this.digits.length - limit, "half_even");
  };

  /* The same number with exponent `exp`, rounded by `mode` if digits are dropped. */
  Dec.prototype.rescale = function (exp, mode) {
    if (exp <= this.exp) {
      return make(this.negative, this.digits + zeros(this.exp - exp), exp);
    }
    var drop = exp - this.exp;
    var padded = zeros(drop - this.digits.length + 1) + this.digits;
    var kept = trim(padded.slice(0, padded.length - drop) || "0");
    var gone = padded.slice(padded.length - drop);
    if (roundsUp(kept, gone, mode, this.negative)) kept = addNat(kept, "1");
    return make(this.negative, kept, exp);
  };

  function roundsUp(kept, gone, mode, negative) {
    if (/^0*$/.test(gone)) return false;
    if (mode === "down") return false;
    if (mode === "floor") return negative;
    var first = +gone.charAt(0), rest = /^0*$/.test(gone.slice(1));
    if (first > 5 || (first === 5 && !rest)) return true;
    if (first < 5) return false;
    if (mode === "half_up") return true;
    return +kept.charAt(kept.length - 1) % 2 === 1; /* half_even */
  }

  /* Python's quantize: to the exponent of `pattern` ("0.01"), rounded by `mode`. */
  Dec.prototype.quantize = function (pattern, mode) {
    return this.rescale(of(pattern).exp, mode || "half_even");
  };

  function aligned(a, b) {
    var exp = Math.min(a.exp, b.exp);
    return [trim(a.digits + zeros(a.exp - exp)), trim(b.digits + zeros(b.exp - exp)), exp];
  }

  Dec.prototype.add = function (other) {
    other = of(other);
    var parts = aligned(this, other), exp = parts[2];
    if (this.negative === other.negative) {
      return make(this.negative, addNat(parts[0], parts[1]), exp).fix();
    }
    var order = compareNat(parts[0], parts[1]);
    if (order === 0) return make(false, "0", exp);
    return order > 0
      ? make(this.negative, subNat(parts[0], parts[1]), exp).fix()
      : make(other.negative, subNat(parts[1], parts[0]), exp).fix();
  };

  Dec.prototype.negated = function () {
    return make(!this.negative, this.digits, this.exp);
  };

  Dec.prototype.sub = function (other) {
    return this.add(of(other).negated());
  };

  Dec.prototype.mul = function (other) {
    other = of(other);
    return make(this.negative !== other.negative, mulNat(this.digits, other.digits),
      this.exp + other.exp).fix();
  };

  /* Python's Decimal division: 28 significant digits, half to even; an exact result
   * keeps the ideal exponent (the dividend's minus the divisor's). */
  Dec.prototype.div = function (other) {
    other = of(other);
    if (other.isZero()) throw new Error("division by zero");
    var negative = this.negative !== other.negative;
    var ideal = this.exp - other.exp;
    if (this.isZero()) return make(negative, "0", ideal);
    var shift = other.digits.length - this.digits.length + PRECISION + 1;
    var exp = ideal - shift;
    var parts = shift >= 0
      ? divmodNat(this.digits + zeros(shift), other.digits)
      : divmodNat(this.digits, other.digits + zeros(-shift));
    var coefficient = parts[0];
    if (parts[1] !== "0") {
      if (+coefficient.charAt(coefficient.length - 1) % 5 === 0) {
        coefficient = addNat(coefficient, "1"); /* inexact: never a tie, never exact */
      }
    } else {
      while (exp < ideal && coefficient.length > 1 &&
             coefficient.charAt(coefficient.length - 1) === "0") {
        coefficient = coefficient.slice(0, -1);
        exp += 1;
      }
    }
    return make(negative, coefficient, exp).fix();
  };

  Dec.prototype.compare = function (other) {
    other = of(other);
    if (this.isZero() && other.isZero()) return 0;
    if (this.negative !== other.negative) {
      if (this.isZero()) return other.negative ? 1 : -1;
      return this.negative ? -1 : 1;
    }
    var parts = aligned(this, other);
    var order = compareNat(parts[0], parts[1]);
    return this.negative ? -order : order;
  };

  Dec.prototype.abs = function () {
    return make(false, this.digits, this.exp);
  };

  Dec.prototype.isInteger = function () {
    return this.exp >= 0 || /^0*$/.test(this.digits.slice(this.digits.length + this.exp));
  };

  /* Python's str(Decimal): plain, unless the exponent calls for scientific notation. */
  Dec.prototype.toString = function () {
    var digits = this.digits, left = this.exp + digits.length, dot;
    dot = this.exp <= 0 && left > -6 ? left : 1;
    var whole, fraction;
    if (dot <= 0) {
      whole = "0";
      fraction = "." + zeros(-dot) + digits;
    } else if (dot >= digits.length) {
      whole = digits + zeros(dot - digits.length);
      fraction = "";
    } else {
      whole = digits.slice(0, dot);
      fraction = "." + digits.slice(dot);
    }
    var exponent = left === dot ? "" : "E" + (left - dot >= 0 ? "+" : "") + (left - dot);
    return (this.negative ? "-" : "") + whole + fraction + exponent;
  };

  /* Python's f"{d:f}": fixed point, never an exponent. */
  Dec.prototype.fixed = function () {
    var digits = this.digits, text;
    if (this.exp >= 0) {
      text = digits + zeros(this.exp);
    } else {
      var padded = zeros(-this.exp - digits.length + 1) + digits;
      text = padded.slice(0, padded.length + this.exp) + "." + padded.slice(padded.length + this.exp);
    }
    return (this.negative ? "-" : "") + text;
  };

  /* Python's f"{d:,}" for a number written without an exponent: thousands separated. */
  Dec.prototype.grouped = function () {
    var text = this.fixed(), sign = "";
    if (text.charAt(0) === "-") {
      sign = "-";
      text = text.slice(1);
    }
    var point = text.indexOf(".");
    var whole = point >= 0 ? text.slice(0, point) : text;
    var rest = point >= 0 ? text.slice(point) : "";
    return sign + whole.replace(/\B(?=(\d{3})+(?!\d))/g, ",") + rest;
  };

  Dec.prototype.toNumber = function () {
    return parseFloat((this.negative ? "-" : "") + this.digits + "e" + this.exp);
  };

  /* Python's Decimal(repr(x)) of a float: its shortest round-trip digits. */
  function ofFloat(value) {
    return of(String(value));
  }

  return {
    parse: parse, of: of, ofFloat: ofFloat, strip: stripSpace, fold: fold, SPACE: SPACE, Dec: Dec
  };
})();
