package io.kirincontract.mock.media.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MediaValueTest {

  @Test
  void httpAndHttpsUrlsAreUrlsAndSurroundingSpacesAreIgnored() {
    assertThat(MediaValue.parse(" https://cdn.example.com/a.png?x=1 "))
        .isInstanceOfSatisfying(
            MediaValue.Url.class,
            url -> assertThat(url.uri().getHost()).isEqualTo("cdn.example.com"));
    assertThat(MediaValue.parse("http://127.0.0.1:8080/a")).isInstanceOf(MediaValue.Url.class);
  }

  @Test
  void everythingElseWithoutASchemeIsBase64Text() {
    assertThat(MediaValue.parse("iVBORw0KGgo="))
        .isEqualTo(new MediaValue.Base64Text("iVBORw0KGgo="));
    assertThat(MediaValue.parse("www.example.com/a.png")).isInstanceOf(MediaValue.Base64Text.class);
  }

  @Test
  void dataUrlsAreInvalidWhateverTheirCase() {
    assertThat(MediaValue.parse("DATA:image/jpeg;base64,/9j/4AAQ"))
        .isEqualTo(
            new MediaValue.Invalid(
                "remove the 'DATA:image/jpeg;base64,' prefix: the image must be plain base64 (only"
                    + " the part after the comma) or an http(s) URL"));
  }
}
