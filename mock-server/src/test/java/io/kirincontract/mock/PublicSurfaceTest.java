package io.kirincontract.mock;

import static org.assertj.core.api.Assertions.assertThat;

import io.kirincontract.mock.support.PublicSurface;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * What users may rely on is what docs/mock-server.md lists under "What is API": every public type outside the
 * {@code internal} packages, and nothing else.
 */
class PublicSurfaceTest {

  @Test
  void everyPublicTypeOutsideInternalPackagesIsListedAsApiAndEveryListedTypeIsPublic() {
    Set<String> listed = PublicSurface.ofDocs("io.kirincontract.mock", Set.of("io.kirincontract.mock.junit"));
    assertThat(listed).as("types listed in docs/mock-server.md").hasSizeGreaterThan(30);
    assertThat(PublicSurface.ofClasses(KirinMockServer.class))
        .as("public types outside internal packages (list a new API type in docs/mock-server.md, or move it to"
            + " the package's internal subpackage)")
        .containsExactlyInAnyOrderElementsOf(listed);
  }
}
