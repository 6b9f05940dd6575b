package dev.jobsopenapi.specs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Each bundled spec is on the classpath as YAML and as JSON, with the same content and key order. */
class BundledSpecTest {

    @Test
    void theJsonOfEachSpecIsItsYamlInTheSameOrder() throws Exception {
        for (BundledSpec spec : BundledSpec.values()) {
            JsonNode yaml;
            JsonNode json;
            try (InputStream y = spec.open(); InputStream j = spec.openJson()) {
                yaml = new YAMLMapper().readTree(y);
                json = new ObjectMapper().readTree(j);
            }
            assertEquals(yaml, json, spec.specName());
            List<String> yamlKeys = new ArrayList<>();
            List<String> jsonKeys = new ArrayList<>();
            yaml.at("/components/schemas").fieldNames().forEachRemaining(yamlKeys::add);
            json.at("/components/schemas").fieldNames().forEachRemaining(jsonKeys::add);
            assertEquals(yamlKeys, jsonKeys, spec.specName());
            assertTrue(spec.jsonResourcePath().endsWith(spec.specName() + ".json"));
        }
    }
}
