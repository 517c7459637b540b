// Map: the Natural Earth countries as the (offline) basemap, events grouped at country centroids, clustered.
// Popups are built from DOM nodes with textContent: record text never becomes HTML.
"use strict";
(function () {
  var el = document.getElementById("map");
  var status = document.getElementById("map-status");
  var map = L.map(el, {worldCopyJump: false, minZoom: 1, maxZoom: 7}).setView([35, 30], 2);
  map.attributionControl.addAttribution("Natural Earth");

  function text(tag, value, cls) {
    var node = document.createElement(tag);
    node.textContent = value;
    if (cls) { node.className = cls; }
    return node;
  }

  function popup(point) {
    var box = document.createElement("div");
    box.appendChild(text("strong", point.place + ": " + point.count + " events"));
    box.appendChild(text("div", "placed by " + point.placed_by, "meta"));
    var list = document.createElement("ul");
    list.className = "popup-list";
    point.propositions.forEach(function (p) {
      var item = document.createElement("li");
      var link = text("a", (p.event_date || "undated") + " " + p.type + " " + (p.actor || []).join(",") +
                      " → " + (p.recipient || []).join(","));
      link.href = "/documents/" + encodeURIComponent(p.doc_id) + "#p-" + p.idx;
      item.appendChild(link);
      list.appendChild(item);
    });
    box.appendChild(list);
    return box;
  }

  function icon(count) {
    var size = count < 10 ? 30 : count < 100 ? 36 : 44;
    return L.divIcon({html: text("span", String(count)), className: "marker-cluster marker-cluster-small event-marker",
                      iconSize: L.point(size, size)});
  }

  var clusters = L.markerClusterGroup({
    iconCreateFunction: function (cluster) {
      var total = cluster.getAllChildMarkers().reduce(function (sum, m) { return sum + m.options.count; }, 0);
      return icon(total);
    }
  });

  fetch(el.dataset.basemap).then(function (r) { return r.json(); }).then(function (world) {
    L.geoJSON(world, {style: {color: "#8a94a6", weight: 0.6, fillColor: "#f4f1ea", fillOpacity: 1}}).addTo(map);
    clusters.addTo(map);
    return fetch(el.dataset.points);
  }).then(function (r) {
    if (!r.ok) { throw new Error("points: HTTP " + r.status); }
    return r.json();
  }).then(function (data) {
    data.points.forEach(function (point) {
      var marker = L.marker([point.lat, point.lon], {icon: icon(point.count), count: point.count,
                                                     title: point.place, keyboard: true});
      marker.bindPopup(popup(point));
      clusters.addLayer(marker);
    });
    var placed = data.points.reduce(function (sum, p) { return sum + p.count; }, 0);
    status.textContent = placed + " events on the map, " + data.unplaced + " without a country.";
    el.dataset.markers = String(data.points.length);
  }).catch(function (error) { status.textContent = "Could not load the map data: " + error.message; });
})();
