package io.kirincontract.mock.docs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.kirincontract.mock.support.MockServerExtension;
import io.kirincontract.spec.KirinSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code /docs} in a real browser: headless Chromium renders Swagger UI for the mock's spec, with the five models'
 * request schemas, from files the mock serves itself (no request leaves the machine). Skipped where Chromium and
 * chromedriver are not installed ({@code apt-get install chromium chromium-driver}; {@code .ci/run} does it).
 */
class SwaggerUiRenderTest {

  @RegisterExtension
  static final MockServerExtension MOCK = MockServerExtension.builder().build();

  static final List<String> REQUEST_SCHEMAS =
      List.of(
          "KirinV3T2vRequest",
          "KirinVideoO1Request",
          "KirinV3I2vRequest",
          "KirinV2MasterT2vRequest",
          "KirinV21MasterI2vRequest");

  private static final Path OUT = Path.of("target", "docs-page");
  private static HeadlessChromium browser;

  @BeforeAll
  static void startTheBrowser() throws Exception {
    assumeTrue(
        HeadlessChromium.installed(),
        "headless Chromium is not installed at " + HeadlessChromium.CHROMIUM + " and " + HeadlessChromium.CHROMEDRIVER
            + "; install it with: apt-get install -y chromium chromium-driver (.ci/run does)");
    Files.createDirectories(OUT);
    browser = HeadlessChromium.start(OUT.resolve("chromedriver.log"));
  }

  @AfterAll
  static void stopTheBrowser() {
    if (browser != null) {
      browser.close();
    }
  }

  @Test
  void theDocsPageRendersEveryModelsRequestSchema(MockServerExtension.Info mock) throws Exception {
    openTheDocs(mock);
    browser.screenshot(OUT.resolve("docs.png"));

    List<String> titles =
        REQUEST_SCHEMAS.stream().map(name -> KirinSpec.load().schema(name).orElseThrow().getTitle()).toList();
    assertThat(titles).doesNotContainNull().hasSize(5); // "Kirin V3 text to video", ...
    assertThat(browser.text())
        .contains(titles)
        .contains("POST", "/v1/videos/generations", "/v1/videos/generations/{task_id}");
  }

  @Test
  void tryItOutCallsTheMockThatServesThePage(MockServerExtension.Info mock) {
    openTheDocs(mock);

    await("the page's own server first in the list")
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () ->
                assertThat(browser.script("return document.querySelector('.servers select').value;").asText())
                    .isEqualTo(mock.baseUrl()));
  }

  /** Opens /docs and waits until Swagger UI has rendered a model for each request schema. */
  private static void openTheDocs(MockServerExtension.Info mock) {
    browser.open(mock.url("/docs"));
    await("Swagger UI renders the five request schemas")
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(200))
        .untilAsserted(() -> assertThat(renderedModels()).containsAll(REQUEST_SCHEMAS));
  }

  /** The schema names of the models Swagger UI has rendered (each is an element {@code #model-<name>}). */
  private static List<String> renderedModels() {
    List<String> names = new ArrayList<>();
    browser
        .script("return [...document.querySelectorAll('.model-container')].map(e => e.id.replace(/^model-/, ''));")
        .forEach(name -> names.add(name.asText()));
    return names;
  }

  @Test
  void aRequestSchemaOpensToShowItsFields(MockServerExtension.Info mock) throws Exception {
    openTheDocs(mock);

    browser.script("document.querySelector('#model-KirinV3T2vRequest button').click();");

    await("the schema's fields")
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(() -> assertThat(browser.text()).contains("multi_prompt", "negative_prompt", "aspect_ratio"));
    browser.screenshot(OUT.resolve("docs-v3-t2v.png"));
  }

  @Test
  void everythingThePageLoadsComesFromTheMock(MockServerExtension.Info mock) {
    openTheDocs(mock);

    JsonNode resources = browser.script("return performance.getEntriesByType('resource').map(e => e.name);");
    List<String> urls = new ArrayList<>();
    resources.forEach(url -> urls.add(url.asText()));

    assertThat(urls)
        .contains(mock.url("/docs/swagger-ui-bundle.js"), mock.url("/docs/swagger-ui.css"), mock.url("/openapi.yaml"))
        .allSatisfy(url -> assertThat(url).startsWith(mock.baseUrl() + "/"));
  }
}
