package dev.jobsopenapi.reference;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
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
import java.util.LinkedHashMap;
import java.util.Map;
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
        if (failure instanceof WebApplicationException web) {
            int status = web.getResponse().getStatus();
            String message = web.getMessage() == null ? Response.Status.fromStatusCode(status).getReasonPhrase() : web.getMessage();
            return error(status, codeFor(status), message);
        }
        LOG.log(Level.SEVERE, "Unhandled failure on " + (uriInfo == null ? "?" : uriInfo.getPath()), failure);
        return error(500, "REFERENCE.INTERNAL_ERROR", "internal error");
    }

    /** The body of the called API: openYuanrong (paths under {@code api/}) a JSON string, ModelArts an object. */
    Response error(int status, String code, String message) {
        boolean openYuanrong = uriInfo != null && uriInfo.getPath().replaceFirst("^/", "").startsWith("api/");
        Object body;
        if (openYuanrong) {
            // A JSON string literal: a plain String entity would be written as bare text.
            body = '"' + new String(JsonStringEncoder.getInstance().quoteAsString(message)) + '"';
        } else {
            Map<String, String> object = new LinkedHashMap<>();
            object.put("error_code", code);
            object.put("error_msg", message);
            body = object;
        }
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(body).build();
    }

    private static String codeFor(int status) {
        return switch (status) {
            case 400 -> "REFERENCE.INVALID_PARAMETER";
            case 401 -> "REFERENCE.UNAUTHORIZED";
            case 403 -> "REFERENCE.FORBIDDEN";
            case 404 -> "REFERENCE.NOT_FOUND";
            case 405 -> "REFERENCE.METHOD_NOT_ALLOWED";
            default -> status >= 500 ? "REFERENCE.INTERNAL_ERROR" : "REFERENCE.REQUEST_FAILED";
        };
    }

    /** {@code project_id: size must be between 1 and 64; ...}, naming parameters as the URL does. */
    private static String describe(ConstraintViolationException exception) {
        TreeSet<String> messages = new TreeSet<>();
        for (ConstraintViolation<?> violation : exception.getConstraintViolations()) {
            messages.add(parameterName(violation) + ": " + violation.getMessage());
        }
        return String.join("; ", messages);
    }

    private static String parameterName(ConstraintViolation<?> violation) {
        String method = null;
        for (Path.Node node : violation.getPropertyPath()) {
            if (node.getKind() == ElementKind.METHOD) {
                method = node.getName();
            } else if (node.getKind() == ElementKind.PARAMETER && method != null) {
                int index = node.as(Path.ParameterNode.class).getParameterIndex();
                String name = jaxRsName(violation.getRootBeanClass(), method, index);
                return name != null ? name : node.getName();
            }
        }
        return violation.getPropertyPath().toString();
    }

    private static String jaxRsName(Class<?> resource, String methodName, int index) {
        for (Class<?> type : resource.getInterfaces()) {
            for (Method method : type.getMethods()) {
                if (method.getName().equals(methodName) && index < method.getParameterCount()) {
                    for (Annotation annotation : method.getParameterAnnotations()[index]) {
                        if (annotation instanceof PathParam path) {
                            return path.value();
                        }
                        if (annotation instanceof QueryParam query) {
                            return query.value();
                        }
                    }
                }
            }
        }
        return null;
    }
}
