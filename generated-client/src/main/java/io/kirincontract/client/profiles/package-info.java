/**
 * The per-model facts of the spec, for client code: {@link io.kirincontract.client.profiles.KirinModels} (made by
 * the build from {@code kirin-api.yaml}, one {@link io.kirincontract.client.profiles.KirinModelProfile} per model)
 * tells the durations a model accepts and its default, its modes with their output resolution and fps, its task
 * kinds, prices, media fields and media limits. The request builders read their durations from it.
 */
package io.kirincontract.client.profiles;
