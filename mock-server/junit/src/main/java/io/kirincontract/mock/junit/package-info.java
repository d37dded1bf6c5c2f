/**
 * JUnit 5 support: {@link io.kirincontract.mock.junit.KirinMockTest @KirinMockTest} on a test class (or a {@link
 * io.kirincontract.mock.junit.KirinMockExtension} registered with {@code @RegisterExtension}) starts the mock
 * in-process on a free port once per class, resets it before each test, and injects the server, its admin API, a
 * {@link io.kirincontract.mock.junit.KirinMockInfo} and a configured {@link io.kirincontract.client.KirinClient}.
 *
 * <p>The artifact {@code io.kirincontract:kirin-mock-junit} (a test dependency) brings the mock server and the client
 * with it; the runnable mock jar carries neither this package nor JUnit. The Jupiter API is a {@code provided}
 * dependency: the test classpath that uses this package brings its own JUnit.
 */
package io.kirincontract.mock.junit;
