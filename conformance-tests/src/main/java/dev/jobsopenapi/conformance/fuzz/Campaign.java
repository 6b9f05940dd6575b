package dev.jobsopenapi.conformance.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.jobsopenapi.conformance.ApiContract;
import dev.jobsopenapi.conformance.Body;
import dev.jobsopenapi.conformance.Operation;
import dev.jobsopenapi.conformance.Parameter;
import dev.jobsopenapi.conformance.SecuritySchemes;
import dev.jobsopenapi.conformance.Target;
import dev.jobsopenapi.conformance.ValidationResult;
import dev.jobsopenapi.conformance.Violation;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** One fuzz run: generates, sends, judges, follows links, shrinks failures and cleans up. */
final class Campaign {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** How deep a chain of links is followed from one generated request. */
    private static final int LINK_DEPTH = 3;
    /** Requests one failure may spend on being shrunk. */
    private static final int SHRINK_BUDGET = 40;
    /** How long the clean-up waits for what the run created to become deletable. */
    private static final Duration CLEANUP = Duration.ofSeconds(15);
    /** The query parameter of the one negative request that is not required to be refused. */
    static final String UNDOCUMENTED_QUERY = "fuzz_undocumented";
    /** Turns in a row that generate nothing sendable before the run stops (a spec the generator cannot serve). */
    private static final int IDLE_TURNS = 1000;

    private final ApiContract contract;
    private final JsonNode document;
    private final SecuritySchemes security;
    private final LiveServer server;
    private final long seed;
    private final int maxRequests;
    private final long deadline;
    private final Set<String> selected;
    private final boolean allowWrite;
    private final Map<String, String> fixed;
    private final long nanosPerRequest;
    private final int concurrency;
    private final Random random;
    private final Values values;
    private final Judge judge;

    private final Map<Check, Map<String, int[]>> tally = new EnumMap<>(Check.class);
    private final Map<String, Finding> findings = new LinkedHashMap<>();
    private final Map<String, String> skipped = new LinkedHashMap<>();
    private final Set<String> authChecked = new java.util.HashSet<>();
    private final List<Pending> pending = new ArrayList<>();
    private int requests;
    private int discarded;
    private long lastSend;

    /** A DELETE reached through a link whose answer let none of its own links resolve yet: retried at the end. */
    private record Pending(FuzzRequest request, int depth) {
    }

    Campaign(ApiContract contract, LiveServer server, long seed, int maxRequests, Duration duration, Set<String> selected,
             boolean allowWrite, Map<String, String> fixed, int ratePerSecond, int concurrency) {
        this.concurrency = concurrency;
        this.contract = contract;
        this.document = contract.document();
        this.security = contract.securitySchemes();
        this.server = server;
        this.seed = seed;
        this.maxRequests = maxRequests;
        this.deadline = duration.isZero() ? Long.MAX_VALUE : System.nanoTime() + duration.toNanos();
        this.selected = selected;
        this.allowWrite = allowWrite;
        this.fixed = fixed;
        this.nanosPerRequest = ratePerSecond == 0 ? 0 : 1_000_000_000L / ratePerSecond;
        this.random = new Random(seed);
        this.values = new Values(document, random);
        this.judge = new Judge(contract, server.hasCredentials());
    }

    FuzzResult run() {
        List<Operation> operations = new ArrayList<>();
        for (Operation op : contract.operations()) {
            if (!selected.isEmpty() && !selected.contains(op.operationId())) {
                continue;
            }
            if (writes(op) && !allowWrite) {
                skipped.put(op.operationId(), op.method() + " changes state on the server: not called without --allow-write");
                continue;
            }
            operations.add(op);
        }
        for (Operation op : operations) {
            if (!more()) {
                break;
            }
            for (Values.Size size : List.of(Values.Size.SMALLEST, Values.Size.LARGEST)) {
                positive(op, size).ifPresent(request -> sendPositive(request));
            }
            positive(op, Values.Size.LARGEST).ifPresent(base -> {
                for (FuzzRequest negative : negatives(base)) {
                    if (!more()) {
                        break;
                    }
                    sendNegative(negative);
                }
            });
        }
        ExecutorService pool = concurrency > 1 ? Executors.newFixedThreadPool(concurrency, runnable -> {
            Thread thread = new Thread(runnable, "jobs-openapi-fuzz");
            thread.setDaemon(true);
            return thread;
        }) : null;
        try {
            int turn = 0;
            int idle = 0;
            while (more() && !operations.isEmpty() && idle < IDLE_TURNS) {
                // A batch is generated here, in order, from the one random stream; only the sending is parallel, and
                // the answers are judged and their links followed in the order generated: one seed stays one run.
                List<FuzzRequest> batch = new ArrayList<>();
                for (int i = 0; i < concurrency && requests + batch.size() < maxRequests; i++, turn++) {
                    Optional<FuzzRequest> request = positive(operations.get(turn % operations.size()), Values.Size.RANDOM);
                    if (request.isEmpty()) {
                        continue;
                    }
                    if (random.nextInt(10) < 7) {
                        batch.add(request.get());
                    } else {
                        List<FuzzRequest> negatives = negatives(request.get());
                        if (!negatives.isEmpty()) {
                            batch.add(negatives.get(random.nextInt(negatives.size())));
                        }
                    }
                }
                idle = batch.isEmpty() ? idle + 1 : 0;
                List<LiveServer.Exchange> answers = sendAll(batch, pool);
                for (int i = 0; i < batch.size(); i++) {
                    FuzzRequest request = batch.get(i);
                    LiveServer.Exchange answer = answers.get(i);
                    record(request, answer, judge.verdict(request, answer), true);
                    if (request.negative() == null) {
                        checkAuth(request, answer);
                        follow(request, answer, 1);
                    }
                }
            }
        } finally {
            if (pool != null) {
                pool.shutdownNow();
            }
        }
        cleanUp();
        Map<Check, Map<String, FuzzResult.Tally>> counts = new EnumMap<>(Check.class);
        tally.forEach((check, byOperation) -> {
            Map<String, FuzzResult.Tally> row = new TreeMap<>();
            byOperation.forEach((op, c) -> row.put(op, new FuzzResult.Tally(c[0], c[1])));
            counts.put(check, row);
        });
        return new FuzzResult(contract.name(), seed, requests, discarded, counts, List.copyOf(findings.values()), skipped);
    }

    private boolean more() {
        return requests < maxRequests && System.nanoTime() < deadline;
    }

    private static boolean writes(Operation op) {
        return !op.method().equals("GET") && !op.method().equals("HEAD");
    }

    // Generation

    /** A conforming request for the operation, or empty when the contract does not agree that it conforms. */
    private Optional<FuzzRequest> positive(Operation op, Values.Size size) {
        Map<String, String> path = new LinkedHashMap<>();
        Map<String, String> query = new LinkedHashMap<>();
        Map<String, String> headers = new LinkedHashMap<>();
        for (Parameter parameter : contract.parameters(op)) {
            JsonNode schema = document.at(parameter.pointer() + "/schema");
            boolean include = parameter.required() || parameter.in().equals("path") || size == Values.Size.LARGEST
                    || size == Values.Size.RANDOM && random.nextBoolean();
            if (!include) {
                continue;
            }
            String value = fixed.get(parameter.name());
            switch (parameter.in()) {
                case "path" -> path.put(parameter.name(), value != null ? value : text(values.conforming(schema, size, Values.Place.PATH)));
                case "query" -> query.put(parameter.name(), value != null ? value : text(values.conforming(schema, size, Values.Place.QUERY)));
                case "header" -> headers.put(parameter.name(), value != null ? value : text(values.conforming(schema, size, Values.Place.HEADER)));
                default -> {
                }
            }
        }
        JsonNode body = requestSchema(op).map(schema -> values.conforming(schema, size)).orElse(null);
        FuzzRequest request = new FuzzRequest(op, path, query, headers, body, null);
        if (!contract.validateRequest(Target.route(op.method(), request.target()), "application/json", body(request)).isValid()) {
            discarded++;
            return Optional.empty();
        }
        return Optional.of(request);
    }

    /** Requests that each break one rule of a conforming one, kept only where the contract finds them broken. */
    private List<FuzzRequest> negatives(FuzzRequest base) {
        List<FuzzRequest> out = new ArrayList<>();
        Operation op = base.operation();
        Optional<JsonNode> bodySchema = requestSchema(op);
        if (bodySchema.isPresent() && base.body() != null) {
            for (Values.Mutation m : values.mutations(bodySchema.get(), base.body(), "")) {
                out.add(base.withBody(Pointers.apply(base.body(), m.pointer(), m.replacement()))
                        .negative("body " + (m.pointer().isEmpty() ? "/" : m.pointer()) + ": " + describe(m)));
            }
        }
        for (Parameter parameter : contract.parameters(op)) {
            JsonNode schema = document.at(parameter.pointer() + "/schema");
            Map<String, String> current = parameter.in().equals("path") ? base.path()
                    : parameter.in().equals("query") ? base.query() : Map.of();
            if (!current.containsKey(parameter.name())) {
                continue;
            }
            for (Values.Mutation m : values.mutations(schema, TextNode.valueOf(current.get(parameter.name())), "")) {
                if (m.replacement() == null || m.replacement().isContainerNode()) {
                    continue;
                }
                String broken = text(m.replacement());
                if (parameter.in().equals("path") && (broken.isEmpty() || broken.equals(".") || broken.equals(".."))) {
                    continue; // not this operation's URL any more: an empty or dot segment leads elsewhere
                }
                Map<String, String> changed = new LinkedHashMap<>(current);
                changed.put(parameter.name(), broken);
                String rule = parameter.in() + " parameter " + parameter.name() + ": " + describe(m);
                out.add(parameter.in().equals("path") ? base.negative(rule, changed) : base.withQuery(changed).negative(rule));
            }
        }
        Map<String, String> extra = new LinkedHashMap<>(base.query());
        extra.put(UNDOCUMENTED_QUERY, "1");
        out.add(base.withQuery(extra).negative(Judge.UNDOCUMENTED + " " + UNDOCUMENTED_QUERY));
        // A mutation that does not break the rule as the contract reads it (a number where any string will do) is no
        // negative request: it is dropped.
        return out.stream().filter(request -> !validate(request).isValid()).toList();
    }

    private static String describe(Values.Mutation m) {
        return m.replacement() == null ? "required property left out" : m.rule() + " broken (" + Judge.abbreviated(m.replacement().toString()) + ")";
    }

    private Optional<JsonNode> requestSchema(Operation op) {
        return contract.requestBodySchemaPointer(op.operationId(), "application/json").map(document::at);
    }

    private ValidationResult validate(FuzzRequest request) {
        return contract.validateRequest(Target.route(request.method(), request.target()), "application/json", body(request));
    }

    private static Body body(FuzzRequest request) {
        return request.body() == null ? Body.none() : Body.of(request.body());
    }

    private static String text(JsonNode value) {
        return value.isTextual() ? value.asText() : value.toString();
    }

    // Sending and judging

    private LiveServer.Exchange send(FuzzRequest request, boolean withCredentials) {
        pace();
        requests++;
        LiveServer.Exchange answer = server.send(request, security, withCredentials);
        if (!answer.answered() && requests == 1 && answer.failure().startsWith("cannot reach")) {
            // Nothing to check at all: not a server error of one request, the server is not there.
            throw new java.io.UncheckedIOException(new java.io.IOException(answer.failure()));
        }
        return answer;
    }

    /** Waits as long as {@code --rate} asks before the next request. */
    private void pace() {
        if (nanosPerRequest > 0) {
            long wait = lastSend + nanosPerRequest - System.nanoTime();
            if (wait > 0) {
                try {
                    Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            lastSend = System.nanoTime();
        }
    }

    /** Sends a batch, up to {@code concurrency} at once; the answers in the batch's order. */
    private List<LiveServer.Exchange> sendAll(List<FuzzRequest> batch, ExecutorService pool) {
        if (pool == null || batch.size() < 2) {
            return batch.stream().map(request -> send(request, true)).toList();
        }
        List<Future<LiveServer.Exchange>> sent = new ArrayList<>();
        for (FuzzRequest request : batch) {
            pace();
            requests++;
            sent.add(pool.submit(() -> server.send(request, security, true)));
        }
        List<LiveServer.Exchange> answers = new ArrayList<>();
        for (Future<LiveServer.Exchange> future : sent) {
            try {
                answers.add(future.get());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                answers.add(new LiveServer.Exchange(0, "", Map.of(), new byte[0], false, "interrupted", 0));
            } catch (java.util.concurrent.ExecutionException e) {
                answers.add(new LiveServer.Exchange(0, "", Map.of(), new byte[0], false, "no answer: " + e.getCause(), 0));
            }
        }
        return answers;
    }

    private void sendPositive(FuzzRequest request) {
        LiveServer.Exchange answer = send(request, true);
        record(request, answer, judge.verdict(request, answer), true);
        checkAuth(request, answer);
        follow(request, answer, 1);
    }

    private void sendNegative(FuzzRequest request) {
        LiveServer.Exchange answer = send(request, true);
        record(request, answer, judge.verdict(request, answer), true);
    }

    /** Tallies a verdict, and keeps the first failure of each check on each operation, shrunk when it may be. */
    private void record(FuzzRequest request, LiveServer.Exchange answer, Judge.Verdict verdict, boolean shrinkable) {
        String op = request.operation().operationId();
        for (Check check : verdict.applied()) {
            int[] counts = tally.computeIfAbsent(check, c -> new TreeMap<>()).computeIfAbsent(op, o -> new int[2]);
            String failure = verdict.failed().get(check);
            if (failure == null) {
                counts[0]++;
                continue;
            }
            counts[1]++;
            String key = check.id() + " " + op;
            Finding first = findings.get(key);
            if (first != null) {
                findings.put(key, first.counted(first.occurrences() + 1));
                continue;
            }
            FuzzRequest smallest = request;
            String message = failure;
            if (shrinkable) {
                Shrunk shrunk = shrink(request, check);
                smallest = shrunk.request();
                message = shrunk.message() == null ? failure : shrunk.message();
            }
            findings.put(key, new Finding(check, op, message + (request.negative() == null ? "" : " [the request breaks: "
                    + smallest.negative() + "]"), smallest.method() + " " + smallest.target(),
                    server.curl(smallest, security), 1, seed));
        }
    }

    private void checkAuth(FuzzRequest request, LiveServer.Exchange answer) {
        String op = request.operation().operationId();
        if (!server.hasCredentials() || !judge.requiresCredentials(request.operation()) || authChecked.contains(op)
                || answer.status() == 401 || answer.status() == 403 || !answer.answered()) {
            return;
        }
        authChecked.add(op);
        LiveServer.Exchange bare = send(request, false);
        boolean refused = bare.status() == 401 || bare.status() == 403;
        Judge.Verdict verdict = new Judge.Verdict(Set.of(Check.IGNORED_AUTH), refused ? Map.of()
                : Map.of(Check.IGNORED_AUTH, "answered " + Judge.describe(bare) + " without credentials; the spec requires them"
                + " (" + String.join(", ", security.carriers().stream().map(c -> c.name()).toList()) + ")"));
        record(request, bare, verdict, false);
    }

    // Links

    /** Follows the links of a 2xx answer: the ids the server returned, put into the operations they lead to. */
    private void follow(FuzzRequest source, LiveServer.Exchange answer, int depth) {
        if (depth > LINK_DEPTH || answer.status() < 200 || answer.status() > 299) {
            return;
        }
        JsonNode links = Links.of(contract, source.operation(), answer.status());
        if (links.isEmpty()) {
            return;
        }
        Optional<JsonNode> answerBody = parse(answer);
        for (var entry : (Iterable<Map.Entry<String, JsonNode>>) links::fields) {
            JsonNode link = entry.getValue();
            Optional<Operation> target = contract.operation(link.path("operationId").asText());
            if (target.isEmpty() || writes(target.get()) && !allowWrite) {
                continue;
            }
            Links.Context context = new Links.Context(source, answerBody);
            Optional<FuzzRequest> next = Links.request(link, target.get(), context, contract, fixed,
                    op -> positive(op, Values.Size.SMALLEST));
            if (next.isEmpty()) {
                continue;
            }
            LiveServer.Exchange reply = send(next.get(), true);
            record(next.get(), reply, judge.verdict(next.get(), reply), false);
            expect(entry.getKey(), link, context, next.get(), reply);
            if (writes(next.get().operation()) && reply.status() >= 200 && reply.status() < 300
                    && !Links.of(contract, next.get().operation(), reply.status()).isEmpty()
                    && !resolvesAny(next.get(), reply)) {
                pending.add(new Pending(next.get(), depth + 1));
            } else {
                follow(next.get(), reply, depth + 1);
            }
        }
    }

    private boolean resolvesAny(FuzzRequest request, LiveServer.Exchange answer) {
        JsonNode links = Links.of(contract, request.operation(), answer.status());
        Links.Context context = new Links.Context(request, parse(answer));
        for (JsonNode link : (Iterable<JsonNode>) links::elements) {
            if (Links.resolves(link, context)) {
                return true;
            }
        }
        return false;
    }

    /** The expectation a link states of its target's answer ({@code x-expect}): found, listed or gone. */
    private void expect(String name, JsonNode link, Links.Context context, FuzzRequest request, LiveServer.Exchange reply) {
        String expectation = link.path("x-expect").asText("");
        if (expectation.isEmpty() || !Links.when(link, context)) {
            return;
        }
        Check check = expectation.equals("gone") ? Check.USE_AFTER_FREE : Check.ENSURE_RESOURCE_AVAILABILITY;
        String failure = null;
        String origin = "after " + context.source().method() + " " + context.source().target() + " (link " + name + "), ";
        switch (expectation) {
            case "found" -> {
                if (reply.status() < 200 || reply.status() > 299) {
                    failure = origin + request.method() + " " + request.target() + " answered " + Judge.describe(reply);
                }
            }
            case "listed" -> {
                Optional<JsonNode> value = Links.evaluate(link.path("x-expect-value").asText(), context);
                if (value.isEmpty()) {
                    return; // nothing to look for: not a pass either
                }
                if (reply.status() != 200 || !parse(reply).map(body -> contains(body, value.get())).orElse(false)) {
                    failure = origin + request.method() + " " + request.target() + " does not list " + value.get();
                }
            }
            case "gone" -> {
                if (reply.status() != 404 && reply.status() != 410) {
                    failure = origin + request.method() + " " + request.target() + " answered " + Judge.describe(reply)
                            + ", not 404";
                }
            }
            default -> {
                return;
            }
        }
        record(request, reply, new Judge.Verdict(Set.of(check), failure == null ? Map.of() : Map.of(check, failure)), false);
    }

    private static boolean contains(JsonNode tree, JsonNode value) {
        if (tree.equals(value)) {
            return true;
        }
        for (JsonNode child : (Iterable<JsonNode>) tree::elements) {
            if (contains(child, value)) {
                return true;
            }
        }
        return false;
    }

    static Optional<JsonNode> parse(LiveServer.Exchange answer) {
        if (answer.body().length == 0 || answer.truncated()) {
            return Optional.empty();
        }
        try {
            return Optional.of(JSON.readTree(answer.body()));
        } catch (java.io.IOException e) {
            return Optional.empty();
        }
    }

    /**
     * Retries the deletes whose answers deleted nothing yet (a job still running), until each deletes what it
     * names or the clean-up time is over; then follows their links (the reads that prove the job gone).
     */
    private void cleanUp() {
        long end = System.nanoTime() + CLEANUP.toNanos();
        while (!pending.isEmpty() && System.nanoTime() < end) {
            List<Pending> again = new ArrayList<>();
            for (Pending p : pending) {
                LiveServer.Exchange reply = send(p.request(), true);
                record(p.request(), reply, judge.verdict(p.request(), reply), false);
                if (reply.status() >= 200 && reply.status() < 300 && resolvesAny(p.request(), reply)) {
                    follow(p.request(), reply, p.depth());
                } else if (reply.status() >= 200 && reply.status() < 300) {
                    again.add(p);
                }
            }
            pending.clear();
            pending.addAll(again);
            if (!pending.isEmpty()) {
                try {
                    Thread.sleep(500);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
        for (Pending p : pending) {
            skipped.putIfAbsent("clean-up " + p.request().operation().operationId(), "still not deleted after "
                    + CLEANUP.toSeconds() + " s: " + p.request().method() + " " + p.request().target()
                    + (p.request().body() == null ? "" : " " + p.request().body()));
        }
    }

    // Shrinking

    /** The smallest request found that still fails the check, and its failure. */
    private record Shrunk(FuzzRequest request, String message) {
    }

    private Shrunk shrink(FuzzRequest failing, Check check) {
        List<Violation> broken = failing.negative() == null ? List.of() : validate(failing).violations();
        FuzzRequest current = failing;
        String message = null;
        int budget = SHRINK_BUDGET;
        boolean progress = true;
        while (progress && budget > 0) {
            progress = false;
            for (FuzzRequest candidate : Shrinker.candidates(current)) {
                if (budget <= 0) {
                    break;
                }
                ValidationResult validity = validate(candidate);
                boolean same = current.negative() == null ? validity.isValid() : sameViolations(broken, validity.violations());
                if (!same) {
                    continue;
                }
                budget--;
                LiveServer.Exchange answer = send(candidate, true);
                String failure = judge.verdict(candidate, answer).failed().get(check);
                if (failure != null) {
                    current = candidate;
                    message = failure;
                    progress = true;
                    break;
                }
            }
        }
        return new Shrunk(current, message);
    }

    private static boolean sameViolations(List<Violation> expected, List<Violation> actual) {
        if (expected.size() != actual.size()) {
            return false;
        }
        for (int i = 0; i < expected.size(); i++) {
            if (!expected.get(i).pointer().equals(actual.get(i).pointer()) || !expected.get(i).keyword().equals(actual.get(i).keyword())) {
                return false;
            }
        }
        return true;
    }
}
