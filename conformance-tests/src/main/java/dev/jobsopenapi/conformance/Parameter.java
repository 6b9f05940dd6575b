package dev.jobsopenapi.conformance;

/**
 * One parameter of an operation, its {@code $ref} resolved.
 *
 * @param name     its name
 * @param in       where it goes: {@code path}, {@code query}, {@code header} or {@code cookie}
 * @param required whether the operation needs it
 * @param pointer  JSON pointer of the parameter object in the spec
 */
public record Parameter(String name, String in, boolean required, String pointer) {
}
