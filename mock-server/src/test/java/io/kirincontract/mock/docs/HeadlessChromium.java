package io.kirincontract.mock.docs;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;

/**
 * Debian's headless Chromium driven by its chromedriver through the W3C WebDriver HTTP protocol (no Selenium, no
 * driver download, no DevTools protocol): start the driver, open a session, load pages, run scripts, take
 * screenshots. {@link #close()} ends the session and the driver.
 */
final class HeadlessChromium implements AutoCloseable {

  /** Where Debian's {@code chromium} and {@code chromium-driver} packages put them; overridable for other systems. */
  static final Path CHROMIUM = Path.of(System.getProperty("kirin.chromium", "/usr/bin/chromium"));

  static final Path CHROMEDRIVER = Path.of(System.getProperty("kirin.chromedriver", "/usr/bin/chromedriver"));

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private final Process driver;
  private final String driverUrl;
  private final String session;

  private HeadlessChromium(Process driver, String driverUrl, String session) {
    this.driver = driver;
    this.driverUrl = driverUrl;
    this.session = session;
  }

  /** Whether both programs are installed. */
  static boolean installed() {
    return Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
  }

  /** Starts chromedriver on a free loopback port (its log in {@code log}) and opens a headless browser session. */
  static HeadlessChromium start(Path log) throws IOException {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    Process driver =
        new ProcessBuilder(CHROMEDRIVER.toString(), "--port=" + port)
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    String driverUrl = "http://127.0.0.1:" + port;
    try {
      await("chromedriver ready")
          .atMost(Duration.ofSeconds(30))
          .pollInterval(Duration.ofMillis(100))
          .ignoreExceptions()
          .until(() -> call("GET", driverUrl + "/status", null).path("ready").asBoolean());
      ObjectNode options = JSON.createObjectNode().put("binary", CHROMIUM.toString());
      List.of("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--window-size=1280,2400")
          .forEach(options.putArray("args")::add);
      ObjectNode capabilities = JSON.createObjectNode();
      capabilities
          .putObject("capabilities")
          .putObject("alwaysMatch")
          .put("browserName", "chrome")
          .set("goog:chromeOptions", options);
      String session = call("POST", driverUrl + "/session", capabilities).path("sessionId").asText();
      return new HeadlessChromium(driver, driverUrl, session);
    } catch (RuntimeException e) {
      driver.destroy();
      throw e;
    }
  }

  /** Loads {@code url} and waits for the document to load (not for its scripts to finish rendering). */
  void open(String url) {
    command("POST", "/url", JSON.createObjectNode().put("url", url));
  }

  /** Runs {@code script} (a function body) in the page and returns its {@code return} value. */
  JsonNode script(String script) {
    ObjectNode body = JSON.createObjectNode().put("script", script);
    body.putArray("args");
    return command("POST", "/execute/sync", body);
  }

  /** The page's visible text. */
  String text() {
    return script("return document.body.innerText;").asText();
  }

  /** Saves a PNG screenshot of the window. */
  void screenshot(Path png) throws IOException {
    Files.write(png, Base64.getDecoder().decode(command("GET", "/screenshot", null).asText()));
  }

  @Override
  public void close() {
    try {
      command("DELETE", "", null);
    } finally {
      driver.destroy();
    }
  }

  private JsonNode command(String method, String path, JsonNode body) {
    return call(method, driverUrl + "/session/" + session + path, body);
  }

  /** One WebDriver call; its {@code value}, or an exception with the driver's error. */
  private static JsonNode call(String method, String url, JsonNode body) {
    HttpRequest.BodyPublisher publisher =
        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body.toString());
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(url))
            .timeout(Duration.ofSeconds(60))
            .header("Content-Type", "application/json")
            .method(method, publisher)
            .build();
    try {
      HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
      JsonNode value = JSON.readTree(response.body()).path("value");
      if (response.statusCode() != 200) {
        throw new IllegalStateException(
            "WebDriver " + method + " " + url + " answered " + response.statusCode() + ": " + value);
      }
      return value;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
