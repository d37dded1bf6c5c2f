package io.kirincontract.mock.rules.media;

/**
 * One media value of a request.
 *
 * @param param its JSON path ({@code image_list[1].image_url})
 * @param value the base64 data or URL as given
 */
public record MediaValue(String param, String value) {}
