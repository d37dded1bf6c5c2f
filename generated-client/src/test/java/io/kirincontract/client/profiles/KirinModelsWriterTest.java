package io.kirincontract.client.profiles;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.kirincontract.spec.KirinSpec;
import io.kirincontract.spec.codegen.KirinModelsWriter;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The build's writer run on a changed copy of the spec: the class it writes, compiled and loaded, holds the changed
 * facts. A per-model fact is changed in the spec alone, and the client follows at its next build.
 */
class KirinModelsWriterTest {

  private static final KirinSpec SPEC = KirinSpec.load();

  @Test
  void aChangedDurationSetDefaultAndResolutionInTheSpecAreWhatTheGeneratedProfileHolds(@TempDir Path dir)
      throws Exception {
    String modelId = SPEC.modelIds().stream()
        .filter(id -> SPEC.profile(id).has("duration")).reduce((first, second) -> second).orElseThrow();
    List<String> durations = new ArrayList<>(KirinModels.profile(modelId).durations());
    durations.add("60");
    String mode = KirinModels.profile(modelId).modes().get(0);

    ObjectNode spec = (ObjectNode) new YAMLMapper().readTree(SPEC.yaml());
    ObjectNode request =
        (ObjectNode) spec.at("/components/schemas/" + SPEC.model(modelId).orElseThrow().schemaName());
    ObjectNode duration = (ObjectNode) request.at("/properties/duration");
    ArrayNode values = duration.putArray("enum");
    durations.forEach(values::add);
    duration.put("default", "60");
    ((ObjectNode) request.at("/x-kirin-profile/output/resolution")).put(mode, "4320p");

    Path source =
        KirinModelsWriter.write(KirinSpec.parse(new YAMLMapper().writeValueAsString(spec)), dir.resolve("src"));
    KirinModelProfile changed = compileAndLoad(source, dir.resolve("classes")).get(modelId);

    assertThat(changed.durations()).containsExactlyElementsOf(durations);
    assertThat(changed.defaultDuration()).contains("60");
    assertThat(changed.output().resolution(mode)).contains("4320p");
    assertThat(KirinModels.profile(modelId).durations()).as("the profile this build made").doesNotContain("60");
  }

  @Test
  void theSpecAsShippedGivesTheSourceThisBuildCompiled(@TempDir Path dir) throws Exception {
    Path source = KirinModelsWriter.write(SPEC, dir.resolve("src"));
    Map<String, KirinModelProfile> again = compileAndLoad(source, dir.resolve("classes"));

    assertThat(List.copyOf(again.values())).containsExactlyElementsOf(KirinModels.all());
  }

  /** Compiles the written KirinModels against this build's classes and loads it apart: its profiles by model id. */
  @SuppressWarnings("unchecked")
  private static Map<String, KirinModelProfile> compileAndLoad(Path source, Path classes) throws Exception {
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    String classPath =
        Path.of(KirinModelProfile.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
    classes.toFile().mkdirs();
    int status = javac.run(null, null, null,
        "--release", "17", "-classpath", classPath, "-d", classes.toString(), source.toString());
    assertThat(status).as("javac of " + source).isZero();

    String name = KirinModelsWriter.PACKAGE + "." + KirinModelsWriter.CLASS;
    try (ApartLoader loader = new ApartLoader(name, classes.toUri().toURL())) {
      Class<?> models = loader.loadClass(name);
      assertThat(models).isNotSameAs(KirinModels.class);
      Map<String, KirinModelProfile> byId = new LinkedHashMap<>();
      for (KirinModelProfile profile : (List<KirinModelProfile>) models.getMethod("all").invoke(null)) {
        byId.put(profile.modelId(), profile);
      }
      return byId;
    }
  }

  /** Loads one class from its own folder, every other from the test's class path (so the profile types are shared). */
  private static final class ApartLoader extends URLClassLoader {

    private final String apart;

    ApartLoader(String apart, URL folder) {
      super(new URL[] {folder}, KirinModelsWriterTest.class.getClassLoader());
      this.apart = apart;
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
      if (!name.equals(apart)) {
        return super.loadClass(name, resolve);
      }
      synchronized (getClassLoadingLock(name)) {
        Class<?> loaded = findLoadedClass(name);
        return loaded != null ? loaded : findClass(name);
      }
    }
  }
}
