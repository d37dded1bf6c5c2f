package io.kirincontract.spec.evolution;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** The released contracts kept in the repository: {@value #DIRECTORY}{@code kirin-api-<version>.yaml}. */
public final class ReleasedContracts {

  /** Where released contracts are kept, from the repository root. */
  public static final String DIRECTORY = "spec/released/";

  private static final Pattern FILE = Pattern.compile("kirin-api-(.+)\\.yaml");

  private final Path directory;

  private ReleasedContracts(Path directory) {
    this.directory = directory;
  }

  /** The released contracts of the repository at {@code root}. */
  public static ReleasedContracts in(Path root) {
    return new ReleasedContracts(root.resolve(DIRECTORY));
  }

  /** The released versions, oldest first. */
  public List<SemanticVersion> versions() {
    if (!Files.isDirectory(directory)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(directory)) {
      return files.map(file -> FILE.matcher(file.getFileName().toString()))
          .filter(Matcher::matches)
          .map(matcher -> SemanticVersion.parse(matcher.group(1)))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + directory, e);
    }
  }

  /** The highest released version. */
  public Optional<SemanticVersion> latest() {
    List<SemanticVersion> versions = versions();
    return versions.isEmpty() ? Optional.empty() : Optional.of(versions.get(versions.size() - 1));
  }

  /** The highest released version below {@code version}. */
  public Optional<SemanticVersion> latestBefore(SemanticVersion version) {
    return versions().stream().filter(released -> released.compareTo(version) < 0).reduce((a, b) -> b);
  }

  /** The released spec of {@code version}. */
  public String read(SemanticVersion version) {
    try {
      return Files.readString(file(version), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the released contract " + version, e);
    }
  }

  /** Keeps {@code spec} as the released contract {@code version}, replacing one of that version. */
  public Path release(SemanticVersion version, String spec) {
    try {
      Files.createDirectories(directory);
      return Files.writeString(file(version), spec, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the released contract " + version, e);
    }
  }

  /** The file of {@code version}. */
  public Path file(SemanticVersion version) {
    return directory.resolve("kirin-api-" + version + ".yaml");
  }
}
