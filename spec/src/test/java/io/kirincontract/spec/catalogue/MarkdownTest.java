package io.kirincontract.spec.catalogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class MarkdownTest {

  @Test
  void escapesEveryPipeOfACellEvenInsideCodeSpans() {
    String table = new Markdown.Table("a", "b").row("x | y", Markdown.code("^(5|10)$")).render();

    assertThat(table).isEqualTo("| a | b |\n| --- | --- |\n| x \\| y | `^(5\\|10)$` |\n");
    assertThat(CataloguePage.cells(table.lines().toList().get(2))).containsExactly("x \\| y", "`^(5\\|10)$`");
  }

  @Test
  void keepsEachRowOnOneLine() {
    String table = new Markdown.Table("a").row("two\nlines").render();

    assertThat(table).endsWith("| two lines |\n");
  }

  @Test
  void refusesARowWithTheWrongNumberOfCells() {
    assertThatThrownBy(() -> new Markdown.Table("a", "b").row("only one"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void fencesCodeSpansLongerThanTheBackticksTheyHold() {
    assertThat(Markdown.code("plain")).isEqualTo("`plain`");
    assertThat(Markdown.code("a`b")).isEqualTo("``a`b``");
    assertThat(Markdown.code("`x`")).isEqualTo("`` `x` ``");
    assertThat(Markdown.code(5)).isEqualTo("`5`");
    assertThat(Markdown.code(null)).isEmpty();
  }

  @Test
  void flattensSpecProseAndEscapesAngleBracketsOnlyOutsideCodeSpans() {
    assertThat(Markdown.text("Each <<<image_N>>>\n  and `<<<video_1>>>`.\n"))
        .isEqualTo("Each \\<\\<\\<image_N>>> and `<<<video_1>>>`.");
    assertThat(Markdown.text("an `unclosed <span")).isEqualTo("an `unclosed \\<span");
    assertThat(Markdown.text(null)).isEmpty();
  }

  @Test
  void joinsTheLinesOfACellWithLineBreaks() {
    assertThat(Markdown.lines(List.of("a", "b"))).isEqualTo("a<br>b");
  }
}
