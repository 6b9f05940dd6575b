/**
 * The mock server of both job APIs as a JUnit 5 extension: {@link dev.jobsopenapi.mock.junit.MockServerTest} and
 * {@link dev.jobsopenapi.mock.junit.MockServerExtension}.
 */
package dev.jobsopenapi.mock.junit;
