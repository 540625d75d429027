/* The agenda editor. The server renders the tree; this file
   - gives each item its controls. The server writes them once per page, translated, in
     <template id="agenda-item-tools"> (agendas/editor_html.py); each item carries only what
     is its own (data-id, its number, title and documents: data-doc and the symbol). When a
     tree arrives (page load, every htmx swap) every item gets a copy of the controls with
     its number (title, symbol) filled in for %(number)s (%(title)s, %(symbol)s), the moves
     it allows read from where it sits in the nested lists, and an empty list to drop
     sub-items into where it may have some;
   - turns those buttons (data-move, data-edit, data-delete, data-unallocate) and the search
     boxes into htmx requests;
   - lets SortableJS move items by drag and drop across the nested lists;
   - keeps keyboard focus on the control that was used once htmx has replaced the tree.
   Its other words come from the page, translated there: data-search-placeholder and
   data-search-label (with __NUMBER__ for the item's number) on #agenda-tree. */
(function () {
  "use strict";

  var lastFocusId = null;
  var searchTimers = {};

  function tree() {
    return document.getElementById("agenda-tree");
  }

  function csrfToken() {
    try {
      return JSON.parse(document.body.getAttribute("hx-headers"))["X-CSRFToken"];
    } catch (e) {
      return "";
    }
  }

  function post(url, values, source) {
    return htmx.ajax("POST", url, {
      source: source,
      target: "#agenda-tree",
      swap: "outerHTML",
      values: values || {},
      headers: { "X-CSRFToken": csrfToken() },
    });
  }

  // ------------------------------------------------------------------ the items' controls

  // "%(name)s" becomes values[name] and "%%" a "%", as Python's % does with the same
  // translated sentences; one pass, so nothing a user wrote is read as a placeholder.
  function fill(text, values) {
    return text.replace(/%(?:\((\w+)\)s|%)/g, function (whole, name) {
      if (!name) return "%";
      return Object.prototype.hasOwnProperty.call(values, name) ? values[name] : whole;
    });
  }

  // A copy of one control of the template with its words filled in: attributes and text
  // are set as text, never parsed as markup.
  function copyOf(kit, tool, values) {
    var el = kit.querySelector('[data-tool="' + tool + '"]').cloneNode(true);
    el.removeAttribute("data-tool");
    fillIn(el, values);
    return el;
  }

  function fillIn(el, values) {
    [el].concat(Array.prototype.slice.call(el.querySelectorAll("*"))).forEach(function (node) {
      Array.prototype.slice.call(node.attributes).forEach(function (attr) {
        if (attr.value.indexOf("%") !== -1) node.setAttribute(attr.name, fill(attr.value, values));
      });
      Array.prototype.forEach.call(node.childNodes, function (child) {
        if (child.nodeType === 3 && child.nodeValue.indexOf("%") !== -1) {
          child.nodeValue = fill(child.nodeValue, values);
        }
      });
    });
  }

  // Where an item sits, read from the nested lists as agendas.tree.Node reads it from the
  // tree: the moves it allows and whether sub-items may be dropped into it.
  function parentItem(li) {
    return li.parentElement.closest("li[data-id]");
  }

  function childItems(li) {
    var list = li.querySelector(":scope > ol.agenda-list");
    return list ? Array.prototype.slice.call(list.children) : [];
  }

  function depthOf(li) {
    var depth = 0;
    for (var p = parentItem(li); p; p = parentItem(p)) depth += 1;
    return depth;
  }

  // Levels in the item's subtree, itself included.
  function heightOf(li) {
    return 1 + childItems(li).reduce(function (most, child) {
      return Math.max(most, heightOf(child));
    }, 0);
  }

  function indexOf(li) {
    var index = 0;
    for (var el = li; el; el = el.previousElementSibling) index += 1;
    return index;
  }

  function placeOf(li, maxDepth) {
    var depth = depthOf(li);
    var first = !li.previousElementSibling;
    var index = indexOf(li);
    var parent = parentItem(li);
    return {
      moves: {
        up: !first,
        down: Boolean(li.nextElementSibling),
        // Becoming a sub-item of the sibling above adds one level to the whole subtree.
        indent: !first && depth + heightOf(li) < maxDepth,
        outdent: depth > 0,
      },
      mayHaveChildren: depth + 1 < maxDepth,
      // The number of the sibling above, which indenting puts the item under
      // (Node.previous_number: the parent's number, a dot, the index).
      previous: first ? "" : (parent ? numberOf(parent) + "." : "") + (index - 1),
    };
  }

  function numberOf(li) {
    return li.querySelector(":scope > .item-row > .item-num").textContent;
  }

  function itemActions(kit, li, place, values) {
    var id = li.dataset.id;
    var actions = kit.querySelector('[data-tool="actions"]').cloneNode(true);
    actions.removeAttribute("data-tool");
    actions.querySelectorAll("[data-move]").forEach(function (button) {
      var move = button.dataset.move;
      button.id = "move-" + move + "-" + id;
      // A move past an edge stays focusable (aria-disabled, not disabled): the focus must not
      // jump away when an item reaches the top after "Move up".
      if (!place.moves[move]) {
        button.classList.add("disabled");
        button.setAttribute("aria-disabled", "true");
      }
      if (button.hasAttribute("data-label-under")) {
        if (place.previous) button.setAttribute("aria-label", button.dataset.labelUnder);
        button.removeAttribute("data-label-under");
      }
    });
    var edit = actions.querySelector("[data-edit]");
    edit.id = "edit-" + id;
    var del = actions.querySelector("[data-delete]");
    del.id = "delete-" + id;
    if (childItems(li).length) del.setAttribute("data-confirm", del.dataset.confirmChildren);
    del.removeAttribute("data-confirm-children");
    fillIn(actions, values);
    return actions;
  }

  function documentRow(kit, doc, number, documentUrl) {
    var symbol = doc.firstElementChild;
    var text = symbol && symbol.nextSibling;
    if (!symbol) return;
    symbol.className = "symbol";
    if (documentUrl) {
      symbol.setAttribute("href", fill(documentUrl, { symbol: symbol.textContent }));
    }
    if (text && text.nodeType === 3) {
      var title = document.createElement("span");
      title.className = "doc-title";
      title.textContent = text.nodeValue.replace(/^ /, "");
      text.nodeValue = " ";
      doc.appendChild(title);
    }
    var remove = copyOf(kit, "remove", { symbol: symbol.textContent, number: number });
    remove.dataset.unallocate = doc.dataset.doc;
    doc.appendChild(remove);
  }

  function equip(kit, li, documentUrl, maxDepth) {
    var row = li.querySelector(":scope > .item-row");
    var main = row && row.querySelector(":scope > .item-main");
    // An item written with its controls already (a tree cached before they moved here).
    if (!main || row.querySelector(":scope > .item-actions")) return;
    var id = li.dataset.id;
    var number = numberOf(li);
    var place = placeOf(li, maxDepth);
    var title = main.querySelector(":scope > .item-title > span").textContent;
    var values = { number: number, title: title, previous: place.previous };
    li.id = "node-" + id;
    li.classList.add("agenda-node");
    row.id = "row-" + id;
    var handle = copyOf(kit, "handle", values);
    handle.id = "handle-" + id;
    row.insertBefore(handle, row.firstChild);
    main.querySelectorAll(":scope > .item-docs > li[data-doc]").forEach(function (doc) {
      documentRow(kit, doc, number, documentUrl);
    });
    // The search box is added when the details open (one per item would weigh on every page).
    var allocate = copyOf(kit, "allocate", values);
    allocate.dataset.item = id;
    allocate.dataset.number = number;
    allocate.querySelector("summary").id = "alloc-" + id;
    main.appendChild(allocate);
    row.appendChild(itemActions(kit, li, place, values));
    // The list of its sub-items, or an empty one to drop sub-items into; either names the
    // item as the parent of what is dropped there.
    var children = li.querySelector(":scope > ol");
    if (!children && place.mayHaveChildren) {
      children = document.createElement("ol");
      children.className = "agenda-list agenda-list-empty";
      li.appendChild(children);
    }
    if (children) children.dataset.parent = id;
  }

  // Every item of the tree that has no controls yet gets them (idempotent: called on load,
  // after each swap and on htmx:load).
  function equipTree(root) {
    var template = document.getElementById("agenda-item-tools");
    if (!root || !template) return;
    var documentUrl = root.dataset.documentUrl || "";
    var maxDepth = parseInt(root.dataset.maxDepth, 10) || 3;
    root.querySelectorAll("li[data-id]").forEach(function (li) {
      if (li._equipped) return;
      li._equipped = true;
      equip(template.content, li, documentUrl, maxDepth);
    });
  }

  function itemUrl(el) {
    var node = el.closest("[data-id]");
    return { id: node.dataset.id, url: tree().dataset.itemsUrl + node.dataset.id + "/" };
  }

  document.addEventListener("click", function (evt) {
    if (!evt.target.closest) return;
    var el = evt.target.closest(
      "#agenda-tree [data-move], #agenda-tree [data-edit], #agenda-tree [data-delete], #agenda-tree [data-unallocate]"
    );
    if (!el) return;
    evt.preventDefault();
    // A focused button with aria-disabled (a move past the edge) does nothing when pressed.
    if (el.getAttribute("aria-disabled") === "true") return;
    var item = itemUrl(el);
    lastFocusId = el.id || null;
    if (el.dataset.move) {
      post(item.url + "move/", { direction: el.dataset.move }, el);
    } else if (el.hasAttribute("data-edit")) {
      htmx.ajax("GET", item.url, { source: el, target: "#row-" + item.id, swap: "outerHTML" });
    } else if (el.hasAttribute("data-delete")) {
      if (window.confirm(el.dataset.confirm)) post(item.url + "delete/", {}, el);
    } else if (el.dataset.unallocate) {
      post(item.url + "documents/" + el.dataset.unallocate + "/remove/", {}, el);
    }
  });

  function search(input) {
    clearTimeout(searchTimers[input.id]);
    searchTimers[input.id] = setTimeout(function () {
      htmx.ajax("GET", tree().dataset.searchUrl, {
        source: input,
        target: "#results-" + input.dataset.item,
        swap: "innerHTML",
        values: { q: input.value, item: input.dataset.item },
      });
    }, 250);
  }

  // Opening "Allocate a document" adds the search box of that item.
  document.addEventListener("toggle", function (evt) {
    var details = evt.target;
    if (!details.matches || !details.matches("#agenda-tree details.item-alloc") || !details.open) return;
    var input = details.querySelector("input.doc-search");
    if (!input) {
      var id = details.dataset.item;
      input = document.createElement("input");
      input.type = "search";
      input.className = "form-control form-control-sm mt-1 doc-search";
      input.id = "search-" + id;
      input.name = "q";
      input.autocomplete = "off";
      var words = tree().dataset;
      input.placeholder = words.searchPlaceholder || "";
      input.dataset.item = id;
      input.setAttribute(
        "aria-label", (words.searchLabel || "").replace("__NUMBER__", details.dataset.number)
      );
      input.setAttribute("aria-controls", "results-" + id);
      var results = document.createElement("div");
      results.id = "results-" + id;
      results.className = "search-results";
      results.setAttribute("aria-live", "polite");
      details.appendChild(input);
      details.appendChild(results);
    }
    input.focus();
  }, true);

  ["input", "search"].forEach(function (type) {
    document.addEventListener(type, function (evt) {
      if (evt.target.matches && evt.target.matches("#agenda-tree input.doc-search")) {
        search(evt.target);
      }
    });
  });

  function initSortables(root) {
    root.querySelectorAll("ol.agenda-list").forEach(function (list) {
      if (list._sortable) return;
      list._sortable = Sortable.create(list, {
        group: "agenda",
        handle: ".drag-handle",
        draggable: ".agenda-node",
        // Mouse events instead of native HTML5 drag and drop: works the same in every
        // browser, on touch screens and under Playwright.
        forceFallback: true,
        fallbackOnBody: true,
        fallbackTolerance: 3,
        swapThreshold: 0.65,
        emptyInsertThreshold: 5,
        animation: 120,
        ghostClass: "agenda-ghost",
        chosenClass: "agenda-chosen",
        onEnd: function (evt) {
          if (evt.from === evt.to && evt.oldIndex === evt.newIndex) return;
          var id = evt.item.dataset.id;
          lastFocusId = "handle-" + id;
          post(tree().dataset.itemsUrl + id + "/move/", {
            parent: evt.to.dataset.parent || "",
            index: evt.newIndex + 1,
          }, evt.item);
        },
      });
    });
  }

  function restoreFocus(root) {
    if (root._focusRestored) return;
    root._focusRestored = true;
    var wanted = root.dataset.focus || lastFocusId;
    lastFocusId = null;
    if (!wanted) return;
    var el = document.getElementById(wanted);
    if (!el) return;
    el.focus();
    var r = el.getBoundingClientRect();
    if (r.top < 0 || r.bottom > window.innerHeight) el.scrollIntoView({ block: "center" });
  }

  // Requests that replace the tree (the add form, the usual items, a search hit) come back to
  // the control that sent them, unless the server names another one (data-focus).
  document.addEventListener("htmx:beforeRequest", function (evt) {
    var active = document.activeElement;
    var root = tree();
    if (!root || !evt.detail.target || evt.detail.target.id !== "agenda-tree") return;
    if (active && active.id && root.contains(active) && !lastFocusId) lastFocusId = active.id;
  });

  function announce(root) {
    var next = root.querySelector("#agenda-status-next");
    var status = document.getElementById("agenda-status");
    if (next && status) status.innerHTML = next.innerHTML;
  }

  function setup(root) {
    if (root.id === "agenda-tree") {
      equipTree(root);
      initSortables(root);
      restoreFocus(root);
      announce(root);
      return;
    }
    if (root.matches && root.matches("form.item-edit")) {
      var first = root.querySelector("input, textarea, select");
      if (first) first.focus();
      return;
    }
    var found = root.querySelector && root.querySelector("#agenda-tree");
    if (found) {
      equipTree(found);
      initSortables(found);
    }
  }

  // A new tree gets its controls as soon as it is swapped in, before the browser paints it
  // (htmx:load comes only after the settle delay), and the focus goes back to the control
  // that was used, which exists only from now on.
  document.addEventListener("htmx:afterSwap", function (evt) {
    var root = evt.target && evt.target.id === "agenda-tree" ? evt.target : null;
    if (!root) return;
    equipTree(root);
    restoreFocus(root);
  });

  htmx.onLoad(setup);
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", function () { setup(document.body); });
  } else {
    setup(document.body);
  }
})();
