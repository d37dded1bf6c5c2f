package io.kirincontract.mock.docs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Fenced code blocks of a Markdown page, and the dedenting that makes a block comparable with a source region. */
public final class MarkdownBlocks {

  /** The repository's root (the nearest folder up from the module the tests run in that holds the root pom). */
  static final Path ROOT = root();

  /** The repository's {@code docs/} folder. */
  public static final Path DOCS = ROOT.resolve("docs");

  private MarkdownBlocks() {}

  private static Path root() {
    for (Path folder = Path.of("").toAbsolutePath(); folder != null; folder = folder.getParent()) {
      if (Files.isDirectory(folder.resolve("docs")) && Files.isRegularFile(folder.resolve("pom.xml"))) {
        return Path.of("").toAbsolutePath().relativize(folder);
      }
    }
    throw new IllegalStateException("no docs/ folder above " + Path.of("").toAbsolutePath());
  }

  /** The contents of the page's {@code ```language} blocks, in order, without their fences. */
  static List<String> of(Path page, String language) throws IOException {
    List<String> blocks = new ArrayList<>();
    Matcher block =
        Pattern.compile("(?ms)^```" + Pattern.quote(language) + "\\n(.*?)\\n```$").matcher(Files.readString(page));
    while (block.find()) {
      blocks.add(block.group(1));
    }
    return blocks;
  }

  /** {@code code} without the indentation its lines share, and without leading and trailing blank lines. */
  static String dedent(String code) {
    List<String> lines = Arrays.asList(code.split("\n", -1));
    int indent =
        lines.stream()
            .filter(line -> !line.isBlank())
            .mapToInt(line -> line.length() - line.stripLeading().length())
            .min()
            .orElse(0);
    return String.join("\n", lines.stream().map(line -> line.isBlank() ? "" : line.substring(indent)).toList())
        .strip();
  }
}
