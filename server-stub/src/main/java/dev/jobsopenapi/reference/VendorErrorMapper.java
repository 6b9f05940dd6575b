package dev.jobsopenapi.reference;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.glassfish.jersey.server.ParamException;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.TreeSet;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Turns every failure into the error body of the API that was called, with no stack trace: ModelArts
 * answers {@code {"error_code": ..., "error_msg": ...}}, openYuanrong a JSON string. A Bean Validation
 * failure or an unreadable parameter is a 400 naming the parameter; a {@link WebApplicationException}
 * keeps its status; anything else is a 500 (logged on the server, not sent).
 *
 * <p>The error codes ({@code REFERENCE.*}) are this reference server's own, not vendor codes.
 */
@Provider
public final class VendorErrorMapper implements ExceptionMapper<Throwable> {

    private static final Logger LOG = Logger.getLogger(VendorErrorMapper.class.getName());

    @Context
    private UriInfo uriInfo;

    private final VendorErrors bodies;

    /** Answers in the error shape of the API the router says a request is meant for. */
    VendorErrorMapper(VendorErrors bodies) {
        this.bodies = bodies;
    }

    /**
     * Bean Validation failures, mapped here rather than by Jersey's own {@code ValidationExceptionMapper}
     * (which answers an empty 400): JAX-RS picks the mapper of the closest exception type.
     */
    @Provider
    static final class ValidationFailures implements ExceptionMapper<ConstraintViolationException> {

        private final VendorErrorMapper errors;

        ValidationFailures(VendorErrorMapper errors) {
            this.errors = errors;
        }

        @Override
        public Response toResponse(ConstraintViolationException exception) {
            return errors.toResponse(exception);
        }
    }

    @Override
    public Response toResponse(Throwable failure) {
        if (failure instanceof ConstraintViolationException violations) {
            return error(400, "REFERENCE.INVALID_PARAMETER", describe(violations));
        }
        if (failure instanceof ParamException param) {
            return error(400, "REFERENCE.INVALID_PARAMETER", "invalid value for " + param.getParameterType().getSimpleName()
                    .replace("Param", "").toLowerCase(java.util.Locale.ROOT) + " parameter '" + param.getParameterName() + "'"
                    + (param.getCause() != null && param.getCause().getMessage() != null ? ": " + param.getCause().getMessage() : ""));
        }
        if (failure instanceof jakarta.ws.rs.NotSupportedException) {
            return error(400, "REFERENCE.INVALID_PARAMETER", "unsupported content type: send the body as application/json");
        }
        BodyTooLarge tooLarge = causeOf(failure, BodyTooLarge.class);
        if (tooLarge != null) {
            return BodyTooLarge.answer(tooLarge.drained, error(413, "REFERENCE.REQUEST_TOO_LARGE", tooLarge.getMessage()));
        }
        JsonProcessingException unreadable = unreadableBody(failure);
        if (unreadable != null) {
            return error(400, "REFERENCE.INVALID_PARAMETER", "invalid request body: " + describe(unreadable));
        }
        if (!(failure instanceof WebApplicationException) && causeOf(failure, java.io.IOException.class) != null) {
            // The body could not be read: it ended before its Content-Length, its chunks were malformed, or the
            // exchange's deadline closed the connection. The client's framing, not a fault of this server.
            return error(400, "REFERENCE.INVALID_PARAMETER", "the request body could not be read: it ended early or its"
                    + " framing (Content-Length, chunks) is broken");
        }
        if (failure instanceof WebApplicationException web) {
            int status = web.getResponse().getStatus();
            String message = web.getMessage() == null ? Response.Status.fromStatusCode(status).getReasonPhrase() : web.getMessage();
            return error(status, codeFor(status), message);
        }
        LOG.log(Level.SEVERE, "Unhandled failure on " + (uriInfo == null ? "?" : uriInfo.getPath()), failure);
        return error(500, "REFERENCE.INTERNAL_ERROR", "internal error");
    }

    /** The body of the called API, as the router attributes the request ({@link VendorErrors}). */
    Response error(int status, String code, String message) {
        String rawPath = uriInfo == null ? null : uriInfo.getRequestUri().getRawPath();
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(bodies.body(rawPath, code, message)).build();
    }

    private static <T extends Throwable> T causeOf(Throwable failure, Class<T> type) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }

    /** The JSON error behind a request body Jackson could not read, if that is what failed. */
    private static JsonProcessingException unreadableBody(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof JsonProcessingException json) {
                return json;
            }
        }
        return null;
    }

    /**
     * What is wrong with an unreadable body, in the API's words: the JSON path of the field (as the spec names it)
     * and what the field must be ({@code items: is required}, {@code server_ids: must be an array}), or that the
     * body is not JSON. Never Jackson's own wording, which names Java classes.
     */
    static String describe(JsonProcessingException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof EntryLimit.TooManyEntries tooMany) {
                return tooMany.getOriginalMessage();
            }
        }
        if (e.getOriginalMessage().startsWith("Trailing token")) {
            return "the body is not valid JSON: Trailing token after the first value (a body holds one JSON value)";
        }
        if (e instanceof com.fasterxml.jackson.databind.exc.MismatchedInputException mismatch && mismatch.getPath().isEmpty()
                && mismatch.getTargetType() != null) {
            return "the body must be " + jsonType(mismatch.getTargetType());
        }
        if (e instanceof com.fasterxml.jackson.core.exc.StreamConstraintsException) {
            return "the body is beyond what this server reads (it nests deeper than 1000 levels, or a number or string"
                    + " in it is too long)";
        }
        if (!(e instanceof JsonMappingException mapping) || mapping.getPath().isEmpty()) {
            return "the body is not valid JSON: " + withoutJavaNames(e.getOriginalMessage().replaceAll("(?s)\\s*\\R.*", ""));
        }
        String path = mapping.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(java.util.stream.Collectors.joining(".")).replace(".[", "[");
        String original = e.getOriginalMessage();
        if (e instanceof com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException unknown) {
            return path + ": is not a field of this body (its fields: " + unknown.getKnownPropertyIds().stream()
                    .map(String::valueOf).sorted().collect(java.util.stream.Collectors.joining(", ")) + ")";
        }
        if (original.startsWith("Missing required creator property")) {
            return path + ": is required";
        }
        if (e instanceof com.fasterxml.jackson.databind.exc.MismatchedInputException mismatch && mismatch.getTargetType() != null) {
            return path + ": must be " + jsonType(mismatch.getTargetType());
        }
        return path + ": " + withoutJavaNames(original.replaceAll("(?s)\\s*\\R.*", ""));
    }

    /** The JSON type a Java target type is read from, as a person would say it. */
    private static String jsonType(Class<?> type) {
        if (type == String.class || type.isEnum()) {
            return "a string";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "a boolean";
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class
                || type == java.math.BigInteger.class || type == Short.class || type == short.class) {
            return "an integer";
        }
        if (Number.class.isAssignableFrom(type) || type == double.class || type == float.class) {
            return "a number";
        }
        if (java.util.Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "an array";
        }
        if (type == dev.jobsopenapi.types.Timestamp.class) {
            return "a time (a number, or a string of digits)";
        }
        return "an object";
    }

    /** A message with Java type names ({@code `java.lang.String`}) taken out. */
    private static String withoutJavaNames(String message) {
        return message.replaceAll("`[A-Za-z_$][\\w$.]*(<[^`]*>)?`", "a value of another type")
                .replaceAll("\\s*\\((class|interface|enum) [A-Za-z_$][\\w$.]*\\)", "");
    }

    private static String codeFor(int status) {
        return VendorErrors.codeFor(status);
    }

    /** {@code project_id: size must be between 1 and 64; ...}, naming parameters as the URL does. */
    private static String describe(ConstraintViolationException exception) {
        TreeSet<String> messages = new TreeSet<>();
        for (ConstraintViolation<?> violation : exception.getConstraintViolations()) {
            messages.add(parameterName(violation) + ": " + violation.getMessage());
        }
        return String.join("; ", messages);
    }

    /**
     * The name of the invalid value as the request spells it: the parameter's JAX-RS name, or for a body
     * the JSON path of the property (for example {@code runtime_env.working_dir}).
     */
    private static String parameterName(ConstraintViolation<?> violation) {
        String method = null;
        Class<?> bean = null;
        StringBuilder name = new StringBuilder();
        for (Path.Node node : violation.getPropertyPath()) {
            if (node.getKind() == ElementKind.METHOD) {
                method = node.getName();
            } else if (node.getKind() == ElementKind.PARAMETER && method != null) {
                int index = node.as(Path.ParameterNode.class).getParameterIndex();
                Method target = interfaceMethod(violation.getRootBeanClass(), method, index);
                String jaxRs = target == null ? null : jaxRsName(target, index);
                if (jaxRs != null) {
                    return jaxRs;
                }
                bean = target == null ? null : target.getParameterTypes()[index];
            } else if (node.getKind() == ElementKind.PROPERTY) {
                Method getter = bean == null ? null : getter(bean, node.getName());
                JsonProperty json = getter == null ? null : getter.getAnnotation(JsonProperty.class);
                name.append(name.length() == 0 ? "" : ".").append(json != null ? json.value() : node.getName());
                bean = getter == null ? null : getter.getReturnType();
            }
        }
        return name.length() > 0 ? name.toString() : violation.getPropertyPath().toString();
    }

    private static Method getter(Class<?> bean, String property) {
        try {
            return bean.getMethod("get" + Character.toUpperCase(property.charAt(0)) + property.substring(1));
        } catch (NoSuchMethodException e) {
            return null;
        }
    }

    private static Method interfaceMethod(Class<?> resource, String methodName, int index) {
        for (Class<?> type : resource.getInterfaces()) {
            for (Method method : type.getMethods()) {
                if (method.getName().equals(methodName) && index < method.getParameterCount()) {
                    return method;
                }
            }
        }
        return null;
    }

    private static String jaxRsName(Method method, int index) {
        for (Annotation annotation : method.getParameterAnnotations()[index]) {
            if (annotation instanceof PathParam path) {
                return path.value();
            }
            if (annotation instanceof QueryParam query) {
                return query.value();
            }
            if (annotation instanceof HeaderParam header) {
                return header.value();
            }
        }
        return null;
    }
}
