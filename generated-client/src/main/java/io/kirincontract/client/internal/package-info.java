/**
 * How {@link io.kirincontract.client.KirinClient} works inside: the transport over the generated API, the
 * retry loop and its rules, the polling loop. Not an API: these classes may change in any release.
 */
package io.kirincontract.client.internal;
