{#- The evidence panel's pieces, shared by the network view and the timeline (included inside
    their scripts). Everything from the graph goes in with textContent, a link only for
    http(s) URLs. The page defines `details` (the panel) and `closeDetails`. -#}
  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) { e.className = cls; }
    if (text !== undefined) { e.textContent = text; }
    return e;
  }
  function sourceLine(source) {
    var cite = el("cite", "", "— " + source[0]);
    if (/^https?:\/\//i.test(source[1])) {
      var link = el("a", "", source[1]);
      link.href = source[1];
      link.target = "_blank";
      link.rel = "noopener noreferrer";
      cite.appendChild(document.createElement("br"));
      cite.appendChild(link);
    }
    return cite;
  }
  // One evidence sentence, the fact's words marked. Offsets count code points, as Python does.
  function quoted(evidence) {
    var chars = Array.from(evidence[0]), at = 0;
    var quote = el("blockquote");
    evidence[1].forEach(function (span) {
      quote.appendChild(document.createTextNode(chars.slice(at, span[0]).join("")));
      quote.appendChild(el("mark", "", chars.slice(span[0], span[1]).join("")));
      at = span[1];
    });
    quote.appendChild(document.createTextNode(chars.slice(at).join("")));
    return [quote, sourceLine(evidence[2])];
  }
  // Copy selects the panel's text (and puts it on the clipboard where the page may); Close shuts it.
  function tools() {
    var box = el("div", "tools");
    var copy = el("button", "", "Kopiera");
    copy.type = "button";
    copy.id = "copy";
    copy.addEventListener("click", function () {
      var range = document.createRange();
      range.selectNodeContents(details);
      var selection = window.getSelection();
      selection.removeAllRanges();
      selection.addRange(range);
      var text = details.innerText.replace(/^Kopiera\s*Stäng\s*/, "");
      if (navigator.clipboard) { navigator.clipboard.writeText(text).catch(function () {}); }
    });
    var close = el("button", "", "Stäng");
    close.type = "button";
    close.addEventListener("click", closeDetails);
    box.appendChild(copy);
    box.appendChild(close);
    return box;
  }
