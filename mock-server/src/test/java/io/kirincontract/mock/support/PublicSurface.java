package io.kirincontract.mock.support;

import io.kirincontract.mock.docs.MarkdownBlocks;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The public surface of a module as its classes have it, and as the "What is API" table of docs/mock-server.md lists
 * it. A type is API when it is public, top-level and outside every package named {@code internal}.
 */
public final class PublicSurface {

  private static final Pattern ROW = Pattern.compile("^\\| `(io\\.kirincontract\\.mock[\\w.]*)`[^|]*\\| ([^|]+) \\|");
  private static final Pattern TYPE = Pattern.compile("`([A-Z]\\w*)`");

  private PublicSurface() {}

  /** {@code package.Type} for every public top-level type outside {@code internal} packages beside {@code anchor}. */
  public static Set<String> ofClasses(Class<?> anchor) {
    Path root;
    try {
      root = Path.of(anchor.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
    Set<String> sources = sources(root);
    Set<String> found = new TreeSet<>();
    try (Stream<Path> files = Files.walk(root)) {
      files
          .map(root::relativize)
          .map(Path::toString)
          .filter(name -> name.endsWith(".class") && !name.contains("$") && !name.endsWith("package-info.class"))
          .map(name -> name.substring(0, name.length() - ".class".length()).replace('/', '.'))
          .filter(name -> !name.contains(".internal."))
          .filter(sources::contains) // a class left in target/classes by an earlier build has no source
          .forEach(
              name -> {
                try {
                  if (Modifier.isPublic(Class.forName(name, false, anchor.getClassLoader()).getModifiers())) {
                    found.add(name);
                  }
                } catch (ClassNotFoundException e) {
                  throw new IllegalStateException(e);
                }
              });
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return found;
  }

  /**
   * {@code package.Type} of every source of the module whose classes are in {@code classes} ({@code target/classes}):
   * {@code src/main/java} and what the build generated under {@code target/generated-sources}.
   */
  private static Set<String> sources(Path classes) {
    Path target = classes.getParent();
    Set<String> names = new TreeSet<>();
    for (Path dir : List.of(target.getParent().resolve("src/main/java"), target.resolve("generated-sources"))) {
      if (!Files.isDirectory(dir)) {
        continue;
      }
      try (Stream<Path> files = Files.walk(dir)) {
        files
            .map(Path::toString)
            .filter(name -> name.endsWith(".java") && name.contains("/io/kirincontract/"))
            .map(name -> name.substring(name.indexOf("/io/kirincontract/") + 1, name.length() - ".java".length()))
            .map(name -> name.replace('/', '.'))
            .forEach(names::add);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return names;
  }

  /** {@code package.Type} for every type the table lists in a package starting with {@code prefix}. */
  public static Set<String> ofDocs(String prefix, Set<String> excludedPackages) {
    Set<String> listed = new TreeSet<>();
    for (String line : docLines()) {
      Matcher row = ROW.matcher(line);
      if (!row.find() || !row.group(1).startsWith(prefix) || excludedPackages.contains(row.group(1))) {
        continue;
      }
      Matcher type = TYPE.matcher(row.group(2));
      while (type.find()) {
        listed.add(row.group(1) + "." + type.group(1));
      }
    }
    return listed;
  }

  private static Iterable<String> docLines() {
    try {
      return Files.readAllLines(MarkdownBlocks.DOCS.resolve("mock-server.md"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
