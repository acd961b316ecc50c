// Filters, details panel and drop-out toggle over the vis-network drawn by pyvis.
// Every user string arrives as JSON data and reaches the page only through textContent or as a
// plain-string vis tooltip (vis-network 9 shows those with innerText): never as HTML.
(function () {
  "use strict";
  var view = JSON.parse(document.getElementById("wb-data").textContent);
  var text = view.text;
  var state = { role: "", objective: "", flowTypes: {}, dropout: "", selected: "" };
  var original = { nodes: {}, edges: {} };
  var api = { ready: false, state: state };
  window.werkbankGraph = api;

  function el(tag, attrs, content) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (key) {
      if (key === "className") node.className = attrs[key];
      else node.setAttribute(key, attrs[key]);
    });
    if (content !== undefined && content !== null) node.textContent = String(content);
    return node;
  }

  function option(value, label) {
    var item = el("option", { value: value }, label);
    return item;
  }

  function select(id, label, choices, allLabel, onChange) {
    var wrap = el("label", { className: "wb-field", for: id });
    wrap.appendChild(el("span", {}, label));
    var box = el("select", { id: id });
    box.appendChild(option("", allLabel));
    choices.forEach(function (pair) { box.appendChild(option(pair[0], pair[1])); });
    box.addEventListener("change", function () { onChange(box.value); });
    wrap.appendChild(box);
    return wrap;
  }

  // ------------------------------------------------------------ controls

  function buildControls() {
    var bar = document.getElementById("wb-controls");
    bar.appendChild(select("wb-filter-role", text.filter_role, view.filters.roles, text.all, function (v) {
      state.role = v; applyFilters();
    }));
    bar.appendChild(select("wb-filter-objective", text.filter_objective, view.filters.objectives, text.all,
      function (v) { state.objective = v; applyFilters(); }));
    var flows = el("fieldset", { className: "wb-flows" });
    flows.appendChild(el("legend", {}, text.filter_flows));
    view.filters.flow_types.forEach(function (pair) {
      state.flowTypes[pair[0]] = true;
      var label = el("label", { className: "wb-check" });
      var box = el("input", { type: "checkbox", id: "wb-flow-" + pair[0], value: pair[0] });
      box.checked = true;
      box.addEventListener("change", function () { state.flowTypes[pair[0]] = box.checked; applyFilters(); });
      label.appendChild(box);
      label.appendChild(el("span", {}, pair[1]));
      flows.appendChild(label);
    });
    bar.appendChild(flows);
    var partners = Object.keys(view.partners).map(function (id) { return [id, view.partners[id].name]; });
    partners.sort(function (a, b) { return a[1].localeCompare(b[1]); });
    bar.appendChild(select("wb-dropout", text.dropout_select, partners, text.nobody, function (v) {
      setDropout(v);
    }));
  }

  function buildLegend() {
    var box = document.getElementById("wb-legend");
    box.appendChild(el("h2", {}, text.legend));
    function section(title, items, draw) {
      if (!items.length) return;
      box.appendChild(el("h3", {}, title));
      var list = el("ul", {});
      items.forEach(function (item) {
        var row = el("li", {});
        row.appendChild(draw(item));
        row.appendChild(el("span", {}, item.label));
        list.appendChild(row);
      });
      box.appendChild(list);
    }
    section(text.legend_org_types, view.legend.org_types, function (item) {
      var swatch = el("span", { className: "wb-swatch" });
      swatch.style.background = item.colour;
      return swatch;
    });
    section(text.legend_shapes, view.legend.shapes, function (item) {
      return el("span", { className: "wb-symbol" }, item.symbol);
    });
    section(text.legend_flows, view.legend.flows, function (item) {
      var ns = "http://www.w3.org/2000/svg";
      var svg = document.createElementNS(ns, "svg");
      svg.setAttribute("width", "36");
      svg.setAttribute("height", "10");
      var line = document.createElementNS(ns, "line");
      line.setAttribute("x1", "0"); line.setAttribute("y1", "5");
      line.setAttribute("x2", "36"); line.setAttribute("y2", "5");
      line.setAttribute("stroke", item.colour);
      line.setAttribute("stroke-width", String(item.width));
      if (item.dashes) line.setAttribute("stroke-dasharray", item.dashes.join(" "));
      svg.appendChild(line);
      return svg;
    });
  }

  // ------------------------------------------------------------ filters

  function applyFilters() {
    var partnerOk = {};
    Object.keys(view.nodes).forEach(function (id) {
      var info = view.nodes[id];
      if (info.kind !== "partner") return;
      partnerOk[id] = (!state.role || info.roles.indexOf(state.role) >= 0) &&
        (!state.objective || info.objectives.indexOf(state.objective) >= 0);
    });
    var filtering = Boolean(state.role || state.objective);
    var edgeOk = {};
    var reached = {};
    Object.keys(view.edges).forEach(function (id) {
      var info = view.edges[id];
      var ok = info.kind !== "flow" || state.flowTypes[info.type] !== false;
      [info.from, info.to].forEach(function (end) {
        if (end in partnerOk && !partnerOk[end]) ok = false;
      });
      edgeOk[id] = ok;
      if (ok) { reached[info.from] = true; reached[info.to] = true; }
    });
    var nodeUpdates = Object.keys(view.nodes).map(function (id) {
      var info = view.nodes[id];
      var visible = info.kind === "partner" ? partnerOk[id] : Boolean(reached[id]) || (!filtering && info.degree === 0);
      return { id: id, hidden: !visible };
    });
    nodes.update(nodeUpdates);
    var hiddenNode = {};
    nodeUpdates.forEach(function (u) { hiddenNode[u.id] = u.hidden; });
    edges.update(Object.keys(view.edges).map(function (id) {
      var info = view.edges[id];
      return { id: id, hidden: !edgeOk[id] || hiddenNode[info.from] || hiddenNode[info.to] };
    }));
    var shown = nodeUpdates.filter(function (u) { return !u.hidden; }).length;
    document.getElementById("wb-count").textContent = text.shown.replace("{count}", String(shown));
  }

  // ------------------------------------------------------------ drop-out

  function restore() {
    nodes.update(Object.keys(original.nodes).map(function (id) { return original.nodes[id]; }));
    edges.update(Object.keys(original.edges).map(function (id) { return original.edges[id]; }));
  }

  function setDropout(partnerId) {
    state.dropout = partnerId || "";
    document.getElementById("wb-dropout").value = state.dropout;
    restore();
    var panel = document.getElementById("wb-impact");
    panel.textContent = "";
    document.body.classList.toggle("wb-dropping", Boolean(state.dropout));
    if (state.dropout) {
      var partner = view.partners[state.dropout];
      var grey = view.style.grey;
      nodes.update(partner.dropout.grey_nodes.map(function (id) {
        return { id: id, color: grey.node, font: { color: grey.font }, opacity: 0.45 };
      }));
      nodes.update([{ id: partner.node, color: grey.dropped, font: { color: grey.font },
        shapeProperties: { borderDashes: [4, 3] }, borderWidth: 3 }]);
      edges.update(partner.dropout.grey_edges.map(function (id) {
        return { id: id, color: { color: grey.edge, highlight: grey.edge, hover: grey.edge } };
      }));
      panel.appendChild(el("h2", {}, text.dropout_title.replace("{partner}", partner.name)));
      var list = el("ul", {});
      partner.dropout.lines.forEach(function (line) { list.appendChild(el("li", {}, line)); });
      panel.appendChild(list);
    }
    api.greyed = state.dropout ? view.partners[state.dropout].dropout.grey_nodes.length + 1 : 0;
    renderDetails();
  }

  // ------------------------------------------------------------ details

  function renderDetails() {
    var panel = document.getElementById("wb-details");
    panel.textContent = "";
    var id = state.selected;
    if (!id) {
      panel.appendChild(el("p", { className: "wb-hint" }, text.click_hint));
      return;
    }
    if (view.edges[id]) {
      panel.appendChild(el("h2", {}, view.edges[id].title));
      panel.appendChild(el("p", { className: "wb-pre" }, view.edges[id].details));
      return;
    }
    var info = view.nodes[id];
    if (!info || info.kind !== "partner") {
      panel.appendChild(el("h2", {}, info ? info.label : ""));
      if (info) panel.appendChild(el("p", { className: "wb-pre" }, info.tooltip));
      return;
    }
    var partner = view.partners[info.partner];
    panel.appendChild(el("h2", {}, partner.name));
    panel.appendChild(el("p", { className: "wb-muted" }, partner.org_type));
    var toggle = el("button", { type: "button", id: "wb-dropout-toggle",
      "aria-pressed": String(state.dropout === info.partner) },
      state.dropout === info.partner ? text.dropout_undo : text.dropout_try);
    toggle.addEventListener("click", function () {
      setDropout(state.dropout === info.partner ? "" : info.partner);
    });
    panel.appendChild(toggle);
    panel.appendChild(el("h3", {}, text.roles));
    if (!partner.roles.length) panel.appendChild(el("p", { className: "wb-warn" }, text.no_roles));
    var list = el("ul", { className: "wb-roles" });
    partner.roles.forEach(function (role) {
      var item = el("li", {});
      item.appendChild(el("strong", {}, role.label));
      if (role.objectives.length) item.appendChild(el("span", { className: "wb-muted" }, " (" + role.objectives.join(", ") + ")"));
      if (role.engagement) item.appendChild(el("p", { className: "wb-pre" }, role.engagement));
      if (role.capacity) item.appendChild(el("p", { className: "wb-muted" }, text.capacity + ": " + role.capacity));
      list.appendChild(item);
    });
    panel.appendChild(list);
    panel.appendChild(el("h3", {}, text.network));
    panel.appendChild(el("p", {}, partner.network));
    if (partner.findings.length) {
      panel.appendChild(el("h3", {}, text.findings));
      var findings = el("ul", { className: "wb-findings" });
      partner.findings.forEach(function (line) { findings.appendChild(el("li", {}, line)); });
      panel.appendChild(findings);
    }
  }

  // ------------------------------------------------------------ start

  function start() {
    // The nodes and edges arrive as data, so that the page's scripts never change (CSP hashes).
    nodes.add(view.vis.nodes);
    edges.add(view.vis.edges);
    nodes.get().forEach(function (n) {
      original.nodes[n.id] = { id: n.id, color: n.color, font: n.font || {}, opacity: 1,
        shapeProperties: n.shapeProperties || { borderDashes: false }, borderWidth: n.borderWidth || 2 };
    });
    edges.get().forEach(function (e) { original.edges[e.id] = { id: e.id, color: e.color }; });
    // Tooltips as plain strings: vis-network writes them with innerText.
    nodes.update(Object.keys(view.nodes).map(function (id) { return { id: id, title: view.nodes[id].tooltip }; }));
    edges.update(Object.keys(view.edges).map(function (id) { return { id: id, title: view.edges[id].tooltip }; }));
    buildControls();
    buildLegend();
    applyFilters();
    renderDetails();
    network.on("click", function (params) {
      state.selected = params.nodes.length ? params.nodes[0] : params.edges.length ? params.edges[0] : "";
      renderDetails();
    });
    api.nodes = nodes;
    api.edges = edges;
    api.network = network;
    api.setDropout = setDropout;
    // Stabilise here rather than on creation, so this script cannot miss the end of it.
    function markReady() {
      network.setOptions({ physics: false });
      network.fit();
      api.ready = true;
      document.body.setAttribute("data-ready", "true");
    }
    if (nodes.length === 0) {
      markReady();
    } else {
      network.once("stabilizationIterationsDone", markReady);
      network.stabilize(view.iterations);
    }
  }

  start();
})();
