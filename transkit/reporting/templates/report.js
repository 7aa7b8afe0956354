(function () {
  "use strict";
  var form = document.getElementById("filters");
  if (!form) { return; }
  form.hidden = false;
  function checked(name) {
    var wanted = {};
    var boxes = form.querySelectorAll("input[name='" + name + "']");
    for (var i = 0; i < boxes.length; i++) { wanted[boxes[i].value] = boxes[i].checked; }
    return wanted;
  }
  function apply() {
    var langs = checked("lang");
    var severities = checked("severity");
    var items = document.querySelectorAll("[data-lang]");
    for (var i = 0; i < items.length; i++) {
      var code = items[i].getAttribute("data-lang");
      items[i].toggleAttribute("hidden", Object.prototype.hasOwnProperty.call(langs, code) && !langs[code]);
    }
    var rows = document.querySelectorAll("[data-severity]");
    for (var j = 0; j < rows.length; j++) {
      rows[j].toggleAttribute("hidden", !severities[rows[j].getAttribute("data-severity")]);
    }
  }
  form.addEventListener("change", apply);
  var all = form.querySelectorAll("button[data-set]");
  for (var k = 0; k < all.length; k++) {
    all[k].addEventListener("click", function (event) {
      var on = event.currentTarget.getAttribute("data-set") === "all";
      var boxes = form.querySelectorAll("input[name='lang']");
      for (var b = 0; b < boxes.length; b++) { boxes[b].checked = on; }
      apply();
    });
  }
  var opened = [];
  window.addEventListener("beforeprint", function () {
    var closed = document.querySelectorAll("details:not([open])");
    for (var d = 0; d < closed.length; d++) { closed[d].open = true; opened.push(closed[d]); }
  });
  window.addEventListener("afterprint", function () {
    while (opened.length) { opened.pop().open = false; }
  });
  apply();
}());
