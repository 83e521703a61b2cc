// The documents to show come from the gateway's configuration (/api/docs/swagger-config), not from this file.
window.onload = function () {
  window.ui = SwaggerUIBundle({
    configUrl: "/api/docs/swagger-config",
    dom_id: "#swagger-ui",
    deepLinking: true,
    presets: [SwaggerUIBundle.presets.apis, SwaggerUIStandalonePreset],
    plugins: [SwaggerUIBundle.plugins.DownloadUrl],
    layout: "StandaloneLayout"
  });
};
