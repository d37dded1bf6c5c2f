package io.kirincontract.spec.catalogue;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/** A rendered catalogue read back for assertions: its {@code ##} sections and their table rows. */
record CataloguePage(String text) {

  private static final Pattern UNESCAPED_PIPE = Pattern.compile("(?<!\\\\)\\|");

  /** The text of the {@code ## heading} section, up to the next {@code ##} heading. */
  String section(String heading) {
    String start = "\n## " + heading + "\n";
    int from = text.indexOf(start);
    if (from < 0) {
      throw new AssertionError("no section ## " + heading);
    }
    int to = text.indexOf("\n## ", from + start.length());
    return text.substring(from, to < 0 ? text.length() : to);
  }

  /** The cells of the table row of a section whose first cell is {@code firstCell}. */
  Optional<List<String>> row(String section, String firstCell) {
    return section
        .lines()
        .filter(line -> line.startsWith("| "))
        .map(CataloguePage::cells)
        .filter(cells -> cells.get(0).equals(firstCell))
        .findFirst();
  }

  /** The cells of a table line, split on unescaped pipes and trimmed. */
  static List<String> cells(String line) {
    String[] parts = UNESCAPED_PIPE.split(line.strip(), -1);
    return Arrays.stream(parts, 1, parts.length - 1).map(String::strip).toList();
  }
}
