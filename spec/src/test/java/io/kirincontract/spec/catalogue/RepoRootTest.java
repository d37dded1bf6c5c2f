package io.kirincontract.spec.catalogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RepoRootTest {

  @TempDir Path dir;

  @Test
  void isTheNearestDirectoryUpwardsThatHoldsTheSpec() throws IOException {
    Files.createDirectories(dir.resolve("spec"));
    Files.writeString(dir.resolve("spec/kirin-api.yaml"), "openapi: 3.0.3\n");
    Path module = Files.createDirectories(dir.resolve("spec/src"));

    assertThat(RulesCatalogue.repoRoot(module)).isEqualTo(dir.toAbsolutePath().normalize());
    assertThat(RulesCatalogue.repoRoot(dir)).isEqualTo(dir.toAbsolutePath().normalize());
  }

  @Test
  void failsWhenNoDirectoryUpwardsHoldsTheSpec() {
    assertThatThrownBy(() -> RulesCatalogue.repoRoot(dir)).hasMessageContaining("spec/kirin-api.yaml");
  }

  @Test
  void writesThePageCreatingItsDirectory() throws IOException {
    Path page = dir.resolve("docs/rules-catalogue.md");

    RulesCatalogue.write("# page\n", page);

    assertThat(page).hasContent("# page");
  }
}
