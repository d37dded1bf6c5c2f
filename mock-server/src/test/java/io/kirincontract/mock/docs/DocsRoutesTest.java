package io.kirincontract.mock.docs;

import static org.assertj.core.api.Assertions.assertThat;

import io.kirincontract.mock.support.MockServerExtension;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code /docs} and its files over plain HTTP, without a key (the browser test is {@link SwaggerUiRenderTest}). */
class DocsRoutesTest {

  @RegisterExtension
  static final MockServerExtension MOCK =
      MockServerExtension.builder().configure(config -> config.apiKeys("secret")).build();

  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @Test
  void theDocsPageNeedsNoKeyAndLoadsTheSpecAndSwaggerUiFromTheMock(MockServerExtension.Info mock) throws Exception {
    HttpResponse<String> page = get(mock.url("/docs"));

    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
    assertThat(page.body())
        .contains("src=\"docs/swagger-ui-bundle.js\"", "href=\"docs/swagger-ui.css\"", "url: \"openapi.yaml\"")
        .doesNotContain("https://", "http://");
  }

  @Test
  void swaggerUisFilesComeFromTheWebjar(MockServerExtension.Info mock) throws Exception {
    assertThat(get(mock.url("/docs/swagger-ui-bundle.js")))
        .satisfies(js -> assertThat(js.statusCode()).isEqualTo(200))
        .satisfies(js -> assertThat(js.headers().firstValue("Content-Type")).hasValue("text/javascript; charset=utf-8"))
        .satisfies(js -> assertThat(js.body()).contains("SwaggerUIBundle"));
    assertThat(get(mock.url("/docs/swagger-ui.css")).headers().firstValue("Content-Type"))
        .hasValue("text/css; charset=utf-8");
    assertThat(get(mock.url("/docs/favicon-32x32.png")).statusCode()).isEqualTo(200);
  }

  @Test
  void anyOtherFileIsAnEnvelopedNotFound(MockServerExtension.Info mock) throws Exception {
    HttpResponse<String> missing = get(mock.url("/docs/index.html"));

    assertThat(missing.statusCode()).isEqualTo(404);
    assertThat(missing.body()).contains("\"code\":\"route_not_found\"", "/docs");
  }

  @Test
  void aTrailingSlashRedirectsToThePageSoItsRelativeLinksResolve(MockServerExtension.Info mock) throws Exception {
    HttpResponse<String> redirect = get(mock.url("/docs/"));

    assertThat(redirect.statusCode()).isEqualTo(301);
    assertThat(URI.create(mock.url("/docs/")).resolve(redirect.headers().firstValue("Location").orElseThrow()))
        .isEqualTo(URI.create(mock.url("/docs")));
  }

  private static HttpResponse<String> get(String url) throws IOException, InterruptedException {
    return HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
  }
}
