package io.kirincontract.mock.media.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kirincontract.mock.media.SyntheticMedia;
import org.junit.jupiter.api.Test;

class H264LevelsTest {

  @Test
  void picksTheLowestLevelThatFitsFrameSizeAndMacroblockRate() {
    assertThat(H264Levels.levelIdc(640, 360, 30)).isEqualTo(30);
    assertThat(H264Levels.levelIdc(1280, 720, 30)).isEqualTo(31);
    assertThat(H264Levels.levelIdc(720, 1280, 60)).isEqualTo(32);
    assertThat(H264Levels.levelIdc(1920, 1080, 24)).isEqualTo(40);
    assertThat(H264Levels.levelIdc(1920, 1080, 60)).isEqualTo(42);
    assertThat(H264Levels.levelIdc(3840, 2160, 30)).isEqualTo(51);
    assertThat(H264Levels.levelIdc(3840, 2160, 60)).isEqualTo(52);
    assertThat(H264Levels.levelIdc(4096, 4096, 120)).isEqualTo(61);
  }

  @Test
  void aVeryThinFrameNeedsALevelWhoseSideLimitFitsIt() {
    // 4096x16: 256 macroblocks, few enough for level 3.0, but wider than sqrt(8 * MaxFS) below 4.0.
    assertThat(H264Levels.levelIdc(4096, 16, 30)).isEqualTo(40);
  }

  @Test
  void theGeneratedStreamCarriesThatLevel() {
    byte[] mp4 = SyntheticMedia.mp4(3840, 2160, 30, 1);
    int avcC = indexOf(mp4, "avcC");

    // avcC: configurationVersion, AVCProfileIndication, profile_compatibility, AVCLevelIndication
    assertThat(mp4[avcC + 4 + 1] & 0xff).as("profile").isEqualTo(66);
    assertThat(mp4[avcC + 4 + 3] & 0xff).as("level").isEqualTo(51);
  }

  @Test
  void framesBeyondEveryLevelAreRefused() {
    assertThatThrownBy(() -> H264Levels.levelIdc(8192, 8192, 30))
        .hasMessageContaining("beyond every H.264 level");
  }

  private static int indexOf(byte[] data, String fourCc) {
    byte[] needle = IsoFileBuilder.ascii(fourCc);
    outer:
    for (int i = 0; i + 4 <= data.length; i++) {
      for (int j = 0; j < 4; j++) {
        if (data[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    throw new AssertionError(fourCc + " not found");
  }
}
