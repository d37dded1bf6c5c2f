package io.kirincontract.spec.evolution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ArrayNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The release step in a repository of its own: the released copy, the changelog, and the gate before both. */
class ContractReleaseTest {

  @TempDir Path root;

  @Test
  void keepsTheSpecUnderItsVersionAndWritesTheChangelog() throws IOException {
    Path file = ContractRelease.release(root, SpecCopy.baseline());

    assertThat(file).isEqualTo(root.resolve("spec/released/kirin-api-1.0.0.yaml")).hasContent(SpecCopy.baseline());
    assertThat(Files.readString(root.resolve(Changelog.PAGE)))
        .contains("## Unreleased (`spec/kirin-api.yaml`, info.version 1.0.0)\n\nNo change since 1.0.0.")
        .contains("## 1.0.0\n\nThe first released contract");
  }

  @Test
  void releasingTheSameVersionAgainReplacesTheCopy() {
    ContractRelease.release(root, SpecCopy.baseline());
    String changed = withoutCode("002015095").yaml();

    ContractRelease.release(root, changed);

    assertThat(ReleasedContracts.in(root).versions()).extracting(SemanticVersion::toString).containsExactly("1.0.0");
    assertThat(root.resolve("spec/released/kirin-api-1.0.0.yaml")).hasContent(changed);
  }

  @Test
  void refusesABreakingChangeWithoutANewMajorVersion() {
    ContractRelease.release(root, SpecCopy.baseline());
    String breaking = withoutCode("002015095").version("1.1.0").yaml();

    assertThatThrownBy(() -> ContractRelease.release(root, breaking))
        .hasMessageContaining("need a new major version")
        .hasMessageContaining("x-kirin-error-catalog, 002015095: code removed");
    assertThat(root.resolve("spec/released/kirin-api-1.1.0.yaml")).doesNotExist();
  }

  @Test
  void theChangelogListsEachVersionsChangesWithWhatAClientMustDo() throws IOException {
    ContractRelease.release(root, SpecCopy.baseline());
    SpecCopy next = withoutCode("002015095").version("2.0.0");
    ((ArrayNode) next.schema("KirinV2MasterT2vRequest").with("properties").with("aspect_ratio").get("enum"))
        .add("21:9");

    ContractRelease.release(root, next.yaml());

    String page = Files.readString(root.resolve(Changelog.PAGE));
    assertThat(page)
        .contains("## Unreleased (`spec/kirin-api.yaml`, info.version 2.0.0)\n\nNo change since 2.0.0.")
        .contains("## 2.0.0\n\nChanges since 1.0.0:\n\n### Breaking\n\n- `x-kirin-error-catalog`, `002015095`: code removed")
        .contains("**Client:** stop expecting 002015095")
        .contains("### Compatible\n\n- `POST /v1/videos/generations request (kirin_v2_master_t2v)`, `aspect_ratio`: "
            + "enum value \"21:9\" added.\n  **Client:** nothing; \"21:9\" can now be sent.");
    assertThat(page.indexOf("## 2.0.0")).isLessThan(page.indexOf("## 1.0.0"));
  }

  private static SpecCopy withoutCode(String code) {
    SpecCopy spec = SpecCopy.ofBaseline();
    SpecCopy.removeIf(spec.array("x-kirin-error-catalog"), entry -> entry.path("code").asText().equals(code));
    return spec;
  }
}
