package io.kirincontract.mock.rules.internal.o1;

import io.kirincontract.mock.rules.internal.Finding;
import io.kirincontract.mock.rules.internal.Rule;
import io.kirincontract.mock.rules.internal.RuleContext;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** {@code o1.prompt.references-resolve}: each {@code <<<image_N>>>} (and element, video) points at an entry. */
public final class PromptReferencesResolve implements Rule {

  private static final Pattern REFERENCE = Pattern.compile("<<<(image|element|video)_(\\d{1,9})>>>");
  private static final Map<String, String> LISTS =
      Map.of("image", "image_list", "element", "element_list", "video", "video_list");

  @Override
  public String id() {
    return "o1.prompt.references-resolve";
  }

  @Override
  public List<Finding> check(RuleContext context) {
    String prompt = context.request().text("prompt").orElse("");
    Set<String> seen = new LinkedHashSet<>();
    List<Finding> findings = new ArrayList<>();
    Matcher matcher = REFERENCE.matcher(prompt);
    while (matcher.find()) {
      String list = LISTS.get(matcher.group(1));
      int position = Integer.parseInt(matcher.group(2));
      int size = context.request().items(list).size();
      if ((position < 1 || position > size) && seen.add(matcher.group())) {
        findings.add(
            new Finding(
                "prompt",
                "prompt refers to " + matcher.group() + " but " + list + " holds " + size
                    + " entr" + (size == 1 ? "y" : "ies") + " (references count from 1)"));
      }
    }
    return findings;
  }
}
