/* netlens report: the network map (sigma.js + graphology, inlined before this script) and
   the people tables. Every text from the export reaches the page through textContent or a
   canvas, never as HTML; the contacts table is the one copy of the people's texts, the JSON
   block holds the map's numbers. */
(function () {
  "use strict";

  function fold(text) {
    return String(text || "").normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLowerCase().trim();
  }

  function byId(id) {
    return document.getElementById(id);
  }

  function text(element, value) {
    element.textContent = value == null ? "" : String(value);
  }

  /* ---- tables: sort by a header cell, filter as you type ---- */

  function cellValue(row, column, numeric) {
    var cell = row.cells[column];
    var value = cell ? cell.textContent.trim() : "";
    if (numeric) {
      var number = parseFloat(value.replace(/[^0-9.\-]/g, ""));
      return isNaN(number) ? null : number;
    }
    return value === "" || value === "–" ? null : fold(value);
  }

  function sortTable(table, column, header) {
    var body = table.tBodies[0];
    var numeric = header.classList.contains("num");
    var descending = header.getAttribute("aria-sort") === "ascending";
    var rows = Array.prototype.slice.call(body.rows);
    var keys = rows.map(function (row, i) {
      return { row: row, value: cellValue(row, column, numeric), at: i };
    });
    keys.sort(function (a, b) {
      if (a.value === b.value) return a.at - b.at;
      if (a.value === null) return 1; // empty cells last, either way
      if (b.value === null) return -1;
      var order = numeric ? a.value - b.value : a.value < b.value ? -1 : 1;
      return descending ? -order : order;
    });
    Array.prototype.forEach.call(table.tHead.rows[0].cells, function (cell) {
      cell.removeAttribute("aria-sort");
    });
    header.setAttribute("aria-sort", descending ? "descending" : "ascending");
    var sorted = document.createDocumentFragment();
    keys.forEach(function (key) {
      sorted.appendChild(key.row);
    });
    body.appendChild(sorted);
  }

  function filterTable(table, query, tier) {
    var words = fold(query).split(/\s+/).filter(Boolean);
    var tierColumn = table.dataset.tierColumn;
    var shown = 0;
    Array.prototype.forEach.call(table.tBodies[0].rows, function (row) {
      if (row.folded === undefined) row.folded = fold(row.textContent);
      var show = words.every(function (word) {
        return row.folded.indexOf(word) >= 0;
      });
      if (show && tier && tierColumn !== undefined) {
        show = row.cells[+tierColumn].textContent.trim() === tier;
      }
      row.hidden = !show;
      if (show) shown += 1;
    });
    return shown;
  }

  function setUpTable(table, onRow) {
    var headers = table.tHead.rows[0].cells;
    Array.prototype.forEach.call(headers, function (header, column) {
      header.tabIndex = 0;
      header.classList.add("sortable");
      header.addEventListener("click", function () {
        sortTable(table, column, header);
      });
      header.addEventListener("keydown", function (event) {
        if (event.key === "Enter" || event.key === " ") {
          event.preventDefault();
          sortTable(table, column, header);
        }
      });
    });
    var tools = table.id ? document.querySelector('[data-filters="' + table.id + '"]') : null;
    if (tools) {
      var input = tools.querySelector("input");
      var select = tools.querySelector("select");
      var count = tools.querySelector("output");
      var timer = null;
      var apply = function () {
        clearTimeout(timer);
        timer = setTimeout(function () {
          var shown = filterTable(table, input.value, select ? select.value : "");
          if (count) text(count, shown.toLocaleString("en") + " shown");
        }, table.tBodies[0].rows.length > 2000 ? 150 : 0);
      };
      input.addEventListener("input", apply);
      if (select) select.addEventListener("change", apply);
      tools.hidden = false;
    }
    if (onRow) {
      table.tBodies[0].addEventListener("click", function (event) {
        if (event.target.closest("a")) return; // a profile link opens the profile
        var row = event.target.closest("tr");
        if (row && row.dataset.node !== undefined) onRow(+row.dataset.node, true);
      });
    }
  }

  /* ---- the map ---- */

  var container = byId("network-map");
  var dataBlock = byId("map-data");
  var map = null;

  function startMap() {
    var started = performance.now();
    var data = JSON.parse(dataBlock.textContent);
    var contacts = byId("contacts-table");
    // A copy: sorting the table moves its rows, not the people they are.
    var rows = contacts ? Array.prototype.slice.call(contacts.tBodies[0].rows) : [];
    var columns = {};
    if (contacts) {
      Array.prototype.forEach.call(contacts.tHead.rows[0].cells, function (cell, i) {
        columns[cell.dataset.key] = i;
      });
      Array.prototype.forEach.call(rows, function (row, i) {
        row.dataset.node = String(i); // the table's first order is the map's
      });
    }
    var count = data.n;
    var names = new Array(count);
    for (var i = 0; i < count; i++) {
      names[i] = rows[i] ? rows[i].cells[columns.name].textContent : "";
    }

    function field(node, key) {
      if (!rows[node] || columns[key] === undefined) return "";
      return rows[node].cells[columns[key]].textContent;
    }

    function link(node) {
      if (!rows[node] || columns.name === undefined) return null;
      var anchor = rows[node].cells[columns.name].querySelector("a");
      var href = anchor ? anchor.getAttribute("href") : null;
      return href && href.indexOf("https://www.linkedin.com/in/") === 0 ? href : null;
    }

    var colourBy = "industry";
    function colour(node) {
      if (colourBy === "tier") {
        var tier = data.tier[node];
        return tier >= 0 ? data.tier_colours[tier] : "#8c959f";
      }
      return data.industry_colours[data.industry[node]];
    }
    function size(node) {
      return 1.6 + 1.4 * Math.log1p(data.strength[node] / 10); // strength is in tenths
    }

    var graph = new graphology.Graph({ multi: false, type: "undirected" });
    var mates = {};
    data.teammates.forEach(function (node) {
      mates[node] = true;
    });
    for (var n = 0; n < count; n++) {
      graph.addNode(n, {
        x: data.x[n],
        y: data.y[n],
        size: mates[n] ? size(n) + 3 : size(n),
        color: mates[n] ? "#1f2328" : colour(n),
        label: names[n],
        zIndex: mates[n] ? 1 : 0,
      });
    }
    graph.addNode("owner", {
      x: 0, y: 0, size: 9, color: "#1f2328", label: data.owner || "You", zIndex: 2,
    });
    for (var e = 0; e + 1 < data.ties.length; e += 2) {
      var a = data.ties[e], b = data.ties[e + 1];
      if (a !== b && !graph.hasEdge(a, b)) graph.addEdge(a, b, { color: "#d8dee4", size: 0.5 });
    }

    var selected = null;
    var marked = null; // the people of a company found by the search
    var renderer = new Sigma(graph, container, {
      zIndex: true,
      labelDensity: 0.5,
      labelRenderedSizeThreshold: 7,
      labelFont: "system-ui, sans-serif",
      minCameraRatio: 0.005,
      maxCameraRatio: 4,
      hideEdgesOnMove: true,
      nodeReducer: function (node, attributes) {
        if (selected === null && marked === null) return attributes;
        if (node === String(selected)) {
          return Object.assign({}, attributes, { highlighted: true, zIndex: 3 });
        }
        // A company's people keep their colour and come to the front; their names are
        // left to the label grid, which never lets one cover another (a company of a
        // hundred contacts, each named, was a pile of names).
        if (marked !== null && marked[node]) return Object.assign({}, attributes, { zIndex: 3 });
        if (marked !== null) return Object.assign({}, attributes, { color: "#e4e8ec", label: "" });
        return attributes;
      },
    });
    container.dataset.nodeCount = String(count);
    container.classList.add("live");

    /* Cluster labels: text over the map, kept in place as it moves. */
    var labelLayer = document.createElement("div");
    labelLayer.className = "map-labels";
    container.appendChild(labelLayer);
    var clusterLabels = data.clusters.slice(0, 30).map(function (cluster) {
      var label = document.createElement("span");
      text(label, cluster.label + " · " + cluster.n.toLocaleString("en"));
      labelLayer.appendChild(label);
      return { element: label, cluster: cluster };
    });
    function placeLabels() {
      var ratio = renderer.getCamera().ratio;
      var width = container.clientWidth, height = container.clientHeight;
      var placed = []; // the boxes of the labels shown: a label never covers another
      clusterLabels.forEach(function (item) {
        var c = item.cluster;
        var at = renderer.graphToViewport({ x: c.x, y: c.y + c.r });
        var edge = renderer.graphToViewport({ x: c.x + c.r, y: c.y });
        var wide = Math.abs(edge.x - renderer.graphToViewport({ x: c.x, y: c.y }).x);
        var element = item.element;
        element.hidden = wide < 28 || ratio < 0.02 || at.y < 0 || at.y > height + 16;
        if (element.hidden) return;
        // Inside the map: a cluster at its edge keeps its label in view.
        var w = element.offsetWidth, h = element.offsetHeight;
        var x = Math.min(Math.max(at.x - w / 2, 2), Math.max(2, width - w - 2));
        var y = Math.min(Math.max(at.y - h, 2), height - h - 2);
        var box = { left: x, top: y, right: x + w, bottom: y + h };
        element.hidden = placed.some(function (other) {
          return box.left < other.right && other.left < box.right &&
            box.top < other.bottom && other.top < box.bottom;
        });
        if (element.hidden) return;
        placed.push(box);
        element.style.transform = "translate(" + Math.round(x) + "px," + Math.round(y) + "px)";
      });
    }
    renderer.on("afterRender", placeLabels);
    placeLabels();

    /* Hover: name, company and position. */
    var tip = byId("map-tip");
    renderer.on("enterNode", function (event) {
      var node = event.node;
      if (node === "owner") {
        text(tip, data.owner || "You");
      } else {
        var line = [field(node, "company"), field(node, "position")].filter(Boolean).join(" · ");
        text(tip, names[node] + (line ? " — " + line : ""));
      }
      tip.hidden = false;
    });
    renderer.on("leaveNode", function () {
      tip.hidden = true;
    });

    /* The card of the selected person. */
    var card = byId("map-card");
    function show(node, center) {
      selected = node;
      marked = null;
      if (node === null) {
        card.hidden = true;
        container.dataset.selected = "";
        renderer.refresh();
        return;
      }
      container.dataset.selected = names[node];
      text(card.querySelector("[data-field=name]"), names[node]);
      var facts = {
        company: field(node, "company"),
        position: field(node, "position"),
        industry: data.industries[data.industry[node]],
        connected: field(node, "connected"),
        last: field(node, "last"),
        tier: data.tier[node] >= 0 ? data.tiers[data.tier[node]] : "",
        strength: (data.strength[node] / 10).toFixed(1),
      };
      Object.keys(facts).forEach(function (key) {
        var slot = card.querySelector("[data-field=" + key + "]");
        if (!slot) return;
        text(slot, facts[key] || "–");
        slot.parentElement.hidden = !facts[key];
      });
      var reasons = card.querySelector("[data-field=reasons]");
      reasons.replaceChildren();
      (data.reasons[String(node)] || []).forEach(function (reason) {
        var item = document.createElement("li");
        text(item, reason);
        reasons.appendChild(item);
      });
      reasons.parentElement.hidden = !reasons.children.length;
      var profile = card.querySelector("[data-field=link]");
      var href = link(node);
      if (profile) {
        profile.hidden = !href;
        if (href) profile.href = href;
        else profile.removeAttribute("href");
      }
      card.hidden = false;
      renderer.refresh();
      if (center) {
        var at = renderer.getNodeDisplayData(node);
        if (at) renderer.getCamera().animate({ x: at.x, y: at.y, ratio: 0.12 }, { duration: 400 });
      }
    }
    renderer.on("clickNode", function (event) {
      if (event.node !== "owner") show(+event.node, false);
    });
    renderer.on("clickStage", function () {
      show(null);
    });
    byId("map-card-close").addEventListener("click", function () {
      show(null);
    });

    /* Colour by industry or by tier. */
    Array.prototype.forEach.call(document.querySelectorAll("input[name=map-colour]"), function (radio) {
      radio.addEventListener("change", function () {
        colourBy = radio.value;
        graph.forEachNode(function (node) {
          if (node !== "owner" && !mates[node]) graph.setNodeAttribute(node, "color", colour(+node));
        });
        byId("legend-industry").hidden = colourBy !== "industry";
        byId("legend-tier").hidden = colourBy !== "tier";
      });
    });

    /* Search: people and companies, as you type; Enter picks the first. */
    var search = byId("map-search");
    var results = byId("map-results");
    var foldedNames = null;
    var foldedCompanies = null;
    function find(query) {
      if (foldedNames === null) {
        foldedNames = names.map(fold);
        foldedCompanies = names.map(function (_, node) {
          return fold(field(node, "company"));
        });
      }
      var q = fold(query);
      var people = [];
      var companies = {};
      if (!q) return { people: people, companies: [] };
      for (var node = 0; node < count; node++) {
        if (foldedNames[node] === q) people.unshift(node);
        else if (people.length < 8 && foldedNames[node].indexOf(q) >= 0) people.push(node);
        if (foldedCompanies[node] && foldedCompanies[node].indexOf(q) >= 0) {
          var key = foldedCompanies[node];
          if (!companies[key]) companies[key] = { name: field(node, "company"), nodes: [] };
          companies[key].nodes.push(node);
        }
      }
      var found = Object.keys(companies).map(function (key) {
        return companies[key];
      });
      found.sort(function (a, b) {
        return b.nodes.length - a.nodes.length;
      });
      return { people: people.slice(0, 8), companies: found.slice(0, 4) };
    }
    function markCompany(company) {
      selected = null;
      card.hidden = true;
      container.dataset.selected = "";
      marked = {};
      var x = 0, y = 0;
      company.nodes.forEach(function (node) {
        marked[node] = true;
        var at = renderer.getNodeDisplayData(node);
        x += at.x;
        y += at.y;
      });
      renderer.refresh();
      var n = company.nodes.length;
      renderer.getCamera().animate({ x: x / n, y: y / n, ratio: 0.15 }, { duration: 400 });
    }
    function choose(item) {
      results.replaceChildren();
      results.hidden = true;
      if (item.node !== undefined) show(item.node, true);
      else markCompany(item.company);
    }
    var current = [];
    search.addEventListener("input", function () {
      var found = find(search.value);
      results.replaceChildren();
      current = [];
      found.people.forEach(function (node) {
        current.push({ node: node, label: names[node], detail: field(node, "company") });
      });
      found.companies.forEach(function (company) {
        current.push({ company: company, label: company.name, detail: company.nodes.length + " people" });
      });
      current.forEach(function (item) {
        var option = document.createElement("li");
        option.setAttribute("role", "option");
        var strong = document.createElement("strong");
        text(strong, item.label);
        var small = document.createElement("small");
        text(small, item.detail ? " " + item.detail : "");
        option.append(strong, small);
        option.addEventListener("click", function () {
          choose(item);
        });
        results.appendChild(option);
      });
      results.hidden = !current.length;
    });
    search.addEventListener("keydown", function (event) {
      if (event.key === "Enter") {
        event.preventDefault();
        if (!current.length) search.dispatchEvent(new Event("input"));
        if (current.length) choose(current[0]);
      } else if (event.key === "Escape") {
        results.hidden = true;
      }
    });
    byId("map-reset").addEventListener("click", function () {
      show(null);
      marked = null;
      renderer.refresh();
      renderer.getCamera().animatedReset({ duration: 300 });
    });

    byId("map-tools").hidden = false;
    // How long the first draw took, to the next frame, for benchmarks.
    requestAnimationFrame(function () {
      performance.measure("netlens-map-draw", { start: started });
    });
    return { show: show };
  }

  var showOnMap = null;
  if (container && dataBlock) {
    try {
      map = startMap();
      showOnMap = function (node) {
        map.show(node, true);
        container.scrollIntoView({ behavior: "smooth", block: "center" });
      };
    } catch (error) {
      // No WebGL here: the static picture stays, and the tables still work.
      container.classList.remove("live");
      container.dataset.nodeCount = "0";
      var note = byId("map-fallback");
      if (note) note.hidden = false;
    }
  }

  Array.prototype.forEach.call(document.querySelectorAll("table[data-sortable]"), function (table) {
    setUpTable(table, showOnMap);
  });
})();
