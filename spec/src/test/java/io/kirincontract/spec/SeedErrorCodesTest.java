package io.kirincontract.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.kirincontract.spec.KirinExtensions.CatalogEntry;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class SeedErrorCodesTest {

  private static final String V3_T2V = "kirin_v3_t2v";
  private static final String O1 = "kirin_video_o1";
  private static final String V3_I2V = "kirin_v3_i2v";
  private static final String V2_T2V = "kirin_v2_master_t2v";
  private static final String V21_I2V = "kirin_v2_1_master_i2v";

  /** What the catalog must say of a seed code: its models, its kind and, for request errors, its status. */
  record Expected(String code, Set<String> models, String kind, Integer status) {}

  /**
   * Every error code of the five seed documents, written from the documents' "Error Codes" tables. The kind
   * and status are the project's reading (DESIGN §1): a code naming a request problem is a request error
   * ({@code 400}; {@code 429} for "task resource insufficient"; {@code 401} for "JWT authentication
   * failed"); a code naming a failure after the task was accepted is a generation failure; V2.1's {@code 0}
   * ("No error") is kind {@code none}.
   */
  private static final List<Expected> SEED_CODES =
      List.of(
          request("006001094", 429, V3_T2V, V3_I2V),
          generation("006001095", V3_T2V, V3_I2V),
          generation("006001099", V3_T2V, V3_I2V),
          request("002015001", 400, O1),
          request("002015002", 400, O1),
          generation("002015095", O1),
          generation("002015096", O1),
          generation("002015097", O1),
          generation("002015098", O1),
          generation("002015099", O1),
          generation("002016095", V2_T2V),
          generation("002016096", V2_T2V),
          generation("002016097", V2_T2V),
          generation("002016098", V2_T2V),
          generation("002016099", V2_T2V),
          new Expected("0", Set.of(V21_I2V), "none", null),
          request("8002009001", 400, V21_I2V),
          request("8002009002", 400, V21_I2V),
          request("8002009003", 400, V21_I2V),
          request("8002009004", 400, V21_I2V),
          request("8002009005", 400, V21_I2V),
          request("8002009006", 401, V21_I2V),
          generation("8002009098", V21_I2V),
          generation("8002009099", V21_I2V));

  private final List<CatalogEntry> catalog = KirinExtensions.catalog(Spec.parsed().getOpenAPI());
  private final Map<String, CatalogEntry> byCode =
      catalog.stream().collect(Collectors.toMap(CatalogEntry::code, Function.identity(), (a, b) -> a));

  @Test
  void everyCatalogCodeIsListedOnce() {
    assertThat(catalog).extracting(CatalogEntry::code).doesNotHaveDuplicates();
  }

  @Test
  void everySeedCodeIsInTheCatalogWithItsModelsKindAndStatus() {
    assertThat(SEED_CODES)
        .allSatisfy(
            expected -> {
              CatalogEntry entry = byCode.get(expected.code());
              assertThat(entry).as("catalog entry %s", expected.code()).isNotNull();
              assertThat(entry.source()).as("%s source", expected.code()).isEqualTo("seed");
              assertThat(Set.copyOf(entry.models())).as("%s models", expected.code()).isEqualTo(expected.models());
              assertThat(entry.kind()).as("%s kind", expected.code()).isEqualTo(expected.kind());
              assertThat(entry.status()).as("%s status", expected.code()).isEqualTo(expected.status());
              assertThat(entry.message()).as("%s message", expected.code()).isNotBlank();
            });
  }

  @Test
  void theCatalogMarksNoOtherCodeAsASeedCode() {
    assertThat(catalog.stream().filter(e -> "seed".equals(e.source())).map(CatalogEntry::code))
        .containsExactlyInAnyOrderElementsOf(SEED_CODES.stream().map(Expected::code).toList());
  }

  @Test
  void projectCodesAreRequestErrorsWithAStatusAndNoModels() {
    assertThat(catalog)
        .filteredOn(entry -> !"seed".equals(entry.source()))
        .isNotEmpty()
        .allSatisfy(
            entry -> {
              assertThat(entry.source()).as("%s source", entry.code()).isEqualTo("project");
              assertThat(entry.models()).as("%s models", entry.code()).isNull();
              assertThat(entry.kind()).as("%s kind", entry.code()).isEqualTo("request");
              assertThat(entry.status()).as("%s status", entry.code()).isBetween(400, 599);
              assertThat(entry.code()).as("%s is a word, never a seed-like number", entry.code()).matches("[a-z_]+");
            });
  }

  @Test
  void seedRequestCodesHaveA4xxStatusAndGenerationCodesNone() {
    assertThat(catalog)
        .filteredOn(entry -> "seed".equals(entry.source()))
        .allSatisfy(
            entry -> {
              if (entry.kind().equals("request")) {
                assertThat(entry.status()).as("%s status", entry.code()).isBetween(400, 499);
              } else {
                assertThat(entry.status()).as("%s status", entry.code()).isNull();
              }
            });
  }

  @Test
  void theSeedTableReaderReadsBothScrapedTableStyles() {
    String markdown = "Error Codes\n| Error Code | Description |\n|---|---|\n| 006001094 | Task resource insufficient |\n| 0 | No error |";
    String runTogether = "Error Codes\n\nError CodeDescription\n006001094Task resource insufficient\n006001095Task response error";
    String noTable = "duration string\nOptions: 5, 10\nDefault: 5";

    assertThat(SeedDocuments.errorCodes(markdown)).containsExactly("006001094", "0");
    assertThat(SeedDocuments.errorCodes(runTogether)).containsExactly("006001094", "006001095");
    assertThat(SeedDocuments.errorCodes(noTable)).isEmpty();
  }

  @Test
  void everyCodeOfTheSeedDocumentsIsInTheCatalogForThatSeedsModel() {
    Path seeds = seedDirectory();
    Map<String, String> models = SeedDocuments.modelsByFile(seeds);

    assertThat(models.values()).containsExactlyInAnyOrderElementsOf(RequestSchemas.MODEL_IDS);
    models.forEach(
        (file, model) -> {
          List<String> codes = SeedDocuments.errorCodes(SeedDocuments.read(seeds.resolve(file)));
          assertThat(codes).as("codes read from %s", file).isNotEmpty();
          assertThat(codes)
              .allSatisfy(
                  code -> {
                    assertThat(byCode).as("catalog, for %s of %s", code, file).containsKey(code);
                    assertThat(byCode.get(code).models()).as("models of %s (%s)", code, file).contains(model);
                  });
        });
  }

  @Test
  void theExpectedTableHoldsExactlyTheCodesOfTheSeedDocuments() {
    Path seeds = seedDirectory();
    Map<String, Set<String>> fromSeeds = new TreeMap<>();
    SeedDocuments.modelsByFile(seeds)
        .forEach(
            (file, model) ->
                SeedDocuments.errorCodes(SeedDocuments.read(seeds.resolve(file)))
                    .forEach(code -> fromSeeds.computeIfAbsent(code, c -> new TreeSet<>()).add(model)));
    Map<String, Set<String>> expected = new TreeMap<>();
    SEED_CODES.forEach(e -> expected.put(e.code(), new TreeSet<>(e.models())));

    assertThat(fromSeeds).isEqualTo(expected);
  }

  private static Path seedDirectory() {
    Optional<Path> directory = SeedDocuments.directory();
    assumeTrue(
        directory.isPresent(),
        () ->
            "the seed documents are not at "
                + System.getProperty(SeedDocuments.DIR_PROPERTY)
                + "; the catalog is checked against the hard-coded table only (pass -D"
                + SeedDocuments.DIR_PROPERTY
                + "=<dir> to check the documents themselves)");
    return directory.get();
  }

  private static Expected request(String code, int status, String... models) {
    return new Expected(code, Set.of(models), "request", status);
  }

  private static Expected generation(String code, String... models) {
    return new Expected(code, Set.of(models), "generation", null);
  }
}
