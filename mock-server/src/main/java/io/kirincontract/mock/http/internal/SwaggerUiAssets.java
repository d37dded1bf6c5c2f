package io.kirincontract.mock.http.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The Swagger UI files the docs page needs, read from the {@code org.webjars:swagger-ui} jar on the classpath (so
 * the page works offline; nothing comes from a CDN). Each file is read once and kept.
 */
final class SwaggerUiAssets {

  private static final String POM_PROPERTIES = "META-INF/maven/org.webjars/swagger-ui/pom.properties";

  /** The files served, with their content types; the page uses only these. */
  private static final Map<String, String> TYPES =
      Map.of(
          "swagger-ui-bundle.js", "text/javascript; charset=utf-8",
          "swagger-ui.css", "text/css; charset=utf-8",
          "favicon-32x32.png", "image/png",
          "favicon-16x16.png", "image/png");

  /** A file and its content type. */
  record Asset(byte[] bytes, String contentType) {}

  private final ClassLoader loader;
  private final String version;
  private final Map<String, Asset> cache = new ConcurrentHashMap<>();

  private SwaggerUiAssets(ClassLoader loader, String version) {
    this.loader = loader;
    this.version = version;
  }

  /** The webjar's files, or empty when the webjar is not on the classpath. */
  static Optional<SwaggerUiAssets> fromClasspath() {
    ClassLoader loader = SwaggerUiAssets.class.getClassLoader();
    try (InputStream in = loader.getResourceAsStream(POM_PROPERTIES)) {
      if (in == null) {
        return Optional.empty();
      }
      Properties pom = new Properties();
      pom.load(in);
      return Optional.ofNullable(pom.getProperty("version")).map(version -> new SwaggerUiAssets(loader, version));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + POM_PROPERTIES, e);
    }
  }

  /** The Swagger UI version, such as {@code 5.30.3}. */
  String version() {
    return version;
  }

  /** The named file, if it is one the page uses. */
  Optional<Asset> asset(String name) {
    String type = TYPES.get(name);
    if (type == null) {
      return Optional.empty();
    }
    return Optional.of(cache.computeIfAbsent(name, file -> new Asset(read(file), type)));
  }

  private byte[] read(String file) {
    String path = "META-INF/resources/webjars/swagger-ui/" + version + "/" + file;
    try (InputStream in = loader.getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException("the swagger-ui webjar has no " + path);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + path, e);
    }
  }
}
