package dev.jobsopenapi.conformance;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ArbitrarySupplier;
import net.jqwik.api.Combinators;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Every job the openYuanrong frontend can write, as its source builds it: {@code AppInfo} and
 * {@code DriverInfo} of {@code pkg/common/faas_common/constant/app.go} (every field tagged, none
 * {@code omitempty}), filled by {@code StoreAppInfo} of {@code pkg/frontend/instancemanager/appinfo.go}, and
 * written again by the handlers of {@code pkg/common/job/handler.go}, which turn what the backend left out
 * into Go's zero values (repository {@code openeuler-mirror/yuanrong-frontend}).
 *
 * <p>A {@link Shape} fixes each choice the code makes (state, whether the key is written, metadata and runtime
 * environment present, empty or {@code null}, driver placed or not, start time known or not); {@link #shapes()}
 * lists every combination, and {@link #job(Shape, Values)} builds the JSON with given field contents.
 */
public final class FrontendJobs {

    /** The states {@code switch2AppStatus} maps to; the empty string is its answer for an unknown state. */
    public static final List<String> STATES = List.of("PENDING", "RUNNING", "SUCCEEDED", "FAILED", "STOPPED", "");

    /** How a map field comes out: {@code null} (nil map), empty, or with entries. */
    public enum MapKind { NULL, EMPTY, FILLED }

    /** One combination of the choices the frontend's code makes for a job. */
    public record Shape(String state, boolean keyWritten, MapKind metadata, MapKind runtimeEnv, boolean driverPlaced,
                        boolean startKnown) {

        /** {@code end_time} is set only for finished jobs ({@code StoreAppInfo}). */
        public boolean finished() {
            return state.equals("SUCCEEDED") || state.equals("FAILED") || state.equals("STOPPED");
        }

        /** {@code error_type} is set only for failed and stopped jobs ({@code StoreAppInfo}). */
        public boolean hasErrorType() {
            return state.equals("FAILED") || state.equals("STOPPED");
        }

        @Override
        public String toString() {
            return "state=" + (state.isEmpty() ? "\"\"" : state) + (keyWritten ? " key" : " no-key") + " metadata=" + metadata
                    + " runtime_env=" + runtimeEnv + (driverPlaced ? " placed" : " unplaced") + (startKnown ? " started" : " no-start");
        }
    }

    /** The contents of the string and number fields; any strings, the times digit strings. */
    public record Values(String id, String entrypoint, String key, String nodeIp, String pid, String nodeId,
                         String startTime, String endTime, String errorType, int exitCode,
                         Map<String, String> metadata, String pip, String workingDir, String envVars) {
    }

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private FrontendJobs() {
    }

    /** Every combination of the choices, 6 states × 2 × 3 × 3 × 2 × 2 = 432 shapes. */
    public static List<Shape> shapes() {
        List<Shape> shapes = new ArrayList<>();
        for (String state : STATES) {
            for (boolean key : List.of(true, false)) {
                for (MapKind metadata : MapKind.values()) {
                    for (MapKind runtimeEnv : MapKind.values()) {
                        for (boolean placed : List.of(true, false)) {
                            for (boolean started : List.of(true, false)) {
                                shapes.add(new Shape(state, key, metadata, runtimeEnv, placed, started));
                            }
                        }
                    }
                }
            }
        }
        return shapes;
    }

    /** Plain, fixed contents, for the exhaustive checks over every shape. */
    public static Values plainValues() {
        return new Values("app-2f0c6b1e-93a4-4d57-8e21-6c0d9b7a4f13", "python train.py",
                "/sn/instance/business/yrk/tenant/default/function/0-system-faasExecutorPosixCustom/version/$latest/defaultaz/r1/app-2f0c6b1e",
                "7.183.38.81", "751102", "node2-744947", "1755490012", "1755490345", "exit status 1", 1,
                Map.of("task_type", "task_1", "ttl", "1250"), "pip3.9 install numpy==1.24 && pip3.9 check",
                "file:///home/disk/tk/train.zip", "{\"DEPLOY_REGION\":\"suzhou_std\"}");
    }

    /** Any shape. */
    public static Arbitrary<Shape> anyShape() {
        return Arbitraries.of(shapes());
    }

    /** For {@code @ForAll(supplier = FrontendJobs.AnyShape.class)}. */
    public static final class AnyShape implements ArbitrarySupplier<Shape> {
        @Override
        public Arbitrary<Shape> get() {
            return anyShape();
        }
    }

    /** For {@code @ForAll(supplier = FrontendJobs.AnyValues.class)}. */
    public static final class AnyValues implements ArbitrarySupplier<Values> {
        @Override
        public Arbitrary<Values> get() {
            return anyValues();
        }
    }

    /** Any contents: arbitrary strings (including empty and non-ASCII), digit-string times, any int32 exit code. */
    public static Arbitrary<Values> anyValues() {
        Arbitrary<String> text = Arbitraries.strings().ofMaxLength(24);
        Arbitrary<String> time = Arbitraries.strings().numeric().ofMinLength(1).ofMaxLength(18);
        Arbitrary<Map<String, String>> metadata = Arbitraries.maps(Arbitraries.strings().ofMaxLength(8), text).ofMaxSize(4);
        Arbitrary<String[]> ids = Combinators.combine(text, text, text, text, text, text)
                .as((a, b, c, d, e, f) -> new String[] {a, b, c, d, e, f});
        Arbitrary<String[]> env = Combinators.combine(text, text, text, text).as((a, b, c, d) -> new String[] {a, b, c, d});
        return Combinators.combine(ids, time, time, Arbitraries.integers(), metadata, env)
                .as((i, start, end, exit, meta, e) -> new Values(i[0], i[1], i[2], i[3], i[4], i[5], start, end,
                        e[0], exit, meta, e[1], e[2], e[3]));
    }

    /**
     * The job as the frontend writes it: every field of {@code AppInfo} in declaration order (the key only
     * where the shape writes it), with Go's zero values where the code sets nothing.
     */
    public static ObjectNode job(Shape shape, Values v) {
        ObjectNode job = NODES.objectNode();
        if (shape.keyWritten()) {
            job.put("key", v.key());
        }
        job.put("type", "SUBMISSION");
        job.put("entrypoint", v.entrypoint());
        job.put("submission_id", v.id());
        ObjectNode driver = job.putObject("driver_info");
        driver.put("id", v.id());
        driver.put("node_ip_address", shape.driverPlaced() ? v.nodeIp() : "");
        driver.put("pid", shape.driverPlaced() ? v.pid() : "");
        job.put("status", shape.state());
        job.put("start_time", shape.startKnown() ? v.startTime() : "");
        job.put("end_time", shape.finished() ? v.endTime() : "");
        switch (shape.metadata()) {
            case NULL -> job.putNull("metadata");
            case EMPTY -> job.putObject("metadata");
            case FILLED -> {
                ObjectNode metadata = job.putObject("metadata");
                v.metadata().forEach(metadata::put);
            }
        }
        switch (shape.runtimeEnv()) {
            case NULL -> job.putNull("runtime_env");
            case EMPTY -> job.putObject("runtime_env").put("envVars", "").put("pip", "").put("working_dir", "");
            case FILLED -> job.putObject("runtime_env")
                    .put("envVars", v.envVars()).put("pip", v.pip()).put("working_dir", v.workingDir());
        }
        job.put("driver_agent_http_address", "");
        job.put("driver_node_id", shape.driverPlaced() ? v.nodeId() : "");
        job.put("driver_exit_code", shape.finished() ? v.exitCode() : 0);
        job.put("error_type", shape.hasErrorType() ? v.errorType() : "");
        return job;
    }
}
