package io.kirincontract.spec.catalogue;

import static io.kirincontract.spec.catalogue.Markdown.code;

import io.kirincontract.spec.ErrorCodeDef;
import java.util.List;

/** Entries of the error catalog ({@code x-kirin-error-catalog}), in the spec's order. */
final class ErrorCodeTable {

  private ErrorCodeTable() {}

  static String render(List<ErrorCodeDef> codes) {
    Markdown.Table table = new Markdown.Table("code", "kind", "status", "message", "meaning");
    for (ErrorCodeDef def : codes) {
      table.row(
          code(def.code()),
          def.kind(),
          def.status() == null ? "" : def.status().toString(),
          Markdown.text(def.message()),
          Markdown.text(def.meaning()));
    }
    return table.render();
  }
}
