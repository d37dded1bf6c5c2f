package io.kirincontract.spec.catalogue;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The few Markdown pieces the catalogue needs: code spans, spec text, line breaks in cells and tables. */
final class Markdown {

  /** Separates lines inside one table cell. */
  static final String CELL_BREAK = "<br>";

  private static final Pattern BACKTICKS = Pattern.compile("`+");

  private Markdown() {}

  /** A code span that shows {@code text} literally, whatever backticks it holds; empty for {@code null}. */
  static String code(Object value) {
    if (value == null) {
      return "";
    }
    String text = value.toString();
    int longest = 0;
    Matcher run = BACKTICKS.matcher(text);
    while (run.find()) {
      longest = Math.max(longest, run.group().length());
    }
    String fence = "`".repeat(longest + 1);
    String pad = text.startsWith("`") || text.endsWith("`") || text.isBlank() ? " " : "";
    return fence + pad + text + pad + fence;
  }

  /**
   * Spec prose (already Markdown, with code spans in backticks) made safe for one line: whitespace runs become one
   * space, and {@code <} outside code spans is escaped so that {@code <<<image_1>>>} is not read as HTML.
   */
  static String text(String prose) {
    if (prose == null) {
      return "";
    }
    String flat = prose.strip().replaceAll("\\s+", " ");
    StringBuilder out = new StringBuilder(flat.length());
    Matcher run = BACKTICKS.matcher(flat);
    int at = 0;
    while (run.find(at)) {
      out.append(escapeOutsideCode(flat.substring(at, run.start())));
      int close = closingRun(flat, run.end(), run.group().length());
      if (close < 0) {
        out.append(run.group());
        at = run.end();
        continue;
      }
      out.append(flat, run.start(), close);
      at = close;
    }
    return out.append(escapeOutsideCode(flat.substring(at))).toString();
  }

  /** Lines of one table cell. */
  static String lines(List<String> lines) {
    return String.join(CELL_BREAK, lines);
  }

  /** The end (exclusive) of the backtick run of exactly {@code length} that closes a span, or -1. */
  private static int closingRun(String text, int from, int length) {
    Matcher run = BACKTICKS.matcher(text);
    int at = from;
    while (run.find(at)) {
      if (run.group().length() == length) {
        return run.end();
      }
      at = run.end();
    }
    return -1;
  }

  private static String escapeOutsideCode(String text) {
    return text.replace("<", "\\<");
  }

  /** A GitHub-flavoured Markdown table; cells are inline Markdown, escaped for the table on rendering. */
  static final class Table {

    private final List<String> headers;
    private final List<List<String>> rows = new ArrayList<>();

    Table(String... headers) {
      this.headers = List.of(headers);
    }

    Table row(String... cells) {
      if (cells.length != headers.size()) {
        throw new IllegalArgumentException(
            "a row of " + cells.length + " cells in a table of " + headers.size() + " columns");
      }
      rows.add(List.of(cells));
      return this;
    }

    String render() {
      StringBuilder out = new StringBuilder();
      line(out, headers);
      line(out, headers.stream().map(header -> "---").toList());
      rows.forEach(row -> line(out, row));
      return out.toString();
    }

    private static void line(StringBuilder out, List<String> cells) {
      out.append('|');
      for (String cell : cells) {
        out.append(' ').append(cell(cell)).append(" |");
      }
      out.append('\n');
    }

    /** One line, and every {@code |} escaped (GitHub reads {@code \|} as a pipe even inside code spans). */
    private static String cell(String content) {
      return content.replaceAll("[\\r\\n]+", " ").replace("|", "\\|").strip();
    }
  }
}
