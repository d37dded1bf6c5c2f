/**
 * The client's errors: unchecked exceptions under {@link io.kirincontract.client.errors.KirinException}, the
 * error envelope {@link io.kirincontract.client.errors.KirinError}, the catalog of error codes {@link
 * io.kirincontract.client.errors.KirinErrorCode}, and the one table from HTTP status to exception class,
 * {@link io.kirincontract.client.errors.ErrorMapping}.
 */
package io.kirincontract.client.errors;
