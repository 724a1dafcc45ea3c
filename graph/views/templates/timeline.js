{#- The timeline's behaviour, included by timeline.html inside its <script>. The bars' evidence
    arrives only through tojson, which escapes < > & so that no label can close the script. -#}
(function () {
  "use strict";
  var BARS = {{ bars_data|tojson }};
  var details = document.getElementById("details");
  {% include "evidence.js" %}
  function closeDetails() {
    document.body.classList.remove("details-open");
    details.replaceChildren();
    document.querySelectorAll(".bar.chosen").forEach(function (b) { b.classList.remove("chosen"); });
  }
  // A bar's panel: who held which post where, when, and the sentences that say so.
  function showBar(button) {
    var bar = BARS[Number(button.dataset.bar)];
    closeDetails();
    button.classList.add("chosen");
    var status = bar.current ? "Nuvarande roll" : "Tidigare roll";
    var parts = [el("h2", "", bar.holder), el("p", "kind", bar.title ? bar.title + ", " + bar.organisation : bar.organisation),
                 el("div", "line", status + (bar.when ? " · " + bar.when : " · utan datum i texten"))];
    parts.push(el("h3", "", "Belägg (" + bar.evidence.length + ")"));
    bar.evidence.forEach(function (ev) { parts = parts.concat(quoted(ev)); });
    if (!bar.evidence.length) { parts.push(el("p", "kind", "Inget belägg i texten.")); }
    details.replaceChildren(tools());
    parts.forEach(function (part) { details.appendChild(part); });
    details.dataset.showing = bar.role;
    document.body.classList.add("details-open");
  }
  document.querySelectorAll(".bar").forEach(function (button) {
    button.addEventListener("click", function () { showBar(button); });
  });
  var currentOnly = document.getElementById("current-only");
  currentOnly.addEventListener("change", function () {
    document.body.classList.toggle("current-only", currentOnly.checked);
  });
  document.body.dataset.settled = "true";
})();
