{#- The page's behaviour, included by view.html inside its <script>. Values from the graph
    arrive only through tojson, which escapes < > & so that no label can close the script. -#}
(function () {
  "use strict";
  var NODES = {{ nodes|tojson }};
  var EDGES = {{ edges|tojson }};
  var OPTIONS = {{ options }};

  // Titles are plain text from the graph. Turning them into elements with textContent means
  // vis-network never parses them as HTML, whatever version renders them.
  function tooltip(text) {
    var box = document.createElement("div");
    box.className = "kg-tooltip";
    text.split("\n").forEach(function (line, i) {
      var row = document.createElement(i === 0 ? "strong" : "div");
      row.textContent = line;
      box.appendChild(row);
    });
    return box;
  }
  function withTooltip(item) {
    return Object.assign({}, item, {title: tooltip(item.title), text: item.title});
  }

  var nodes = new vis.DataSet(NODES.map(withTooltip));
  var edges = new vis.DataSet(EDGES.map(function (edge) {
    return Object.assign(withTooltip(edge), {chosen: {edge: true, label: revealLabel}});
  }));
  var network = new vis.Network(document.getElementById("network"),
                                {nodes: nodes, edges: edges}, OPTIONS);
  window.kgView = {network: network, nodes: nodes, edges: edges, overlaps: function () { return overlaps(); }};

  // A quiet relation's label is drawn transparent; hovering or selecting the edge, or a node
  // at either end of it, paints it in, large enough to read at the current zoom.
  var EDGE_FONT = {{ edge_font }}, LEGIBLE = {{ legible }};
  function revealLabel(values) {
    values.color = "#222222";
    values.strokeWidth = 4;
    values.strokeColor = "#ffffff";
    values.size = Math.max(values.size, LEGIBLE / network.getScale());
  }
  // Zoomed out so far that edge labels would be too small to read, they are not drawn
  // (only hovered or selected ones are); zoomed in, those drawn always come back.
  var edgeLabelsShown = null;
  function legibleEdgeLabels() {
    var legible = network.getScale() * EDGE_FONT >= LEGIBLE;
    if (legible === edgeLabelsShown) { return; }
    edgeLabelsShown = legible;
    network.setOptions({edges: {font: legible ? OPTIONS.edges.font : QUIET}});
  }
  var QUIET = {{ quiet|tojson }};
  network.on("zoom", legibleEdgeLabels);

  // Entities without a drawn relation take no part in the layout: once the graph has
  // settled they are lined up in a block beside or under it, by class, whichever lets the
  // whole fit the window larger, so a long tail of names mentioned once neither scatters
  // over the picture nor pushes the connected entities apart.
  var CLASS_ORDER = {{ legend|map(attribute="cls")|list|tojson }};
  var CELL = {width: {{ isolated_cell.width }}, height: {{ isolated_cell.height }}};
  var GAP = 2 * CELL.height;
  var isolatedCaption = null;
  // Physics pulls every part of the graph to the middle, so a small group of related
  // entities (a researcher, her centre and its university) ends up inside a hub's ring.
  // Once laid out, each connected group keeps its shape but moves: the largest stays,
  // the others stand in columns to its right, largest first.
  function connectedGroups() {
    var seen = new Set();
    var groups = [];
    nodes.getIds({filter: function (n) { return !n.isolated && !n.hidden; }}).forEach(function (start) {
      if (seen.has(start)) { return; }
      var group = [], stack = [start];
      seen.add(start);
      while (stack.length) {
        var id = stack.pop();
        group.push(id);
        network.getConnectedNodes(id).forEach(function (other) {
          if (!seen.has(other) && !nodes.get(other).hidden) { seen.add(other); stack.push(other); }
        });
      }
      groups.push(group);
    });
    return groups.sort(function (a, b) { return b.length - a.length; });
  }
  function labelledBox(ids) {
    var boxes = ids.map(function (id) { return network.getBoundingBox(id); });
    return {left: Math.min.apply(null, boxes.map(function (b) { return b.left; })),
            right: Math.max.apply(null, boxes.map(function (b) { return b.right; })),
            top: Math.min.apply(null, boxes.map(function (b) { return b.top; })),
            bottom: Math.max.apply(null, boxes.map(function (b) { return b.bottom; }))};
  }
  // A small group that physics squeezed beside a hub comes out stretched: shrink it about
  // its middle by the (geometric) mean ratio of its springs to its edges' lengths.
  var MIN_SHRINK = 0.7;
  // Labels sit under their nodes, so a pair side by side would run its two labels into
  // each other: a pair stands one above the other instead.
  var PAIR_DISTANCE = 130;
  function relaxed(group) {
    var where = network.getPositions(group);
    if (group.length === 2) {
      var top = where[group[0]];
      network.moveNode(group[1], top.x, top.y + PAIR_DISTANCE);
      return;
    }
    var inGroup = new Set(group);
    var logRatios = [];
    edges.forEach(function (e) {
      if (!inGroup.has(e.from) || !inGroup.has(e.to) || !e.length) { return; }
      var a = where[e.from], b = where[e.to];
      logRatios.push(Math.log(e.length / Math.max(Math.hypot(a.x - b.x, a.y - b.y), 1)));
    });
    if (!logRatios.length) { return; }
    var mean = logRatios.reduce(function (x, y) { return x + y; }, 0) / logRatios.length;
    var shrink = Math.min(1, Math.max(MIN_SHRINK, Math.exp(mean)));
    var cx = 0, cy = 0;
    group.forEach(function (id) { cx += where[id].x / group.length; cy += where[id].y / group.length; });
    group.forEach(function (id) {
      network.moveNode(id, cx + (where[id].x - cx) * shrink, cy + (where[id].y - cy) * shrink);
    });
  }
  // The other groups stand in columns right of the largest, or in rows under it, whichever
  // lets the whole fit the window larger.
  function arranged(main, boxes, beside) {
    var slot = beside ? {x: main.right + GAP, y: main.top, extent: 0}
                      : {x: main.left, y: main.bottom + GAP, extent: 0};
    var whole = Object.assign({}, main);
    var offsets = boxes.map(function (box) {
      var w = box.right - box.left, h = box.bottom - box.top;
      if (beside && slot.y > main.top && slot.y + h > main.bottom) {
        slot = {x: slot.x + slot.extent + GAP, y: main.top, extent: 0};
      }
      if (!beside && slot.x > main.left && slot.x + w > main.right) {
        slot = {x: main.left, y: slot.y + slot.extent + GAP, extent: 0};
      }
      var offset = {dx: slot.x - box.left, dy: slot.y - box.top};
      whole = {left: Math.min(whole.left, slot.x), right: Math.max(whole.right, slot.x + w),
               top: Math.min(whole.top, slot.y), bottom: Math.max(whole.bottom, slot.y + h)};
      if (beside) { slot.y += h + GAP / 2; slot.extent = Math.max(slot.extent, w); }
      else { slot.x += w + GAP / 2; slot.extent = Math.max(slot.extent, h); }
      return offset;
    });
    return {offsets: offsets, zoom: zoomFor(whole.right - whole.left, whole.bottom - whole.top)};
  }
  function packGroups() {
    var groups = connectedGroups();
    if (groups.length < 2) { return; }
    groups.slice(1).forEach(relaxed);
    network.redraw();  // measures every label where it now stands
    var main = labelledBox(groups[0]);
    var boxes = groups.slice(1).map(labelledBox);
    var beside = arranged(main, boxes, true), under = arranged(main, boxes, false);
    var best = beside.zoom >= under.zoom ? beside : under;
    var moves = [];
    groups.slice(1).forEach(function (group, i) {
      var where = network.getPositions(group), offset = best.offsets[i];
      group.forEach(function (id) {
        moves.push({id: id, x: where[id].x + offset.dx, y: where[id].y + offset.dy});
      });
    });
    nodes.update(moves);
  }
  function zoomFor(width, height) {
    var canvas = document.getElementById("network");
    return Math.min(canvas.clientWidth / width, canvas.clientHeight / height);
  }

  function lineUpIsolated() {
    var lonely = nodes.get({filter: function (n) { return n.isolated && !n.hidden; }});
    isolatedCaption = null;
    if (!lonely.length) { return; }
    lonely.sort(function (a, b) {
      return CLASS_ORDER.indexOf(a.group) - CLASS_ORDER.indexOf(b.group) ||
             a.label.localeCompare(b.label, "sv");
    });
    var placed = nodes.getIds({filter: function (n) { return !n.isolated && !n.hidden; }});
    if (placed.length) { network.redraw(); }  // measures the labels where they now stand
    var box = placed.length ? labelledBox(placed) : {left: 0, right: 0, top: 0, bottom: 0};
    var width = box.right - box.left, height = box.bottom - box.top;
    // Under the graph: as many columns as its width holds.
    var under = Math.max(4, Math.floor(width / CELL.width));
    var underRows = Math.ceil(lonely.length / under);
    var underZoom = zoomFor(width, height + GAP + underRows * CELL.height);
    // Beside it: as many rows as its height holds.
    var besideRows = Math.max(4, Math.floor(height / CELL.height));
    var beside = Math.ceil(lonely.length / besideRows);
    var besideZoom = zoomFor(width + GAP + beside * CELL.width, height);
    var columns, left, top;
    if (!placed.length || underZoom >= besideZoom) {
      columns = under;
      left = (box.left + box.right) / 2 - (columns - 1) * CELL.width / 2;
      top = placed.length ? box.bottom + GAP : 0;
    } else {
      columns = beside;
      left = box.right + GAP / 2 + CELL.width / 2;
      top = box.top + CELL.height;
    }
    nodes.update(lonely.map(function (n, i) {
      return {id: n.id, x: left + (i % columns) * CELL.width,
              y: top + Math.floor(i / columns) * CELL.height};
    }));
    isolatedCaption = {x: left - CELL.width / 2, y: top - CELL.height * 0.7};
  }
  network.on("afterDrawing", function (ctx) {
    if (!isolatedCaption) { return; }
    ctx.save();
    ctx.font = "600 {{ isolated_cell.caption }}px system-ui, sans-serif";
    ctx.fillStyle = "#777777";
    ctx.fillText("Utan relationer", isolatedCaption.x, isolatedCaption.y);
    ctx.restore();
  });

  // Fit the drawn nodes with their labels: vis-network's own fit() counts a node's shape
  // but not a long label beside it, which then ends up cut off at the edge.
  var FIT_MARGIN = 0.96;
  var MAX_ZOOM = {{ max_zoom }};
  function fitAll(duration) {
    network.redraw();  // measures labels at the nodes' current places
    var ids = nodes.getIds({filter: function (n) { return !n.hidden; }});
    if (!ids.length) { return; }
    var box = labelledBox(ids);
    var left = box.left, right = box.right, top = box.top, bottom = box.bottom;
    var canvas = document.getElementById("network");
    var scale = FIT_MARGIN * Math.min(canvas.clientWidth / Math.max(right - left, 1),
                                      canvas.clientHeight / Math.max(bottom - top, 1));
    network.moveTo({position: {x: (left + right) / 2, y: (top + bottom) / 2},
                    scale: Math.min(scale, MAX_ZOOM), animation: duration ? {duration: duration} : false});
    if (duration) { network.once("animationFinished", legibleEdgeLabels); } else { legibleEdgeLabels(); }
  }

  // Two labels must never lie on top of each other. Physics spaces nodes by their centres,
  // not by their labels' boxes, so once it has settled, overlapping boxes are pushed apart,
  // each pair along the axis where that takes the shorter move, until none overlap.
  var LABEL_GAP = 6;  // layout units kept free between two boxes
  function labelBoxes(ids) {
    network.redraw();  // measures every label where it now stands
    var where = network.getPositions(ids);
    return ids.map(function (id) {
      var b = network.getBoundingBox(id), p = where[id];
      return {id: id, x: p.x, y: p.y, left: p.x - b.left, right: b.right - p.x,
              up: p.y - b.top, down: b.bottom - p.y};
    });
  }
  function overlapping(boxes, gap, each) {
    boxes.sort(function (a, b) { return (a.x - a.left) - (b.x - b.left); });
    for (var i = 0; i < boxes.length; i++) {
      var a = boxes[i];
      for (var j = i + 1; j < boxes.length; j++) {
        var b = boxes[j];
        if (b.x - b.left >= a.x + a.right + gap) { break; }  // sorted: no later box reaches a
        var dx = Math.min(a.x + a.right, b.x + b.right) - Math.max(a.x - a.left, b.x - b.left) + gap;
        var dy = Math.min(a.y + a.down, b.y + b.down) - Math.max(a.y - a.up, b.y - b.up) + gap;
        if (dx > 0 && dy > 0) { each(a, b, dx, dy); }
      }
    }
  }
  function separate() {
    var boxes = labelBoxes(nodes.getIds({filter: function (n) { return !n.hidden; }}));
    for (var round = 0; round < 400; round++) {
      var moved = false;
      overlapping(boxes, LABEL_GAP, function (a, b, dx, dy) {
        moved = true;
        var ax = a.x + (a.right - a.left) / 2, bx = b.x + (b.right - b.left) / 2;
        var ay = a.y + (a.down - a.up) / 2, by = b.y + (b.down - b.up) / 2;
        if (dy <= dx) {
          var down = by > ay || (by === ay && b.id > a.id) ? 1 : -1;
          a.y -= down * dy / 2; b.y += down * dy / 2;
        } else {
          var right = bx > ax || (bx === ax && b.id > a.id) ? 1 : -1;
          a.x -= right * dx / 2; b.x += right * dx / 2;
        }
      });
      if (!moved) { break; }
    }
    nodes.update(boxes.map(function (b) { return {id: b.id, x: b.x, y: b.y}; }));
  }
  // The measure the browser test reads: how many pairs of drawn nodes' boxes (shape and
  // label) overlap, out of how many pairs there are.
  function overlaps() {
    var boxes = labelBoxes(nodes.getIds({filter: function (n) { return !n.hidden; }}));
    var found = [];
    overlapping(boxes, 0, function (a, b) { found.push([a.id, b.id]); });
    return {pairs: found, of: boxes.length * (boxes.length - 1) / 2};
  }

  // Physics only lays the graph out: once it has settled, switch it off so the picture
  // stays still and a dragged node stays where the reader puts it.
  function settled() {
    network.setOptions({physics: {enabled: false}});
    nodes.update(nodes.get({filter: function (n) { return n.focus; }}).map(function (n) {
      return {id: n.id, fixed: false};  // held in the middle for the layout; now draggable
    }));
    packGroups();
    lineUpIsolated();
    separate();
    fitAll(0);
    document.body.dataset.settled = "true";
  }
  // Until the reader moves the picture, a resized window (or a headless browser that sizes
  // its window after loading) refits it.
  var untouched = true;
  network.on("dragStart", function () { untouched = false; });
  network.on("zoom", function () { untouched = false; });
  // vis-network restores its own camera right after this event and then draws; refit once
  // that drawing is done (a screenshot tool may give timers no chance to run).
  var refit = false;
  network.on("resize", function () {
    refit = untouched && document.body.dataset.settled === "true";
  });
  network.on("afterDrawing", function () {
    if (!refit) { return; }
    refit = false;
    fitAll(0);
    network.redraw();
  });
  var moving = NODES.some(function (n) { return !n.isolated && !n.hidden; });
  if (moving) { network.once("stabilizationIterationsDone", settled); } else { settled(); }

  // Nodes hidden at start (quotes) were not laid out; the first time they are shown they
  // stand in two columns either side of the node they hang on, e.g. a speaker's quotes to
  // the speaker's left and right, one under the other like lines of a list.
  var LIST = {offset: 330, row: 56};
  var unplaced = new Set(NODES.filter(function (n) { return n.hidden; }).map(function (n) { return n.id; }));
  function placeAroundNeighbours(ids) {
    var lists = new Map();
    ids.filter(function (id) { return unplaced.has(id); }).forEach(function (id) {
      unplaced.delete(id);
      var anchor = network.getConnectedNodes(id).find(function (other) { return !unplaced.has(other); });
      if (anchor === undefined) { return; }
      if (!lists.has(anchor)) { lists.set(anchor, []); }
      lists.get(anchor).push(id);
    });
    var moves = [];
    lists.forEach(function (list, anchor) {
      var centre = network.getPositions([anchor])[anchor];
      var rows = Math.ceil(list.length / 2);
      list.forEach(function (id, i) {
        var side = i % 2 === 0 ? 1 : -1, row = Math.floor(i / 2);
        moves.push({id: id, x: centre.x + side * LIST.offset,
                    y: centre.y + (row - (rows - 1) / 2) * LIST.row});
      });
    });
    nodes.update(moves);
  }

  function toggle(button, dataSet, matches) {
    var shown = button.getAttribute("aria-pressed") !== "true";
    button.setAttribute("aria-pressed", String(shown));
    var items = dataSet.get({filter: matches});
    dataSet.update(items.map(function (item) { return {id: item.id, hidden: !shown}; }));
    return items.map(function (item) { return item.id; });
  }
  document.querySelectorAll(".class-toggle").forEach(function (button) {
    button.addEventListener("click", function () {
      var ids = toggle(button, nodes, function (n) { return n.group === button.dataset.class; });
      if (button.getAttribute("aria-pressed") === "true") { placeAroundNeighbours(ids); }
    });
  });
  var verbToggle = document.getElementById("verb-toggle");
  if (verbToggle) {
    verbToggle.addEventListener("click", function () {
      toggle(verbToggle, edges, function (e) { return e.verb; });
    });
  }

  // ---- The side panel: a node's or an edge's facts with the sentences they were read in.
  // Everything from the graph goes in with textContent, and a link only for http(s) URLs.
  var CLASS_NAMES = {{ classes|tojson }};
  var details = document.getElementById("details");
  {% include "evidence.js" %}
  function factBlock(edge, from) {
    var block = el("div");
    var head = el("p", "fact");
    var button = el("button", "", edge.text);
    button.type = "button";
    button.title = "Visa relationen";
    button.addEventListener("click", function () { showEdge(edge.id); });
    head.appendChild(button);
    block.appendChild(head);
    if (!edge.evidence.length) { block.appendChild(el("p", "kind", "Inget belägg i texten.")); }
    edge.evidence.forEach(function (ev) { quoted(ev).forEach(function (e) { block.appendChild(e); }); });
    return block;
  }
  function openDetails(parts) {
    details.replaceChildren(tools());
    parts.forEach(function (part) { details.appendChild(part); });
    details.scrollTop = 0;
    if (!document.body.classList.contains("details-open")) {
      document.body.classList.add("details-open");
      network.redraw();
    }
  }
  function closeDetails() {
    document.body.classList.remove("details-open");
    details.replaceChildren();
    network.unselectAll();
  }
  function showNode(id) {
    var node = nodes.get(id);
    var lines = node.panel.split("\n");
    var parts = [el("h2", "", node.name), el("p", "kind", CLASS_NAMES[node.group] || "")];
    lines.slice(node.group === "Decision" || node.group === "Quote" ? 0 : 2).forEach(function (line) {
      parts.push(el("div", "line", line));
    });
    var facts = network.getConnectedEdges(id).map(function (e) { return edges.get(e); })
      .filter(function (e) { return !e.hidden && !nodes.get(e.from === id ? e.to : e.from).hidden; });
    if (facts.length) {
      parts.push(el("h3", "", "Fakta (" + facts.length + ")"));
      facts.forEach(function (e) { parts.push(factBlock(e, id)); });
    }
    if (node.sources.length) {
      parts.push(el("h3", "", "Källor (" + node.sources.length + ")"));
      node.sources.forEach(function (source) { parts.push(sourceLine(source)); });
    }
    openDetails(parts);
    details.dataset.showing = id;
  }
  function showEdge(id) {
    var edge = edges.get(id);
    var parts = [el("h2", "", edge.text), el("p", "kind", edge.label)];
    parts.push(el("h3", "", "Belägg (" + edge.evidence.length + ")"));
    edge.evidence.forEach(function (ev) { parts = parts.concat(quoted(ev)); });
    if (!edge.evidence.length) { parts.push(el("p", "kind", "Inget belägg i texten.")); }
    openDetails(parts);
    details.dataset.showing = id;
  }
  network.on("click", function (params) {
    if (params.nodes.length) { showNode(params.nodes[0]); }
    else if (params.edges.length) { showEdge(params.edges[0]); }
    else { closeDetails(); }
  });

  // ---- Relation filters and "only current roles".
  var offRelations = new Set(), currentOnly = false;
  function edgeHidden(e) { return offRelations.has(e.predicate) || (currentOnly && e.former); }
  function applyEdgeFilters() {
    edges.update(edges.get({filter: function (e) { return !e.verb; }}).map(function (e) {
      return {id: e.id, hidden: edgeHidden(e)};
    }));
  }
  document.querySelectorAll(".relation-toggle").forEach(function (button) {
    button.addEventListener("click", function () {
      var on = button.getAttribute("aria-pressed") !== "true";
      button.setAttribute("aria-pressed", String(on));
      if (on) { offRelations.delete(button.dataset.predicate); } else { offRelations.add(button.dataset.predicate); }
      applyEdgeFilters();
    });
  });
  var currentBox = document.getElementById("current-only");
  if (currentBox) {
    currentBox.addEventListener("change", function () { currentOnly = currentBox.checked; applyEdgeFilters(); });
  }

  // ---- Live search: as one types, over every name of a node (label and alt labels), in any
  // case, and with or without Swedish letters' marks (å ä ö é), so "forsakringskassan" and
  // "FÖRSÄKRINGSKASSANS" both find Försäkringskassan. The rest fades; the matches are fitted.
  function fold(text) { return text.normalize("NFC").toLocaleLowerCase("sv").replace(/\s+/g, " ").trim(); }
  function bare(text) { return fold(text).normalize("NFD").replace(/[\u0300-\u036f]/g, ""); }
  var names = NODES.map(function (n) {
    return {id: n.id, forms: n.names.map(fold), bare: n.names.map(bare)};
  });
  function rank(entry, query, plain) {
    var best = 9;
    entry.forms.forEach(function (form, i) {
      [form, entry.bare[i]].forEach(function (name, k) {
        var q = k ? plain : query, at = name.indexOf(q);
        if (at < 0) { return; }
        var r = name === q ? 0 : at === 0 ? 1 : /[\s-]/.test(name[at - 1]) ? 2 : 3;
        best = Math.min(best, r + k * 4);
      });
    });
    return best;
  }
  var MAX_RESULTS = 12, FADED = 0.15;
  var search = document.getElementById("search"), results = document.getElementById("results");
  var found = [];
  function choose(id) {
    network.selectNodes([id]);
    network.focus(id, {scale: Math.max(network.getScale(), 0.9), animation: {duration: 500}});
    network.once("animationFinished", legibleEdgeLabels);
    showNode(id);
  }
  function faded(ids) {
    var keep = ids && new Set(ids);
    nodes.update(nodes.get().map(function (n) {
      var dim = keep && !keep.has(n.id);
      return {id: n.id, opacity: dim ? FADED : 1,
              font: Object.assign({}, n.font, {color: dim ? "rgba(52,52,52,0.2)" : "#343434"})};
    }));
  }
  function searched() {
    var query = fold(search.value), plain = bare(search.value);
    results.replaceChildren();
    if (!query) { found = []; faded(null); return; }
    found = names.map(function (entry) { return {id: entry.id, rank: rank(entry, query, plain)}; })
      .filter(function (m) { return m.rank < 9 && !nodes.get(m.id).hidden; })
      .sort(function (a, b) { return a.rank - b.rank || nodes.get(a.id).name.localeCompare(nodes.get(b.id).name, "sv"); })
      .map(function (m) { return m.id; });
    faded(found);
    if (!found.length) { results.appendChild(el("li", "none", "Inga träffar")); return; }
    found.slice(0, MAX_RESULTS).forEach(function (id) {
      var node = nodes.get(id), item = el("li"), button = el("button");
      button.type = "button";
      button.appendChild(el("span", "", node.name));
      button.appendChild(el("span", "cls", CLASS_NAMES[node.group] || ""));
      button.addEventListener("click", function () { choose(id); });
      item.appendChild(button);
      results.appendChild(item);
    });
    if (found.length > MAX_RESULTS) { results.appendChild(el("li", "none", "… och " + (found.length - MAX_RESULTS) + " till")); }
    network.selectNodes(found.slice(0, 1));
    network.fit({nodes: found, animation: {duration: 300}, maxZoomLevel: 1});
    network.once("animationFinished", legibleEdgeLabels);
  }
  search.addEventListener("input", searched);
  search.addEventListener("keydown", function (event) {
    if (event.key === "Enter" && found.length) { choose(found[0]); }
    if (event.key === "Escape") { search.value = ""; searched(); }
  });
  document.getElementById("fit").addEventListener("click", function () {
    fitAll(400);
  });
})();
