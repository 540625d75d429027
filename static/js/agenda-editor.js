/* The agenda editor. The server renders the tree; this file
   - turns the items' buttons (data-move, data-edit, data-delete, data-unallocate) and search
     boxes into htmx requests, so the markup of each item stays small;
   - lets SortableJS move items by drag and drop across the nested lists;
   - keeps keyboard focus on the control that was used once htmx has replaced the tree.
   Its words come from the page, translated there: data-search-placeholder and
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
    if (found) initSortables(found);
  }

  htmx.onLoad(setup);
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", function () { setup(document.body); });
  } else {
    setup(document.body);
  }
})();
