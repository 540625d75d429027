/* The agenda editor: drag and drop with SortableJS over nested lists, and keyboard focus kept
   on the control that was used once htmx has replaced the tree with the server's answer. */
(function () {
  "use strict";

  var lastFocusId = null;

  function csrfToken() {
    try {
      return JSON.parse(document.body.getAttribute("hx-headers"))["X-CSRFToken"];
    } catch (e) {
      return "";
    }
  }

  function postMove(tree, itemId, parentId, index) {
    lastFocusId = "handle-" + itemId;
    htmx.ajax("POST", tree.dataset.itemsUrl + itemId + "/move/", {
      target: "#agenda-tree",
      swap: "outerHTML",
      values: { parent: parentId, index: index },
      headers: { "X-CSRFToken": csrfToken() },
    });
  }

  function initSortables(tree) {
    tree.querySelectorAll("ol.agenda-list").forEach(function (list) {
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
          postMove(tree, evt.item.dataset.id, evt.to.dataset.parent || "", evt.newIndex + 1);
        },
      });
    });
  }

  function restoreFocus(tree) {
    var wanted = tree.dataset.focus || lastFocusId;
    lastFocusId = null;
    if (!wanted) return;
    var el = document.getElementById(wanted);
    if (el) {
      el.focus({ preventScroll: false });
      if (el.scrollIntoView && !isVisible(el)) el.scrollIntoView({ block: "center" });
    }
  }

  function isVisible(el) {
    var r = el.getBoundingClientRect();
    return r.top >= 0 && r.bottom <= window.innerHeight;
  }

  document.addEventListener("htmx:beforeRequest", function (evt) {
    var active = document.activeElement;
    if (active && active.id && document.getElementById("agenda-tree") &&
        document.getElementById("agenda-tree").contains(active)) {
      lastFocusId = active.id;
    }
  });

  // A focused button with aria-disabled does nothing when pressed.
  document.addEventListener("click", function (evt) {
    var button = evt.target.closest && evt.target.closest("#agenda-tree [aria-disabled='true']");
    if (button) evt.preventDefault();
  });

  function setup(root) {
    var tree = root.id === "agenda-tree" ? root : root.querySelector && root.querySelector("#agenda-tree");
    if (!tree) {
      var form = root.matches && root.matches("form.item-edit") ? root : null;
      if (form) {
        var first = form.querySelector("input, textarea, select");
        if (first) first.focus();
      }
      return;
    }
    initSortables(tree);
    if (root.id === "agenda-tree") restoreFocus(tree);
  }

  htmx.onLoad(setup);
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", function () { setup(document.body); });
  } else {
    setup(document.body);
  }
})();
