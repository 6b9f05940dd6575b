package dev.jobsopenapi.mock.junit;

import org.junit.jupiter.api.extension.ExtendWith;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Runs each test of the class with a fresh, open mock server of both APIs on a free loopback port; test methods take
 * its base {@link java.net.URI} (or its {@link dev.jobsopenapi.reference.Faults}) as a parameter. For credentials,
 * use a {@code @RegisterExtension} field of {@link MockServerExtension} instead.
 */
@Target({ElementType.TYPE, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@ExtendWith(MockServerExtension.class)
public @interface MockServerTest {
}
