package io.kirincontract.spec.catalogue;

import static io.kirincontract.spec.catalogue.Markdown.code;

import io.kirincontract.spec.ErrorCodeDef;
import io.kirincontract.spec.KirinSpec;
import io.kirincontract.spec.ModelDef;
import io.kirincontract.spec.ModelProfile;
import io.kirincontract.spec.RuleDef;
import io.swagger.v3.oas.models.media.Schema;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/** One model's section: what it is, its parameters, its cross-field rules and its error codes. */
final class ModelSection {

  private static final String NO_RULES = "None: every check of this model is a per-field check above.\n";

  private final KirinSpec spec;
  private final Fields fields;
  private final ParameterTable parameters;

  ModelSection(KirinSpec spec) {
    this.spec = spec;
    this.fields = new Fields(spec);
    this.parameters = new ParameterTable(spec);
  }

  /** The heading's text, which is also its anchor. */
  static String heading(ModelDef model) {
    return model.id();
  }

  /** {@code `text_to_video` (duration `5` or `10`), `video_edit` (the input video's duration)}. */
  private static String taskKinds(ModelProfile profile) {
    return profile.taskKinds().stream()
        .map(
            kind ->
                code(kind.name())
                    + (kind.durationFromInput()
                        ? " (the input video's duration)"
                        : kind.durations().isEmpty()
                            ? ""
                            : " (duration " + String.join(" or ", kind.durations().stream().map(Markdown::code).toList())
                                + ")"))
        .collect(java.util.stream.Collectors.joining(", "));
  }

  String render(ModelDef model) {
    Schema<?> request = spec.resolve(spec.requestSchema(model.id()));
    List<Field> modelFields = fields.of(model.id());
    List<RuleDef> rules = spec.rulesFor(model.id());
    List<ErrorCodeDef> codes = spec.errorCatalog().stream().filter(def -> def.models().contains(model.id())).toList();

    StringBuilder out = new StringBuilder();
    out.append("## ").append(heading(model)).append("\n\n");
    out.append("**").append(Markdown.text(title(request, model))).append("**: request schema ")
        .append(code(model.schemaName())).append(", rule prefix ").append(code(model.rulePrefix())).append(".\n\n");
    out.append("Output resolution: ").append(OutputResolution.of(spec.profile(model.id()))).append(".\n\n");
    out.append("Task kinds (`metadata.generation_type`): ").append(taskKinds(spec.profile(model.id()))).append(".\n\n");
    if (request.getDescription() != null) {
      out.append(Markdown.text(request.getDescription())).append("\n\n");
    }

    out.append("### ").append(model.id()).append(" parameters\n\n");
    out.append(parameters.render(model.id(), modelFields, rules)).append('\n');

    out.append("### ").append(model.id()).append(" cross-field rules\n\n");
    out.append(rules.isEmpty() ? NO_RULES : RuleTable.render(rules)).append('\n');

    out.append("### ").append(model.id()).append(" error codes\n\n");
    out.append(codes.isEmpty() ? "None of its own.\n" : ErrorCodeTable.render(codes)).append('\n');
    List<String> shared = sharedCodes(model, modelFields, rules, codes);
    if (!shared.isEmpty()) {
      out.append("Its parameters and rules also use the project codes ")
          .append(String.join(", ", shared.stream().map(Markdown::code).toList()))
          .append(" (see [Project codes](#project-codes)).\n\n");
    }
    return out.toString();
  }

  private static String title(Schema<?> request, ModelDef model) {
    return request.getTitle() != null ? request.getTitle() : model.id();
  }

  /** Codes the model's fields and rules name that are not the model's own, in order of first use. */
  private List<String> sharedCodes(
      ModelDef model, List<Field> modelFields, List<RuleDef> rules, List<ErrorCodeDef> own) {
    Set<String> used = new LinkedHashSet<>();
    for (Field field : modelFields) {
      field.keywords().forEach(keyword -> used.add(spec.fieldCode(model.id(), field.path(), keyword)));
    }
    rules.stream().map(RuleDef::code).filter(Objects::nonNull).forEach(used::add);
    own.forEach(def -> used.remove(def.code()));
    return List.copyOf(used);
  }
}
