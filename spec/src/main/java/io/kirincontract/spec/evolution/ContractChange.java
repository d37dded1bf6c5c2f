package io.kirincontract.spec.evolution;

/**
 * One change between two versions of the contract.
 *
 * @param compatibility whether clients of the old version keep working
 * @param where the operation (method, path, request or response and its status, model) or the extension
 *     ({@code x-kirin-rules}, {@code x-kirin-error-catalog}) the change is in
 * @param field the field (dotted JSON path, {@code []} for array items), rule id or error code concerned; empty
 *     when the change is to the operation itself
 * @param what what changed, for people
 * @param action what a client must do about it
 */
public record ContractChange(Compatibility compatibility, String where, String field, String what, String action) {

  public boolean isBreaking() {
    return compatibility == Compatibility.BREAKING;
  }

  /** {@code where, field: what}, as the gate names a change. */
  public String describe() {
    return where + (field.isEmpty() ? "" : ", " + field) + ": " + what;
  }

  static ContractChange breaking(String where, String field, String what, String action) {
    return new ContractChange(Compatibility.BREAKING, where, field, what, action);
  }

  static ContractChange compatible(String where, String field, String what, String action) {
    return new ContractChange(Compatibility.COMPATIBLE, where, field, what, action);
  }
}
