/* The checklist screen: items most urgent first (what to do now fits the first screen
 * of a phone: each reason is a tap away), numbered sources with their quotes, the
 * words and letters with the details form, the fee check, and keeping or forgetting
 * the answers. The content is exactly the CLI's (`Engine.report`, `Drafts.render`).
 */
"use strict";

var Checklist = (function () {
  var h = function () { return Page.h.apply(null, arguments); };
  var say = function (key, values) { return Page.say(key, values); };
  var reopen = [];

  function draw() {
    var state = Page.state(), data = Page.data();
    var result = Engine.checklist(data.flow, state.answers);
    var view = Engine.report(data, state.lang, result);
    var offered = Drafts.offered(data, result.answers);
    var ids = result.items;
    return h("section", { class: "screen" }, [
      h("h1", { tabindex: "-1", "data-focus": true, text: Page.texts().title }),
      groups(view, offered),
      sources(view),
      offered.length ? DraftsView.draw(offered, result.answers) : null,
      meets(ids, data.fee_items) ? FeeForm.draw() : null,
      meets(ids, data.evidence_items) ? h("p", { class: "note", text: say("evidence") }) : null,
      tools(),
      h("p", { class: "note", text: say("privacy") }),
      h("p", { class: "alert", text: say("footer") })
    ]);
  }

  function meets(ids, wanted) {
    return ids.some(function (id) { return wanted.indexOf(id) >= 0; });
  }

  /* report.Group: the items under their urgency's heading; an empty checklist says so. */
  function groups(view, offered) {
    var helps = helpers(offered);
    var list = h("div", { "data-checklist": true });
    if (!view.lines.length) list.appendChild(h("p", { text: say("no_items") }));
    Page.data().urgencies.forEach(function (urgency) {
      var lines = view.lines.filter(function (line) { return line.urgency === urgency; });
      if (!lines.length) return;
      list.appendChild(h("section", { class: "group " + urgency }, [
        h("h2", { text: Page.texts().urgency[urgency] }),
        h("ul", { class: "items" }, lines.map(function (line) {
          return item(line, view, helps[line.id] || []);
        }))
      ]));
    });
    return list;
  }

  /* drafts.view.attach: the titles of the drafts that help with each item. */
  function helpers(offered) {
    var found = {};
    offered.forEach(function (draft) {
      draft.items.forEach(function (id) {
        (found[id] = found[id] || []).push(draft.title[Page.state().lang]);
      });
    });
    return found;
  }

  function item(line, view, helps) {
    var key = line.id;
    var quote = h("div", { class: "quote", id: "quote-" + key, hidden: true, "aria-live": "polite" });
    var refs = h("div", { class: "refs" }, [say("sources") + ":"].concat(line.refs.map(function (n) {
      return h("button", {
        type: "button", "aria-expanded": "false", "aria-controls": "quote-" + key,
        "aria-label": say("source_button", { n: n }), text: "[" + n + "]",
        onclick: function (event) { showQuote(event.currentTarget, quote, view.sources[n - 1]); }
      });
    })));
    var listing = helps.join(Page.state().lang === "en" ? "; " : "；");
    return h("li", { "data-item": key, "data-urgency": line.urgency }, [
      h("div", { class: "row" }, [
        h("label", { class: "tickbox" }, [
          h("input", { type: "checkbox", "aria-labelledby": "text-" + key })
        ]),
        h("details", { class: "why" }, [
          h("summary", {}, [h("span", { class: "text", id: "text-" + key, text: line.text })]),
          h("p", { class: "detail", text: line.detail }),
          helps.length ? h("p", { class: "helps", text: say("drafts_helps", { titles: listing }) }) : null,
          refs,
          quote
        ])
      ])
    ]);
  }

  /* A source's number tapped: its name and quoted words under the item, or closed again. */
  function showQuote(button, panel, source) {
    var open = button.getAttribute("aria-expanded") === "true";
    Array.prototype.forEach.call(button.parentNode.querySelectorAll("button"), function (b) {
      b.setAttribute("aria-expanded", "false");
    });
    panel.textContent = "";
    panel.hidden = open;
    if (open) return;
    button.setAttribute("aria-expanded", "true");
    panel.appendChild(h("p", { text: source.number + ". " + source.label }));
    if (source.quote) panel.appendChild(h("blockquote", { text: say("quote") + "「" + source.quote + "」" }));
  }

  function sources(view) {
    if (!view.sources.length) return null;
    return h("section", { class: "sources" }, [
      h("h2", { text: say("sources") }),
      h("ol", { class: "sources" }, view.sources.map(function (source) {
        return h("li", { id: "source-" + source.number }, [
          source.label,
          source.quote ? h("blockquote", { text: "「" + source.quote + "」" }) : null
        ]);
      }))
    ]);
  }

  function tools() {
    var state = Page.state();
    return h("div", { class: "actions tools" }, [
      state.kept
        ? h("button", { type: "button", class: "button", onclick: Keep.forget, text: say("forget") })
        : h("button", { type: "button", class: "button", onclick: Keep.keep, text: say("keep") }),
      h("button", { type: "button", class: "button", onclick: function () { window.print(); }, text: say("print") }),
      h("button", { type: "button", class: "button", onclick: Page.restart, text: say("start_again") })
    ]);
  }

  /* Printing shows every reason and every letter: closed sections are opened, then
   * closed again after. */
  function openForPrint() {
    reopen = Array.prototype.filter.call(document.querySelectorAll("#app details"), function (d) {
      return !d.open;
    });
    reopen.forEach(function (d) { d.open = true; });
  }

  function closeAfterPrint() {
    reopen.forEach(function (d) { d.open = false; });
    reopen = [];
  }

  return { draw: draw, openForPrint: openForPrint, closeAfterPrint: closeAfterPrint };
})();
