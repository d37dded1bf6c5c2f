package io.kirincontract.mock.tasks;

/**
 * Something the server noticed about a request but did not reject, kept in {@code metadata.warnings}.
 *
 * @param rule the rule id that produced it, or {@code null} (for example an unknown property)
 * @param param the field concerned
 * @param message what was noticed
 */
public record TaskWarning(String rule, String param, String message) {}
