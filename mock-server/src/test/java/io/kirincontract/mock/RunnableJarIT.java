package io.kirincontract.mock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The runnable jar as the README starts it, from the repository root, with the JVM options of the README's own command
 * (read from the README, so that a flag the JVM refuses fails here), after {@code package}: it serves the API and the
 * docs, logs each request, uses the class-data sharing archive the build wrote, and carries neither JUnit, the client
 * (both in {@code kirin-mock-junit}) nor anything else it does not need.
 */
class RunnableJarIT {

  private static final Path JAR = Path.of("target", "kirin-mock-server.jar");
  /** The repository root, where the README's command runs. */
  private static final Path ROOT = Path.of("..");
  private static final String README_JAR = "mock-server/target/kirin-mock-server.jar";
  private static final String README_ARCHIVE = "-XX:SharedArchiveFile=mock-server/target/kirin-mock-server.jsa";
  /** The README's command that starts the mock: {@code java <options> -jar <jar>}. */
  private static final Pattern README_COMMAND =
      Pattern.compile("&& java ((?:-\\S+ )*)-jar " + Pattern.quote(README_JAR) + "\\s*$", Pattern.MULTILINE);
  /** The same command on its own line in docs/mock-server.md ("Run it"), with at least one option. */
  private static final Pattern DOCS_COMMAND =
      Pattern.compile("^java ((?:-\\S+ )+)-jar " + Pattern.quote(README_JAR) + "\\s*$", Pattern.MULTILINE);
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
    List<String> command = new ArrayList<>();
    command.add(java());
    command.addAll(readmeJvmOptions());
    command.addAll(
        List.of("-jar", README_JAR, "--host", "127.0.0.1", "--egress", "loopback", "--port", Integer.toString(port)));
    mock =
        new ProcessBuilder(command)
            .directory(ROOT.toFile())
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

    await("the request log line of the create")
        .atMost(Duration.ofSeconds(10))
        .until(() -> Files.readString(log).contains("INFO requests - POST /v1/videos/generations 200 "));
    assertThat(Files.readString(log)).as("the archive matched: no class-data sharing warning").doesNotContain("cds");
  }

  @Test
  void theReadmeCommandMapsTheClassDataSharingArchive() throws Exception {
    Path log = Files.createDirectories(Path.of("target", "runnable-jar")).resolve("cds.log");
    // -Xshare:on makes the JVM refuse to run when it cannot map the archive; with all of the README's options, since
    // a JVM maps only an archive written under its own collector's oops setting (the build's training run must use
    // the README's collector)
    List<String> command = new ArrayList<>(List.of(java(), "-Xshare:on"));
    command.addAll(readmeJvmOptions());
    command.addAll(List.of("-jar", README_JAR, "--version"));
    Process version =
        new ProcessBuilder(command)
            .directory(ROOT.toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();

    assertThat(version.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(Files.readString(log)).startsWith("kirin-mock-server ");
    assertThat(version.exitValue()).isZero();
  }

  @Test
  void theReadmeCommandCarriesTheMeasuredJvmOptions() throws IOException {
    // docs/mock-server.md says why: the archive for start-up, compiler threads and smaller compiled methods for the
    // first seconds under load, the collector and its uncommit delay for sustained load
    assertThat(readmeJvmOptions())
        .contains(README_ARCHIVE, "-XX:InlineSmallCode=1000", "-XX:+UseZGC", "-XX:ZUncommitDelay=3600")
        .anyMatch(option -> option.startsWith("-XX:CICompilerCount="));
  }

  @Test
  void theMockServerPageShowsTheReadmeCommand() throws IOException {
    // docs/mock-server.md repeats the command where it says why each option is there; the two must not drift
    Matcher command = DOCS_COMMAND.matcher(Files.readString(ROOT.resolve("docs").resolve("mock-server.md")));
    assertThat(command.find()).as("docs/mock-server.md has the command that starts the mock").isTrue();
    assertThat(options(command.group(1))).isEqualTo(readmeJvmOptions());
  }

  @Test
  void theBenchmarksReadTheSameOptionsFromTheReadme() throws Exception {
    // the benchmark scripts parse the README's command in shell (readme_java_opts); the two readings must agree
    Process bash =
        new ProcessBuilder("bash", "-c", "ROOT=. && source mock-server/bench/common.sh && readme_java_opts")
            .directory(ROOT.toFile())
            .redirectErrorStream(true)
            .start();
    String out = new String(bash.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(bash.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(bash.exitValue()).as(out).isZero();
    assertThat(Arrays.stream(out.trim().split(" ")).toList()).isEqualTo(readmeJvmOptions());
  }

  /** The JVM options of the README's command that starts the mock. */
  static List<String> readmeJvmOptions() throws IOException {
    Matcher command = README_COMMAND.matcher(Files.readString(ROOT.resolve("README.md")));
    assertThat(command.find()).as("the README has the command that starts the mock").isTrue();
    return options(command.group(1));
  }

  private static List<String> options(String written) {
    return Arrays.stream(written.trim().split(" ")).filter(option -> !option.isEmpty()).toList();
  }

  private static String java() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  @Test
  void theJarHoldsNeitherJUnitNorTheClient() throws IOException {
    try (ZipFile jar = new ZipFile(JAR.toFile())) {
      assertThat(jar.stream().map(entry -> entry.getName()).filter(name -> name.startsWith("org/junit/")))
          .isEmpty();
      assertThat(jar.stream().map(entry -> entry.getName()).filter(name -> name.startsWith("io/kirincontract/client/")))
          .isEmpty();
      assertThat(jar.getEntry("io/kirincontract/mock/cli/internal/MockServerCommand.class")).isNotNull();
      assertThat(jar.getEntry("META-INF/maven/org.webjars/swagger-ui/pom.properties")).isNotNull();
    }
  }

  private static HttpResponse<String> get(String url) throws IOException, InterruptedException {
    return HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
  }
}
