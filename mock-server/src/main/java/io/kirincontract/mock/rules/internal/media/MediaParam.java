package io.kirincontract.mock.rules.internal.media;

/**
 * One media parameter of a request and its value.
 *
 * @param param its JSON path ({@code image_list[1].image_url})
 * @param value the base64 data or URL as given
 */
public record MediaParam(String param, String value) {}
