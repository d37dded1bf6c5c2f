package io.kirincontract.mock.junit;

import static org.assertj.core.api.Assertions.assertThat;

import io.kirincontract.mock.support.PublicSurface;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The extension's public types are what docs/mock-server.md lists for {@code io.kirincontract.mock.junit}. */
class PublicSurfaceTest {

  @Test
  void thePublicTypesAreTheOnesTheDocsList() {
    Set<String> listed = PublicSurface.ofDocs("io.kirincontract.mock.junit", Set.of());
    assertThat(listed).as("types listed in docs/mock-server.md").isNotEmpty();
    assertThat(PublicSurface.ofClasses(KirinMockExtension.class)).containsExactlyInAnyOrderElementsOf(listed);
  }
}
