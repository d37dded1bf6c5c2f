package io.kirincontract.mock.journal.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.kirincontract.mock.media.SyntheticMedia;
import io.kirincontract.mock.support.MockApi;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** What the journal keeps of a body: the bytes as sent, media and long strings summarised, text cut at 1 KB. */
class BodySummaryTest {

  @Test
  void aBodyWithNothingToSummariseIsKeptAsTheBytesTheClientSent() throws Exception {
    byte[] sent = "{ \"model\" : \"kirin_v3_t2v\",\n  \"prompt\": \"A fox\" }".getBytes(StandardCharsets.UTF_8);

    BodySummary.Summary summary = BodySummary.of(sent, MockApi.JSON.readTree(sent), false);

    assertThat(summary.json()).isSameAs(sent);
    assertThat(summary.text()).isNull();
  }

  @Test
  void aRealJpegAndMp4AreNamedWithTheirSizeAndTheJpegWithItsDimensions() throws Exception {
    byte[] jpeg = SyntheticMedia.jpeg(640, 360);
    byte[] mp4 = SyntheticMedia.mp4(1280, 720, 24, 3);
    String body =
        "{\"image\": \"" + Base64.getEncoder().encodeToString(jpeg) + "\", \"video_list\": [{\"video\": \""
            + Base64.getMimeEncoder().encodeToString(mp4).replace("\r\n", "\\n") + "\"}]}";

    JsonNode kept = MockApi.JSON.readTree(BodySummary.of(body.getBytes(StandardCharsets.UTF_8), null, false).json());

    assertThat(kept.path("image").path("$media").asText())
        .isEqualTo(String.format(Locale.ROOT, "base64 jpeg 640x360, %,d bytes", jpeg.length));
    assertThat(kept.path("video_list").get(0).path("video").path("$media").asText())
        .isEqualTo(String.format(Locale.ROOT, "base64 mp4, %,d bytes", mp4.length));
  }

  @Test
  void twoLongStringsThatDifferOnlyAfterTheQuotedStartHaveDifferentDigests() {
    String a = "x".repeat(2000) + "a";
    String b = "x".repeat(2000) + "b";

    JsonNode first = BodySummary.summarise(MockApi.JSON.getNodeFactory().textNode(a));
    JsonNode second = BodySummary.summarise(MockApi.JSON.getNodeFactory().textNode(b));

    assertThat(first.path("$text").asText()).isEqualTo(second.path("$text").asText()).startsWith("2,001 characters: ");
    assertThat(first.path("sha256").asText()).isNotEqualTo(second.path("sha256").asText());
  }

  @Test
  void aBodyThatIsNotJsonKeepsItsFirstKilobyteAsText() {
    byte[] sent = ("prompt=" + "é".repeat(800)).getBytes(StandardCharsets.UTF_8);

    BodySummary.Summary summary = BodySummary.of(sent, null, true);

    assertThat(summary.json()).isNull();
    assertThat(summary.text()).startsWith("prompt=éé").doesNotContain("\uFFFD");
    assertThat(summary.text().getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(1024);
    assertThat(BodySummary.of(new byte[0], null, false)).isNull();
  }
}
