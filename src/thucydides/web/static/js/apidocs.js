// Swagger UI over the app's OpenAPI schema (kept in a file: the Content-Security-Policy allows no inline script).
"use strict";
(function () {
  var root = document.getElementById("swagger-ui");
  window.SwaggerUIBundle({url: root.dataset.url, domNode: root, deepLinking: true});
})();
