package dev.jobsopenapi.otherlanguages;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Type;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Runs in a child JVM on the class path of one Java project that openapi-generator made from a spec (a client or a
 * server's models), and does what a user of it would: a client calls every operation of the plan on the mock
 * server; server models read each real answer and write it back. It uses only the JDK and reflection, so one
 * program serves every generator, and it judges nothing: it prints what it saw, one line each, for
 * {@code GeneratedJavaProjectsTest} to compare with the raw answers.
 *
 * <p>Arguments: {@code client|models}, the plan file, the generated project's packages
 * ({@code invoker api model}). Plan lines (tab-separated): operation id, HTTP method, the URL, the API class's
 * simple name, the path arguments (separated by {@code \u001f}), the request model's simple name or {@code -},
 * the request body (base64 of its JSON) or {@code -}; for {@code models}, the answer's model (or
 * {@code List<Name>}) and the answer (base64).
 *
 * <p>Output lines: {@code RAW op base64}, {@code TIMES op field=value|...}, {@code JSON op base64},
 * {@code ERROR op message}.
 */
public final class GeneratedJavaProbe {

    /** The time fields of both APIs, as the generated models name them ({@code create_at} is {@code createAt}). */
    static final List<String> TIME_FIELDS = List.of("createAt", "updateAt", "startTime", "endTime");

    private final String invokerPackage;
    private final String apiPackage;
    private final String modelPackage;

    private GeneratedJavaProbe(String invokerPackage, String apiPackage, String modelPackage) {
        this.invokerPackage = invokerPackage;
        this.apiPackage = apiPackage;
        this.modelPackage = modelPackage;
    }

    public static void main(String[] args) throws Exception {
        GeneratedJavaProbe probe = new GeneratedJavaProbe(args[2], args[3], args[4]);
        for (String line : Files.readAllLines(Path.of(args[1]), StandardCharsets.UTF_8)) {
            String[] field = line.split("\t", -1);
            try {
                if (args[0].equals("client")) {
                    probe.call(field);
                } else {
                    probe.roundTrip(field);
                }
            } catch (Throwable e) {
                Throwable cause = e instanceof java.lang.reflect.InvocationTargetException ? e.getCause() : e;
                System.out.println("ERROR\t" + field[0] + "\t" + (cause.getClass().getName() + ": " + cause.getMessage())
                        .replaceAll("\\s+", " "));
            }
        }
        System.out.flush();
    }

    /** Calls one operation through the generated client; for a GET, fetches the raw answer first. */
    private void call(String[] field) throws Exception {
        String operationId = field[0];
        if (field[1].equals("GET")) {
            HttpResponse<String> raw = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(field[2])).build(),
                    HttpResponse.BodyHandlers.ofString());
            System.out.println("RAW\t" + operationId + "\t" + encode(raw.body()));
        }
        Object client = apiClient(field[2].substring(0, field[2].indexOf('/', "http://".length())));
        Class<?> apiClass = Class.forName(apiPackage + "." + field[3]);
        Object api = apiClass.getConstructor(client.getClass()).newInstance(client);
        Method method = fewestParameters(apiClass, operationId);
        List<String> pathArguments = field[4].isEmpty() ? List.of() : List.of(field[4].split("\u001f"));
        Object[] arguments = new Object[method.getParameterCount()];
        int nextPath = 0;
        for (int i = 0; i < arguments.length; i++) {
            Class<?> type = method.getParameterTypes()[i];
            if (!field[5].equals("-") && type.getSimpleName().equals(field[5])) {
                arguments[i] = fromJson(decode(field[6]), type);
            } else if (type == String.class && nextPath < pathArguments.size()) {
                arguments[i] = pathArguments.get(nextPath++);
            }
        }
        Object answer = unwrap(method.invoke(api, arguments));
        Map<String, String> times = new TreeMap<>();
        collectTimes(answer, "", times);
        StringBuilder line = new StringBuilder("TIMES\t" + operationId + "\t" + (answer == null ? "null" : "answer"));
        times.forEach((where, value) -> line.append('|').append(where).append('=').append(value));
        System.out.println(line);
    }

    /** Reads one real answer into the generated model and writes it back. */
    private void roundTrip(String[] field) throws Exception {
        Class<?> mapperClass = Class.forName("com.fasterxml.jackson.databind.ObjectMapper");
        Object mapper = mapperClass.getMethod("findAndRegisterModules").invoke(mapperClass.getConstructor().newInstance());
        String model = field[1];
        Object typeFactory = mapperClass.getMethod("getTypeFactory").invoke(mapper);
        Object javaType;
        if (model.startsWith("List<")) {
            Class<?> element = Class.forName(modelPackage + "." + model.substring(5, model.length() - 1));
            javaType = typeFactory.getClass().getMethod("constructCollectionType", Class.class, Class.class)
                    .invoke(typeFactory, List.class, element);
        } else {
            javaType = typeFactory.getClass().getMethod("constructType", Type.class)
                    .invoke(typeFactory, Class.forName(modelPackage + "." + model));
        }
        Class<?> javaTypeClass = Class.forName("com.fasterxml.jackson.databind.JavaType");
        Object value = mapperClass.getMethod("readValue", String.class, javaTypeClass).invoke(mapper, decode(field[2]), javaType);
        String written = (String) mapperClass.getMethod("writeValueAsString", Object.class).invoke(mapper, value);
        System.out.println("JSON\t" + field[0] + "\t" + encode(written));
    }

    private Object apiClient(String baseUrl) throws Exception {
        Class<?> type = Class.forName(invokerPackage + ".ApiClient");
        Object client = type.getConstructor().newInstance();
        try { // the native library: setBasePath there sets the path alone
            type.getMethod("updateBaseUri", String.class).invoke(client, baseUrl);
        } catch (NoSuchMethodException e) {
            type.getMethod("setBasePath", String.class).invoke(client, baseUrl);
        }
        return client;
    }

    /**
     * The generator's own JSON reader: Gson's {@code JSON.deserialize} where the client has one (static in
     * openapi-generator's okhttp-gson, on an instance in swagger-codegen's), else Jackson.
     */
    private Object fromJson(String json, Class<?> type) throws Exception {
        try {
            Class<?> jsonClass = Class.forName(invokerPackage + ".JSON");
            Method gson = jsonClass.getMethod("deserialize", String.class, Type.class);
            return gson.invoke(Modifier.isStatic(gson.getModifiers()) ? null : jsonClass.getConstructor().newInstance(), json, type);
        } catch (ClassNotFoundException | NoSuchMethodException e) {
            // a Jackson client
        }
        Class<?> mapperClass = Class.forName("com.fasterxml.jackson.databind.ObjectMapper");
        Object mapper = mapperClass.getMethod("findAndRegisterModules").invoke(mapperClass.getConstructor().newInstance());
        return mapperClass.getMethod("readValue", String.class, Class.class).invoke(mapper, json, type);
    }

    /** A Reactor {@code Flux} becomes a list and a {@code Mono} its value (the webclient library). */
    private static Object unwrap(Object answer) throws Exception {
        if (answer == null) {
            return null;
        }
        Object value = answer;
        try {
            value = value.getClass().getMethod("collectList").invoke(value);
        } catch (NoSuchMethodException e) {
            // not a Flux
        }
        try {
            return value.getClass().getMethod("block").invoke(value);
        } catch (NoSuchMethodException e) {
            return value;
        }
    }

    private static Method fewestParameters(Class<?> type, String name) {
        Method best = null;
        for (Method method : type.getMethods()) {
            if (method.getName().equals(name) && (best == null || method.getParameterCount() < best.getParameterCount())) {
                best = method;
            }
        }
        if (best == null) {
            throw new IllegalStateException(type + " has no method " + name);
        }
        return best;
    }

    /** Every time a getter of a generated model returns, keyed by where it is ({@code data/0/createAt}). */
    private void collectTimes(Object value, String where, Map<String, String> into) throws Exception {
        if (value instanceof Collection<?> items) {
            int index = 0;
            for (Object item : items) {
                collectTimes(item, where + "/" + index++, into);
            }
            return;
        }
        if (value == null || !value.getClass().getName().startsWith(modelPackage + ".")) {
            return;
        }
        for (Method getter : value.getClass().getMethods()) {
            if (getter.getParameterCount() != 0 || !getter.getName().startsWith("get") || getter.getDeclaringClass() == Object.class) {
                continue;
            }
            Object field = getter.invoke(value);
            String name = Character.toLowerCase(getter.getName().charAt(3)) + getter.getName().substring(4);
            if (TIME_FIELDS.contains(name)) {
                if (field != null) {
                    into.put(where + "/" + name, field.getClass().getSimpleName() + ":" + field);
                }
            } else {
                collectTimes(field, where + "/" + name, into);
            }
        }
    }

    /** Base64 of the text's UTF-8: how plan and output lines carry JSON. */
    static String encode(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    /** The text {@link #encode} carried. */
    static String decode(String base64) {
        return new String(Base64.getDecoder().decode(base64), StandardCharsets.UTF_8);
    }
}
