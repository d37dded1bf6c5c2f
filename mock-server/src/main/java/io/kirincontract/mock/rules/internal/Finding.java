package io.kirincontract.mock.rules.internal;

/**
 * One thing a rule found.
 *
 * @param param the field concerned (dotted JSON path); for {@code ignore} rules, the ignored parameter
 * @param message what is wrong and what is allowed (for {@code ignore} rules, why it is ignored)
 */
public record Finding(String param, String message) {}
