// Ranked ballots with JavaScript on: drag the options into order, or move them with the
// buttons beside each (keyboard and touch friendly). The rank fields stay the source of truth,
// so the form posts exactly what it posts without JavaScript.
(function () {
  "use strict";
  function renumber(list) {
    var rows = list.querySelectorAll(".rank-row");
    var rank = 1;
    for (var i = 0; i < rows.length; i++) {
      var input = rows[i].querySelector("input");
      if (rows[i].getAttribute("data-ranked") === "yes") {
        input.value = String(rank);
        rank += 1;
      } else {
        input.value = "";
      }
    }
  }
  function move(row, by) {
    var list = row.parentNode;
    row.setAttribute("data-ranked", "yes");
    if (by < 0 && row.previousElementSibling && row.previousElementSibling.classList.contains("rank-row")) {
      list.insertBefore(row, row.previousElementSibling);
    } else if (by > 0 && row.nextElementSibling) {
      list.insertBefore(row.nextElementSibling, row);
    }
    renumber(list);
    row.querySelector("button").focus();
  }
  function button(label, text, onclick) {
    var b = document.createElement("button");
    b.type = "button";
    b.className = "small secondary rank-move";
    b.setAttribute("aria-label", label);
    b.textContent = text;
    b.addEventListener("click", onclick);
    return b;
  }
  function enhance(fieldset) {
    var rows = Array.prototype.slice.call(fieldset.querySelectorAll(".rank-row"));
    var list = document.createElement("div");
    list.className = "rank-list";
    rows.sort(function (a, b) {
      var x = parseInt(a.querySelector("input").value, 10) || 1e9;
      var y = parseInt(b.querySelector("input").value, 10) || 1e9;
      return x - y;
    });
    var dragged = null;
    rows.forEach(function (row) {
      var input = row.querySelector("input");
      row.setAttribute("data-ranked", input.value ? "yes" : "no");
      row.draggable = true;
      var name = row.querySelector("label").textContent;
      row.insertBefore(button(fieldset.getAttribute("data-up") + ": " + name, "\u2191", function () { move(row, -1); }), row.firstChild);
      row.insertBefore(button(fieldset.getAttribute("data-down") + ": " + name, "\u2193", function () { move(row, 1); }), row.children[1]);
      input.addEventListener("input", function () {
        row.setAttribute("data-ranked", input.value ? "yes" : "no");
      });
      row.addEventListener("dragstart", function () { dragged = row; row.classList.add("dragging"); });
      row.addEventListener("dragend", function () { row.classList.remove("dragging"); dragged = null; });
      row.addEventListener("dragover", function (event) { event.preventDefault(); });
      row.addEventListener("drop", function (event) {
        event.preventDefault();
        if (dragged && dragged !== row) {
          dragged.setAttribute("data-ranked", "yes");
          list.insertBefore(dragged, row);
          renumber(list);
        }
      });
      list.appendChild(row);
    });
    fieldset.appendChild(list);
  }
  var fieldsets = document.querySelectorAll("fieldset.ranking[data-up]");
  for (var i = 0; i < fieldsets.length; i++) {
    enhance(fieldsets[i]);
  }
})();
