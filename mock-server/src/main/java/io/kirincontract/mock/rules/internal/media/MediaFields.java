package io.kirincontract.mock.rules.internal.media;

import com.fasterxml.jackson.databind.JsonNode;
import io.kirincontract.mock.rules.internal.RequestView;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Where a model's media values are, as a function of the request. Empty values are left to other rules. */
@FunctionalInterface
interface MediaFields {

  List<MediaParam> values(RequestView request);

  /**
   * The media values at the given paths, as the spec writes them (a rule's {@code params}, a profile's {@code
   * images}): a top-level field ({@code image}) is one value; fields of a list ({@code image_list.image_url},
   * {@code image_list.image}) are alternatives for each entry, the first one given is its value
   * ({@code image_list[0].image_url}, else {@code image_list[0].image}).
   */
  static MediaFields of(List<String> paths) {
    Map<String, List<String>> groups = new LinkedHashMap<>();
    for (String path : paths) {
      int dot = path.indexOf('.');
      String head = dot < 0 ? path : path.substring(0, dot);
      List<String> alternatives = groups.computeIfAbsent(head, key -> new ArrayList<>());
      if (dot >= 0) {
        alternatives.add(path.substring(dot + 1));
      }
    }
    return request -> {
      List<MediaParam> values = new ArrayList<>();
      groups.forEach(
          (head, alternatives) -> {
            if (alternatives.isEmpty()) {
              request.text(head).filter(text -> !text.isEmpty()).ifPresent(text -> values.add(new MediaParam(head, text)));
            } else {
              entries(request, head, alternatives, values);
            }
          });
      return values;
    };
  }

  private static void entries(RequestView request, String list, List<String> alternatives, List<MediaParam> values) {
    List<JsonNode> items = request.items(list);
    for (int i = 0; i < items.size(); i++) {
      JsonNode item = items.get(i);
      String entry = list + "[" + i + "].";
      alternatives.stream()
          .map(field -> RequestView.text(item, field).map(value -> new MediaParam(entry + field, value)))
          .flatMap(Optional::stream)
          .findFirst()
          .ifPresent(values::add);
    }
  }
}
