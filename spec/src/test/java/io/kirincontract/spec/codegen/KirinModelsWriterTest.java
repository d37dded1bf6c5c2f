package io.kirincontract.spec.codegen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kirincontract.spec.KirinSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The writer of the client's {@code KirinModels}; the client's tests compile what it writes and compare it with
 * the spec ({@code KirinModelsFollowTheSpecTest}, {@code KirinModelsWriterTest} in generated-client).
 */
class KirinModelsWriterTest {

  private static final KirinSpec SPEC = KirinSpec.load();

  @Test
  void writesOneConstantPerModelInThePackageFolderOfTheClient(@TempDir Path root) throws Exception {
    KirinModelsWriter.main(new String[] {"kirin-api.yaml", root.toString()});
    Path file = root.resolve("io/kirincontract/client/profiles/KirinModels.java");

    String source = Files.readString(file);
    assertThat(source)
        .startsWith("package io.kirincontract.client.profiles;")
        .isEqualTo(KirinModelsWriter.source(SPEC));
    for (String modelId : SPEC.modelIds()) {
      assertThat(source)
          .contains("public static final KirinModelProfile " + KirinModelsWriter.constant(modelId) + " =")
          .contains("\"" + modelId + "\"");
    }
  }

  @Test
  void aModelIdBecomesAJavaConstant() {
    assertThat(KirinModelsWriter.constant("kirin_v2_1_master_i2v")).isEqualTo("KIRIN_V2_1_MASTER_I2V");
    assertThat(KirinModelsWriter.constant("kirin-v4.pro")).isEqualTo("KIRIN_V4_PRO");
    assertThatThrownBy(() -> KirinModelsWriter.constant("4k")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aValueFromTheSpecIsWrittenAsAJavaStringLiteral() {
    assertThat(KirinModelsWriter.literal("16:9")).isEqualTo("\"16:9\"");
    assertThat(KirinModelsWriter.literal("a \"b\" \\ c\n")).isEqualTo("\"a \\\"b\\\" \\\\ c\\n\"");
    assertThat(KirinModelsWriter.literal("é")).isEqualTo("\"\\u00e9\"");
  }
}
