package io.kirincontract.spec.evolution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class SemanticVersionTest {

  @Test
  void readsMajorMinorPatchAndPreRelease() {
    assertThat(SemanticVersion.parse("2.10.3-rc.1")).isEqualTo(new SemanticVersion(2, 10, 3, "rc.1"));
    assertThat(SemanticVersion.parse("1.0.0")).hasToString("1.0.0");
  }

  @Test
  void ordersByPrecedenceWithAPreReleaseBeforeItsRelease() {
    List<String> sorted = Stream.of("1.10.0", "2.0.0", "1.2.0", "2.0.0-rc.2", "2.0.0-rc.10", "1.2.1")
        .map(SemanticVersion::parse).sorted().map(SemanticVersion::toString).toList();

    assertThat(sorted).containsExactly("1.2.0", "1.2.1", "1.10.0", "2.0.0-rc.2", "2.0.0-rc.10", "2.0.0");
  }

  @Test
  void refusesWhatIsNotASemanticVersion() {
    for (String text : new String[] {"1.0", "v1.0.0", "01.0.0", "1.0.0.0", ""}) {
      assertThatThrownBy(() -> SemanticVersion.parse(text)).as(text).hasMessageContaining("not a semantic version");
    }
  }
}
