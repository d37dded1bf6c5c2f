package io.kirincontract.spec;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the provider's documents (the seeds): which file is which model, and each file's error codes. */
final class SeedDocuments {

  /** The system property naming the seed directory; set by the spec module's surefire configuration. */
  static final String DIR_PROPERTY = "kirin.seeds.dir";

  private static final Pattern README_ROW = Pattern.compile("^\\|\\s*(\\S+\\.txt)\\s*\\|\\s*`([a-z0-9_]+)`\\s*\\|");
  private static final Pattern PIPE_ROW = Pattern.compile("^\\|\\s*(\\d+)\\s*\\|");
  private static final Pattern RUN_TOGETHER_ROW = Pattern.compile("^(\\d+)\\s*\\p{Alpha}");

  private SeedDocuments() {}

  /** The seed directory, when the property names one that exists. */
  static Optional<Path> directory() {
    String dir = System.getProperty(DIR_PROPERTY);
    if (dir == null || dir.isBlank()) {
      return Optional.empty();
    }
    Path path = Path.of(dir).normalize();
    return Files.isDirectory(path) ? Optional.of(path) : Optional.empty();
  }

  /** File name to model id, from the seeds' {@code README.md} table. */
  static Map<String, String> modelsByFile(Path directory) {
    Map<String, String> models = new LinkedHashMap<>();
    for (String line : lines(directory.resolve("README.md"))) {
      Matcher row = README_ROW.matcher(line.trim());
      if (row.find()) {
        models.put(row.group(1), row.group(2));
      }
    }
    return models;
  }

  /**
   * The codes of a document's "Error Codes" table. Both scraped styles occur: a Markdown table ({@code |
   * 006001094 | Task resource insufficient |}) and cells run together ({@code 006001094Task resource
   * insufficient}).
   */
  static List<String> errorCodes(String document) {
    List<String> codes = new ArrayList<>();
    boolean inTable = false;
    for (String raw : document.split("\\R")) {
      String line = raw.trim();
      if (line.equalsIgnoreCase("Error Codes")) {
        inTable = true;
        continue;
      }
      if (!inTable) {
        continue;
      }
      Matcher pipe = PIPE_ROW.matcher(line);
      Matcher runTogether = RUN_TOGETHER_ROW.matcher(line);
      if (pipe.find()) {
        codes.add(pipe.group(1));
      } else if (runTogether.find()) {
        codes.add(runTogether.group(1));
      }
    }
    return codes;
  }

  static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<String> lines(Path file) {
    return List.of(read(file).split("\\R"));
  }
}
