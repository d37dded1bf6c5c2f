package io.kirincontract.mock.rules.internal.o1;

import io.kirincontract.mock.rules.internal.Finding;
import io.kirincontract.mock.rules.internal.Rule;
import io.kirincontract.mock.rules.internal.RuleContext;
import java.util.List;

/**
 * {@code o1.references.max-without-video} (images plus elements at most 7) and
 * {@code o1.references.max-with-video} (at most 4 with a reference video): one implementation per id.
 */
public final class ReferenceCount implements Rule {

  private final String id;
  private final boolean withVideo;
  private final int max;

  private ReferenceCount(String id, boolean withVideo, int max) {
    this.id = id;
    this.withVideo = withVideo;
    this.max = max;
  }

  public static ReferenceCount withoutVideo() {
    return new ReferenceCount("o1.references.max-without-video", false, 7);
  }

  public static ReferenceCount withVideo() {
    return new ReferenceCount("o1.references.max-with-video", true, 4);
  }

  @Override
  public String id() {
    return id;
  }

  @Override
  public List<Finding> check(RuleContext context) {
    boolean hasVideo = !O1Request.videos(context.request()).isEmpty();
    int images = O1Request.images(context.request()).size();
    int elements = O1Request.elements(context.request()).size();
    if (hasVideo != withVideo || images + elements <= max) {
      return List.of();
    }
    String param = images > 0 ? "image_list" : "element_list";
    return List.of(
        new Finding(
            param,
            "image_list and element_list hold " + (images + elements) + " references (" + images + " images, "
                + elements + " elements); " + (withVideo ? "with" : "without") + " a reference video at most "
                + max + " are allowed"));
  }
}
