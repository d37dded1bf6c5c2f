package io.kirincontract.client.profiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kirincontract.client.KirinRequests;
import io.kirincontract.client.requests.RequestBuilder;
import io.kirincontract.spec.KirinSpec;
import io.kirincontract.spec.RuleDef;
import io.swagger.v3.oas.models.media.Schema;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The profiles the build generated hold what {@link KirinSpec} reads from {@code kirin-api.yaml} for every model,
 * the same file the mock and the conformance suite read; and the request builders take their durations from them.
 */
class KirinModelsFollowTheSpecTest {

  private static final KirinSpec SPEC = KirinSpec.load();

  @Test
  void everyModelOfTheSpecHasAProfileInTheSpecsOrder() {
    assertThat(KirinModels.ids()).containsExactlyElementsOf(SPEC.modelIds());
    assertThat(KirinModels.all()).extracting(KirinModelProfile::modelId).containsExactlyElementsOf(SPEC.modelIds());
  }

  @TestFactory
  Stream<DynamicTest> eachModelsProfileStatesWhatTheSpecSays() {
    return SPEC.profiles().stream()
        .map(spec -> DynamicTest.dynamicTest(spec.modelId() + " is as the spec says", () -> {
          KirinModelProfile generated = KirinModels.profile(spec.modelId());

          assertThat(generated.modelId()).isEqualTo(spec.modelId());
          assertThat(generated.durations()).as("duration values").containsExactlyElementsOf(durations(spec.modelId()));
          assertThat(generated.defaults()).as("defaults").isEqualTo(spec.defaults());
          assertThat(generated.defaultDuration()).isEqualTo(spec.defaultOf("duration"));
          assertThat(generated.defaultMode()).isEqualTo(spec.defaultMode());
          assertThat(generated.output().fps()).isEqualTo(spec.output().fps());
          assertThat(List.copyOf(generated.output().resolutions().entrySet()))
              .as("resolution by mode, in the spec's order")
              .containsExactlyElementsOf(spec.output().resolutions().entrySet());
          assertThat(generated.output().aspectRatio()).isEqualTo(spec.output().aspectRatio());
          assertThat(generated.taskKinds()).as("task kinds, in the spec's order")
              .containsExactlyElementsOf(spec.taskKinds().stream()
                  .map(kind -> new KirinModelProfile.TaskKind(kind.name(), kind.durations(), kind.durationFromInput()))
                  .toList());
          assertThat(generated.prices().perMode()).as("prices").isEqualTo(spec.prices().perMode());
          assertThat(generated.prices().sound()).isEqualTo(spec.prices().sound());
          for (String mode : generated.modes()) {
            assertThat(generated.prices().perSecond(mode)).isEqualTo(spec.prices().perSecond(mode));
          }
          assertThat(generated.images()).containsExactlyElementsOf(spec.images());
          assertThat(generated.videos()).containsExactlyElementsOf(spec.videos());
          assertThat(generated.params()).isEqualTo(spec.params());
          assertThat(generated.limits()).as("the limits of its rules").isEqualTo(limits(spec.modelId()));
        }));
  }

  @Test
  void aTaskKindTakesItsOwnDurationsElseTheModelsAndNoneWhenItFollowsTheInputVideo() {
    for (KirinModelProfile profile : KirinModels.all()) {
      for (KirinModelProfile.TaskKind kind : profile.taskKinds()) {
        List<String> expected = kind.durationFromInput() ? List.of()
            : kind.durations().isEmpty() ? profile.durations() : kind.durations();
        assertThat(profile.durationsFor(kind.name())).as(profile.modelId() + " " + kind.name())
            .containsExactlyElementsOf(expected)
            .isSubsetOf(profile.durations());
      }
      assertThat(profile.durationsFor("no_such_kind")).isEmpty();
    }
  }

  @Test
  void eachBuilderAcceptsExactlyTheDurationsOfItsModelsProfile() {
    List<RequestBuilder<?>> builders = builders();
    assertThat(builders).extracting(RequestBuilder::model).containsExactlyInAnyOrderElementsOf(KirinModels.ids());

    for (RequestBuilder<?> builder : builders) {
      KirinModelProfile profile = KirinModels.profile(builder.model());
      assertThat(builder.profile()).isSameAs(profile);
      assertThat(builder.allowedDurations()).as(builder.model()).isEqualTo(profile.durations());
      profile.durations().forEach(builder::duration);
      assertThatThrownBy(() -> builder.duration("0"))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining(profile.durations().toString());
    }
  }

  @Test
  void anUnknownModelIsRefusedNamingTheModelsTheSpecHas() {
    assertThat(KirinModels.find("kirin_v9")).isEmpty();
    assertThatThrownBy(() -> KirinModels.profile("kirin_v9"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("kirin_v9")
        .hasMessageContaining(KirinModels.ids().toString());
  }

  @Test
  void aProfileCannotBeChanged() {
    KirinModelProfile profile = KirinModels.all().get(0);
    assertThatThrownBy(() -> profile.durations().clear()).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> profile.defaults().clear()).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> profile.output().resolutions().clear())
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> profile.limits().clear()).isInstanceOf(UnsupportedOperationException.class);
  }

  /** The values of the request's {@code duration}, as the spec lists them. */
  private static List<String> durations(String modelId) {
    return SPEC.fieldSchema(modelId, "duration")
        .map(Schema::getEnum)
        .map(values -> values.stream().map(String::valueOf).toList())
        .orElse(List.of());
  }

  /** The limits of the model's rules that have any, by rule id. */
  private static Map<String, Map<String, String>> limits(String modelId) {
    Map<String, Map<String, String>> limits = new LinkedHashMap<>();
    for (RuleDef rule : SPEC.rulesFor(modelId)) {
      if (!rule.limits().isEmpty()) {
        limits.put(rule.id(), rule.limits());
      }
    }
    return limits;
  }

  private static List<RequestBuilder<?>> builders() {
    List<RequestBuilder<?>> builders = new ArrayList<>();
    builders.add(KirinRequests.v3TextToVideo());
    builders.add(KirinRequests.videoO1());
    builders.add(KirinRequests.v3ImageToVideo());
    builders.add(KirinRequests.v2MasterTextToVideo());
    builders.add(KirinRequests.v21MasterImageToVideo());
    return builders;
  }
}
