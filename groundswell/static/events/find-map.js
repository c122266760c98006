/* Find events: the map of the listed events, drawn over the list's own data (progressive enhancement).
   Without JavaScript, without Leaflet or offline, the list alone still works. Every text is set with
   textContent: nothing from the data is ever parsed as HTML. */
(function () {
  "use strict";

  var TILES = "https://tile.openstreetmap.org/{z}/{x}/{y}.png";
  var ATTRIBUTION = '&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a> contributors';

  function line(parent, text) {
    if (!text) return;
    parent.appendChild(document.createElement("br"));
    parent.appendChild(document.createTextNode(text));
  }

  function entry(event) {
    var item = document.createElement("p");
    var link = document.createElement("a");
    link.href = event.url;
    link.textContent = event.title;
    var strong = document.createElement("strong");
    strong.appendChild(link);
    item.appendChild(strong);
    line(item, event.when);
    line(item, event.place);
    line(item, event.distance);
    return item;
  }

  function popup(events) {
    var box = document.createElement("div");
    box.className = "event-popup";
    events.forEach(function (event) { box.appendChild(entry(event)); });
    return box;
  }

  function byPlace(events) {
    // Several events often share a place (one venue, or one district's centre): one marker for them all.
    var places = {};
    var order = [];
    events.forEach(function (event) {
      var key = event.lat + "," + event.lng;
      if (!places[key]) { places[key] = []; order.push(key); }
      places[key].push(event);
    });
    return order.map(function (key) { return places[key]; });
  }

  function draw() {
    var box = document.getElementById("event-map");
    var script = document.getElementById("event-markers");
    if (!box || !script || box.getAttribute("data-drawn") || typeof L === "undefined") return;
    var data;
    try { data = JSON.parse(script.textContent); } catch (error) { return; }
    if (!data.events || !data.events.length) return;
    box.hidden = false;
    box.setAttribute("data-drawn", "1");
    var map = L.map(box, { scrollWheelZoom: false });
    L.tileLayer(TILES, { maxZoom: 19, attribution: ATTRIBUTION }).addTo(map);
    var bounds = [];
    if (data.centre) {
      L.circle(data.centre, { radius: data.km * 1000, weight: 1, fill: false, interactive: false }).addTo(map);
      bounds.push(data.centre);
    }
    byPlace(data.events).forEach(function (events) {
      var first = events[0];
      var label = events.length > 1 ? first.title + " and " + (events.length - 1) + " more" : first.title;
      L.marker([first.lat, first.lng], { title: label, alt: label, keyboard: true })
        .bindPopup(popup(events), { maxHeight: 260 })
        .addTo(map);
      bounds.push([first.lat, first.lng]);
    });
    // Extra room at the top: a pin stands above its point.
    map.fitBounds(bounds, { paddingTopLeft: [24, 48], paddingBottomRight: [24, 16], maxZoom: 14 });
  }

  document.addEventListener("DOMContentLoaded", draw);
  document.addEventListener("htmx:afterSettle", draw);
})();
