package io.kirincontract.mock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The runnable jar as the README starts it ({@code java -jar mock-server/target/kirin-mock-server.jar}), after
 * {@code package}: it serves the API and the docs, and carries neither JUnit nor anything else it does not need.
 */
class RunnableJarIT {

  private static final Path JAR = Path.of("target", "kirin-mock-server.jar");
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private Process mock;

  @AfterEach
  void stop() {
    if (mock != null) {
      mock.destroy();
    }
  }

  @Test
  void theJarStartsAndServesTheApiTheSpecAndTheDocs() throws Exception {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    Path log = Files.createDirectories(Path.of("target", "runnable-jar")).resolve("mock.log");
    mock =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar",
                JAR.toString(),
                "--host",
                "127.0.0.1",
                "--port",
                Integer.toString(port))
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    String base = "http://127.0.0.1:" + port;

    await("the jar's mock answers /health")
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(200))
        .ignoreExceptions()
        .until(() -> get(base + "/health").statusCode() == 200);

    assertThat(get(base + "/openapi.yaml").body()).startsWith("openapi: 3.0.3");
    assertThat(get(base + "/docs").statusCode()).isEqualTo(200);
    assertThat(get(base + "/docs/swagger-ui-bundle.js").body()).contains("SwaggerUIBundle");
    HttpResponse<String> created =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(base + "/v1/videos/generations"))
                .header("Authorization", "Bearer my-key")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"model\":\"kirin_v3_t2v\",\"prompt\":\"A red fox\"}"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(created.statusCode()).isEqualTo(200);
    assertThat(created.body()).contains("\"status\":\"queued\"");
  }

  @Test
  void theJarHoldsNoJUnit() throws IOException {
    try (ZipFile jar = new ZipFile(JAR.toFile())) {
      assertThat(jar.stream().map(entry -> entry.getName()).filter(name -> name.startsWith("org/junit/")))
          .isEmpty();
      assertThat(jar.getEntry("META-INF/maven/org.webjars/swagger-ui/pom.properties")).isNotNull();
    }
  }

  private static HttpResponse<String> get(String url) throws IOException, InterruptedException {
    return HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
  }
}
