package io.quarkiverse.conductor.worker.it;

import jakarta.inject.Singleton;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;

import io.quarkus.arc.properties.IfBuildProperty;
import io.quarkus.jackson.ObjectMapperCustomizer;

/**
 * A common line of application code: the application's JSON in snake_case, without empty values. Only in the test
 * profile that proves the workers do not mind ({@code SnakeCaseApplicationTest}).
 */
@Singleton
@IfBuildProperty(name = "it.snake-case", stringValue = "true")
public class SnakeCaseJson implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE);
        mapper.setSerializationInclusion(JsonInclude.Include.NON_EMPTY);
    }
}
