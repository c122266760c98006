/* Draws the target maps: each element with data-map names a json_script block holding
   {you: [lat, lng]?, seats: [{lat, lng, label, colour, radius}]}. The page works without it. */
(function () {
  "use strict";
  function draw(element) {
    if (!window.L || element.dataset.drawn) return;
    var source = document.getElementById(element.dataset.map);
    if (!source) return;
    var data = JSON.parse(source.textContent);
    element.hidden = false;
    element.dataset.drawn = "1";
    var map = L.map(element, { scrollWheelZoom: false });
    L.tileLayer("https://{s}.tile.openstreetmap.org/{z}/{x}/{y}.png", {
      maxZoom: 18,
      attribution: '&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a> contributors'
    }).addTo(map);
    var bounds = [];
    (data.seats || []).forEach(function (seat) {
      L.circleMarker([seat.lat, seat.lng], {
        radius: seat.radius || 8, color: "#1b1b1f", weight: 1, fillColor: seat.colour, fillOpacity: 0.85
      }).bindTooltip(seat.label).addTo(map);
      bounds.push([seat.lat, seat.lng]);
    });
    if (data.you) {
      L.circleMarker(data.you, { radius: 6, color: "#0b5cad", weight: 3, fillColor: "#fff", fillOpacity: 1 })
        .bindTooltip("You").addTo(map);
      bounds.push(data.you);
    }
    if (bounds.length > 1) map.fitBounds(bounds, { padding: [20, 20], maxZoom: 11 });
    else if (bounds.length === 1) map.setView(bounds[0], 10);
    else map.setView([54.5, -3], 5);
  }
  function drawAll(root) {
    (root || document).querySelectorAll("[data-map]").forEach(draw);
  }
  document.addEventListener("DOMContentLoaded", function () { drawAll(document); });
  document.addEventListener("htmx:afterSettle", function () { drawAll(document); });
})();
