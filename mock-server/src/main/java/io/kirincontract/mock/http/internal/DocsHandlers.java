package io.kirincontract.mock.http.internal;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.kirincontract.mock.problems.Problem;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Swagger UI for the spec the mock enforces, open without a key: {@code GET /docs} is the page (it loads {@code
 * /openapi.yaml}), {@code GET /docs/{asset}} its script, style sheet and icons, from the webjar. Links are relative,
 * so the page also works behind a proxy that adds a path prefix. The page puts its own server first in the spec's
 * server list, so "Try it out" calls the mock that serves it (the spec itself says {@code http://127.0.0.1:8080}).
 */
final class DocsHandlers {

  private static final String PAGE =
      """
      <!DOCTYPE html>
      <html lang="en">
      <head>
        <meta charset="utf-8">
        <title>Kirin API: mock server docs</title>
        <link rel="stylesheet" href="docs/swagger-ui.css">
        <link rel="icon" type="image/png" href="docs/favicon-32x32.png" sizes="32x32">
        <link rel="icon" type="image/png" href="docs/favicon-16x16.png" sizes="16x16">
      </head>
      <body>
      <div id="swagger-ui"></div>
      <script src="docs/swagger-ui-bundle.js"></script>
      <script>
        // "Try it out" goes to the mock serving this page: it comes first in the spec's server list.
        const here = new URL(".", window.location.href).href.replace(/[/]$/, "");
        window.ui = SwaggerUIBundle({
          url: "openapi.yaml",
          dom_id: "#swagger-ui",
          deepLinking: true,
          presets: [SwaggerUIBundle.presets.apis],
          layout: "BaseLayout",
          validatorUrl: null,
          onComplete: () => {
            const spec = window.ui.specSelectors.specJson().toJS();
            spec.servers = [{url: here, description: "this mock server"}]
                .concat((spec.servers || []).filter(server => server.url !== here));
            window.ui.specActions.updateJsonSpec(spec);
            window.ui.oas3Actions.setSelectedServer(here);
          }
        });
      </script>
      </body>
      </html>
      """;

  private final byte[] page = PAGE.getBytes(StandardCharsets.UTF_8);
  private final Optional<SwaggerUiAssets> assets;

  DocsHandlers(Optional<SwaggerUiAssets> assets) {
    this.assets = assets;
  }

  void page(Context ctx) {
    requireAssets();
    if (ctx.path().endsWith("/")) {
      // The page's links are relative to /docs; under /docs/ they would resolve to /docs/docs/...
      ctx.redirect("../docs", HttpStatus.MOVED_PERMANENTLY);
      return;
    }
    ctx.status(200).contentType("text/html; charset=utf-8").header("Cache-Control", "no-cache").result(page);
  }

  void asset(Context ctx) {
    SwaggerUiAssets.Asset asset =
        requireAssets()
            .asset(ctx.pathParam("asset"))
            .orElseThrow(
                () ->
                    new ApiException(Problem.of("route_not_found", "no docs file " + ctx.path() + "; the page is /docs")));
    ctx.status(200)
        .contentType(asset.contentType())
        .header("Cache-Control", "public, max-age=3600")
        .result(asset.bytes());
  }

  private SwaggerUiAssets requireAssets() {
    return assets.orElseThrow(
        () ->
            new ApiException(Problem.of(
                    "route_not_found",
                    "Swagger UI is not on the classpath (org.webjars:swagger-ui); the spec is at /openapi.yaml")));
  }
}
