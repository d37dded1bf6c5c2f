package io.kirincontract.spec;

/**
 * One model of the API: its id (the request's {@code model} value), the name of its request schema under
 * {@code components.schemas}, and the {@code x-kirin-rule-prefix} that starts its derived per-field rule ids.
 */
public record ModelDef(String id, String schemaName, String rulePrefix) {}
