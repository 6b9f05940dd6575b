package dev.jobsopenapi.benchmarks;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.Callable;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SideBySideTest {

    @Test
    void everyWayRunsOncePerRoundWarmUpIncludedInOrdersThatChange() throws Exception {
        List<String> calls = new ArrayList<>();
        Map<String, Callable<?>> ways = new LinkedHashMap<>();
        for (String name : List.of("a", "b", "c")) {
            ways.put(name, () -> calls.add(name));
        }
        SideBySide.run(ways, 5, 20, new Random(7));
        assertEquals(75, calls.size());
        Set<List<String>> orders = new HashSet<>();
        for (int round = 0; round < 25; round++) {
            List<String> order = calls.subList(3 * round, 3 * round + 3);
            assertEquals(Set.of("a", "b", "c"), Set.copyOf(order), "round " + round + " ran each way once");
            orders.add(List.copyOf(order));
        }
        assertTrue(orders.size() > 1, "the order is drawn anew each round: " + orders);
    }

    @Test
    void aWayThatGivesNoResultIsAnErrorNotATimeForNothing() {
        Map<String, Callable<?>> ways = new LinkedHashMap<>();
        ways.put("baseline", () -> 1);
        ways.put("nothing", () -> null);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> SideBySide.run(ways, 0, 3, new Random(1)));
        assertTrue(e.getMessage().contains("nothing"), e.getMessage());
    }

    @Test
    void theRatioIsOfTheMediansAndItsIntervalHoldsIt() {
        long[] baseline = new long[101];
        long[] twice = new long[101];
        long[] noisy = new long[101];
        Random random = new Random(3);
        for (int round = 0; round < baseline.length; round++) {
            baseline[round] = 1_000 + round;
            twice[round] = 2 * baseline[round];
            noisy[round] = 1_500 + random.nextInt(1_000);
        }
        SideBySide measured = new SideBySide(List.of("baseline", "twice", "noisy"), new long[][] {baseline, twice, noisy}, new Random(5));
        assertEquals(1_050, measured.median(0));
        double[] exact = measured.ratio(1);
        assertEquals(2.0, exact[0], 1e-12);
        assertEquals(2.0, exact[1], 1e-12, "every resample of an exact ratio is that ratio");
        assertEquals(2.0, exact[2], 1e-12);
        double[] spread = measured.ratio(2);
        assertEquals(measured.median(2) / measured.median(0), spread[0], 1e-12);
        assertTrue(spread[1] < spread[0] && spread[0] < spread[2], "the interval holds the ratio: " + List.of(spread[1], spread[0], spread[2]));
    }

    @Test
    void figuresKeepThreeSignificantDigits() {
        assertEquals("1,192", SideBySide.figure(1_192.4));
        assertEquals("261", SideBySide.figure(261.2));
        assertEquals("27.7", SideBySide.figure(27.71));
        assertEquals("1.52", SideBySide.figure(1.523));
    }
}
