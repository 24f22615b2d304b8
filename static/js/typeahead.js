// Progressive enhancement: offer matching titles and topics as the practitioner types.
// Without JavaScript the search form works exactly the same.
(function () {
  "use strict";
  var inputs = document.querySelectorAll("input[data-suggest-url]");
  Array.prototype.forEach.call(inputs, function (input) {
    var list = document.getElementById(input.getAttribute("list"));
    var timer = null;
    var last = "";
    if (!list || !window.fetch) { return; }
    input.addEventListener("input", function () {
      var term = input.value.trim();
      window.clearTimeout(timer);
      if (term.length < 2 || term === last) { return; }
      timer = window.setTimeout(function () {
        last = term;
        fetch(input.getAttribute("data-suggest-url") + "?q=" + encodeURIComponent(term), {credentials: "same-origin"})
          .then(function (response) { return response.ok ? response.json() : {resources: [], tags: []}; })
          .then(function (data) {
            list.textContent = "";
            data.tags.concat(data.resources).slice(0, 8).forEach(function (item) {
              var option = document.createElement("option");
              option.value = item.name || item.title;
              list.appendChild(option);
            });
          })
          .catch(function () { /* typeahead is optional: ignore network errors */ });
      }, 150);
    });
  });
})();
