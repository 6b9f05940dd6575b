package dev.jobsopenapi.benchmarks;

import dev.jobsopenapi.modelarts.client.model.DevServerJobPage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What the benchmarks measure is the work they name: checked here on small lists, never timed. */
class ListWorkTest {

    @ParameterizedTest
    @ValueSource(strings = {"modelarts", "openyuanrong"})
    void everyWayOfCheckingTheGeneratedListAgreesOnIt(String api) {
        ListValidation validation = new ListValidation(api, 30);
        assertTrue(validation.library().isValid());
        assertEquals(1, validation.libraryLastJobFaulty().violations().size());
        assertEquals(List.of(), validation.networkntDirect());
        assertEquals(validation.length(), validation.readTreeOnly().toString().length());
        assertEquals(List.of(), new AtlassianValidation(api).validate(validation.body()).getMessages(),
                "swagger-request-validator accepts the body too, so it does the whole check");
    }

    @Test
    void everyWayOfDecodingReadsEveryJobOfTheModelArtsPage() throws Exception {
        ListDecoding decoding = new ListDecoding("modelarts");
        String body = decoding.body(30);
        DevServerJobPage page = assertInstanceOf(DevServerJobPage.class, decoding.generatedModels(body));
        assertEquals(30, page.getData().size());
        assertEquals(page, decoding.generatedModelsWithBlackbird(body));
        assertEquals(30, ((List<?>) ((Map<?, ?>) decoding.plainDatabind(body)).get("data")).size());
    }

    @Test
    void everyWayOfDecodingReadsEveryJobOfTheOpenYuanrongList() throws Exception {
        ListDecoding decoding = new ListDecoding("openyuanrong");
        String body = decoding.body(30);
        List<?> jobs = (List<?>) decoding.generatedModels(body);
        assertEquals(30, jobs.size());
        assertEquals(jobs, decoding.generatedModelsWithBlackbird(body));
        assertEquals(30, ((List<?>) decoding.plainDatabind(body)).size());
    }

    @Test
    void anUnknownApiIsNamedInTheError() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new ListDecoding("ray"));
        assertTrue(e.getMessage().contains("ray"));
        assertFalse(assertThrows(IllegalArgumentException.class, () -> new ListValidation("ray", 1)).getMessage().isEmpty());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new AtlassianValidation("ray")).getMessage().contains("ray"));
    }
}
