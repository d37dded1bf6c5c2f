package io.kirincontract.conformance.cases;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Case files from a directory ({@code --cases DIR}), such as those the mock's drift watch writes with {@code
 * --proxy-record DIR}: every {@code *.yaml} file, in the format of {@link CaseFiles}, its model named inside. Unlike the
 * suite's own files, a recorded file's base may itself break the rule (it is the request that drifted).
 */
public final class RecordedCases {

  /** The JUnit configuration parameter that names the directory. */
  public static final String DIRECTORY = "kirin.cases";

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  private RecordedCases() {}

  /** Every case of every file in {@code directory}, files in name order. */
  public static List<RuleCase> load(Path directory) {
    List<Path> files;
    try (Stream<Path> listed = Files.list(directory)) {
      files = listed.filter(file -> file.getFileName().toString().endsWith(".yaml")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list the case files in " + directory, e);
    }
    List<RuleCase> cases = new ArrayList<>();
    for (Path file : files) {
      JsonNode root;
      try {
        root = YAML.readTree(file.toFile());
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read the case file " + file, e);
      }
      String model = root == null ? "" : root.path("model").asText("");
      cases.addAll(CaseFiles.parse(model, file.getFileName().toString(), root).cases());
    }
    return List.copyOf(cases);
  }
}
