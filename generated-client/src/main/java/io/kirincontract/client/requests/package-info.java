/**
 * One typed request builder per model, each setting {@code model} itself and producing the generated request
 * class wrapped in {@link io.kirincontract.client.model.VideoGenerationRequest}; and {@link
 * io.kirincontract.client.requests.RequestBodies}, which writes a request as exactly the JSON the user set.
 *
 * <p>Start from {@link io.kirincontract.client.KirinRequests}.
 */
package io.kirincontract.client.requests;
