package io.kirincontract.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import io.kirincontract.conformance.report.CaseResult;
import io.kirincontract.conformance.report.ConformanceMatrix;
import io.kirincontract.conformance.report.ReportWriter;
import io.kirincontract.spec.KirinSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The matrix (model x rule id) and its two renderings. */
class ConformanceReportTest {

  @Test
  @DisplayName("the matrix has a row per spec rule and tested derived id, a cell per model, and a summary line")
  void matrixAndReports(@TempDir Path dir) throws IOException {
    List<CaseResult> results = List.of(
        new CaseResult("v3.multi-shot.durations-sum [kirin_v3_t2v] break: x", "v3.multi-shot.durations-sum",
            "kirin_v3_t2v", CaseResult.Outcome.FAILED, "v3.multi-shot.durations-sum [kirin_v3_t2v]: status 200"),
        new CaseResult("v3.multi-shot.durations-sum [kirin_v3_t2v] pass: y", "v3.multi-shot.durations-sum",
            "kirin_v3_t2v", CaseResult.Outcome.PASSED, ""),
        new CaseResult("o1.prompt.max-length [kirin_video_o1] negative: z", "o1.prompt.max-length",
            "kirin_video_o1", CaseResult.Outcome.PASSED, ""),
        new CaseResult("o1.image.url-reachable [kirin_video_o1] break: w", "o1.image.url-reachable",
            "kirin_video_o1", CaseResult.Outcome.SKIPPED, "needs strict"),
        new CaseResult("an unknown model is 400", null, null, CaseResult.Outcome.PASSED, ""));
    ConformanceMatrix matrix = new ConformanceMatrix(KirinSpec.load(), results);

    assertThat(matrix.summary()).isEqualTo("conformance: 3 passed, 1 failed, 1 skipped");
    assertThat(matrix.failedRules()).containsExactly("v3.multi-shot.durations-sum");
    assertThat(matrix.rows()).containsKey("o1.prompt.max-length");
    assertThat(matrix.rows().get("v3.multi-shot.durations-sum")).containsOnlyKeys("kirin_v3_t2v", "kirin_v3_i2v");

    ReportWriter.write(matrix, "http://localhost:1", dir);
    String md = Files.readString(dir.resolve(ReportWriter.MARKDOWN));
    String html = Files.readString(dir.resolve(ReportWriter.HTML));
    assertThat(md).contains("| `v3.multi-shot.durations-sum` | fail 1/1/0 | - | no case |")
        .contains("**conformance: 3 passed, 1 failed, 1 skipped**");
    assertThat(html).startsWith("<!DOCTYPE html>").contains("<td class=\"fail\">fail 1/1/0</td>")
        .doesNotContain("<script").doesNotContain("<link");
  }
}
