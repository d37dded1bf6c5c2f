package io.kirincontract.spec.evolution;

import io.swagger.v3.oas.models.parameters.Parameter;
import java.util.List;
import org.openapitools.openapidiff.core.model.ChangedApiResponse;
import org.openapitools.openapidiff.core.model.ChangedContent;
import org.openapitools.openapidiff.core.model.ChangedOpenApi;
import org.openapitools.openapidiff.core.model.ChangedOperation;
import org.openapitools.openapidiff.core.model.ChangedParameters;
import org.openapitools.openapidiff.core.model.ChangedRequestBody;
import org.openapitools.openapidiff.core.model.Endpoint;

/** Names the changes openapi-diff found in the operations: endpoints, parameters, request bodies, responses. */
final class OperationChanges {

  private final List<ContractChange> out;
  private final SchemaChanges schemas;

  OperationChanges(List<ContractChange> out) {
    this.out = out;
    this.schemas = new SchemaChanges(out);
  }

  void walk(ChangedOpenApi diff) {
    for (Endpoint endpoint : diff.getNewEndpoints()) {
      out.add(ContractChange.compatible(endpoint(endpoint), "", "operation added", "nothing; it can now be called"));
    }
    for (Endpoint endpoint : diff.getMissingEndpoints()) {
      out.add(ContractChange.breaking(endpoint(endpoint), "", "operation removed", "stop calling it"));
    }
    for (ChangedOperation operation : diff.getChangedOperations()) {
      String where = operation.getHttpMethod() + " " + operation.getPathUrl();
      if (operation.getOperationId() != null && operation.getOperationId().isDifferent()) {
        out.add(ContractChange.breaking(where, "", "operationId changed",
            "regenerate the client: generated method names follow the operationId"));
      }
      if (operation.isDeprecated()) {
        out.add(ContractChange.compatible(where, "", "operation deprecated", "move off it before the next major version"));
      }
      parameters(where, operation.getParameters());
      requestBody(where + " request", operation.getRequestBody());
      responses(where, operation.getApiResponses());
      if (operation.getSecurityRequirements() != null && operation.getSecurityRequirements().isDifferent()) {
        out.add(new ContractChange(SchemaChanges.of(operation.getSecurityRequirements().isChanged()), where, "",
            "security requirements changed", "authenticate as the new requirements say"));
      }
    }
  }

  private void parameters(String where, ChangedParameters parameters) {
    if (parameters == null || parameters.isUnchanged()) {
      return;
    }
    for (Parameter added : parameters.getIncreased()) {
      boolean required = Boolean.TRUE.equals(added.getRequired());
      out.add(new ContractChange(required ? Compatibility.BREAKING : Compatibility.COMPATIBLE, where,
          parameter(added), (required ? "required" : "optional") + " parameter added",
          required ? "always send it" : "nothing; it can now be sent"));
    }
    for (Parameter missing : parameters.getMissing()) {
      out.add(ContractChange.breaking(where, parameter(missing), "parameter removed", "stop sending it"));
    }
    parameters.getChanged().forEach(changed -> {
      String field = changed.getIn() + " parameter " + changed.getName();
      if (changed.isChangeRequired()) {
        boolean nowRequired = Boolean.TRUE.equals(changed.getNewParameter().getRequired());
        out.add(new ContractChange(nowRequired ? Compatibility.BREAKING : Compatibility.COMPATIBLE, where, field,
            nowRequired ? "optional parameter made required" : "required parameter made optional",
            nowRequired ? "always send it" : "nothing"));
      }
      schemas.walk(where + " " + field, "", changed.getSchema());
    });
  }

  private void requestBody(String where, ChangedRequestBody body) {
    if (body == null || body.isUnchanged()) {
      return;
    }
    if (body.isChangeRequired()) {
      boolean nowRequired = Boolean.TRUE.equals(body.getNewRequestBody().getRequired());
      out.add(new ContractChange(nowRequired ? Compatibility.BREAKING : Compatibility.COMPATIBLE, where, "",
          nowRequired ? "body made required" : "body made optional", nowRequired ? "always send a body" : "nothing"));
    }
    content(where, body.getContent());
  }

  private void responses(String where, ChangedApiResponse responses) {
    if (responses == null || responses.isUnchanged()) {
      return;
    }
    Compatibility statuses = SchemaChanges.of(responses.isCoreChanged());
    responses.getIncreased().keySet().forEach(status -> out.add(ContractChange.compatible(where + " response " + status,
        "", "response status added", "handle status " + status)));
    responses.getMissing().keySet().forEach(status -> out.add(new ContractChange(statuses, where + " response " + status,
        "", "response status removed", "nothing, unless you relied on status " + status)));
    responses.getChanged().forEach((status, response) -> {
      String at = where + " response " + status;
      if (response.getHeaders() != null && response.getHeaders().isDifferent()) {
        out.add(new ContractChange(SchemaChanges.of(response.getHeaders().isChanged()), at, "", "headers changed",
            "read the headers the new version sends"));
      }
      content(at, response.getContent());
    });
  }

  private void content(String where, ChangedContent content) {
    if (content == null || content.isUnchanged()) {
      return;
    }
    Compatibility types = SchemaChanges.of(content.isCoreChanged());
    content.getIncreased().keySet().forEach(type ->
        out.add(ContractChange.compatible(where, "", "media type " + type + " added", "nothing")));
    content.getMissing().keySet().forEach(type ->
        out.add(new ContractChange(types, where, "", "media type " + type + " removed", "stop using " + type)));
    content.getChanged().forEach((type, media) -> schemas.walk(where, "", media.getSchema()));
  }

  private static String endpoint(Endpoint endpoint) {
    return endpoint.getMethod() + " " + endpoint.getPathUrl();
  }

  private static String parameter(Parameter parameter) {
    return parameter.getIn() + " parameter " + parameter.getName();
  }
}
