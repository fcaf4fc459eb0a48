package io.quarkiverse.conductor.worker.runtime.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;

class ServerUrlTest {

    private static String basic(String credentials) {
        return "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void thePropertyBeatsTheVariableAndABlankValueDoesNotCount() {
        SmallRyeConfig both = config(Map.of(ServerUrl.PROPERTY, "http://conductor:8080/api"),
                Map.of(ServerUrl.ENVIRONMENT_VARIABLE, "http://elsewhere:8080/api"));
        assertThat(ServerUrl.setting(both)).hasValueSatisfying(setting -> {
            assertThat(setting.name()).isEqualTo(ServerUrl.PROPERTY);
            assertThat(setting.value()).isEqualTo("http://conductor:8080/api");
            assertThat(setting.describe()).isEqualTo("PropertiesConfigSource[source=application.properties]");
            assertThat(setting.fromDevServices()).isFalse();
        });
        SmallRyeConfig blankProperty = config(Map.of(ServerUrl.PROPERTY, " "),
                Map.of(ServerUrl.ENVIRONMENT_VARIABLE, "http://elsewhere:8080/api"));
        assertThat(ServerUrl.setting(blankProperty)).hasValueSatisfying(setting -> assertThat(setting.describe())
                .isEqualTo(ServerUrl.ENVIRONMENT_VARIABLE + " (PropertiesConfigSource[source=environment])"));
        assertThat(ServerUrl.setting(config(Map.of(), Map.of()))).isEmpty();
    }

    @Test
    void aUrlSetByDevServicesSaysSo() {
        SmallRyeConfig config = new SmallRyeConfigBuilder()
                .withSources(new PropertiesConfigSource(Map.of(ServerUrl.PROPERTY, "http://127.0.0.1:41000/api"),
                        "DevServicesConfigSource", 300))
                .build();
        assertThat(ServerUrl.setting(config)).hasValueSatisfying(setting -> assertThat(setting.fromDevServices()).isTrue());
    }

    private static SmallRyeConfig config(Map<String, String> file, Map<String, String> environment) {
        return new SmallRyeConfigBuilder()
                .withSources(new PropertiesConfigSource(file, "application.properties", 250))
                .withSources(new PropertiesConfigSource(environment, "environment", 300))
                .build();
    }

    @Test
    void userInfoIsBasicAuthenticationWithItsEscapesDecoded() {
        assertThat(ServerUrl.basicAuthorization(URI.create("https://gateway:p%40ss%3Aw%C3%B6rd@conductor.example.com/api")))
                .isEqualTo(basic("gateway:p@ss:wörd"));
        assertThat(ServerUrl.basicAuthorization(URI.create("https://gateway@conductor.example.com/api")))
                .isEqualTo(basic("gateway:"));
        assertThat(ServerUrl.basicAuthorization(URI.create("https://conductor.example.com/api"))).isNull();
    }

    @Test
    void requestsGoToTheUrlWithoutItsUserInfo() {
        assertThat(ServerUrl.withoutUserInfo(URI.create("https://gateway:p%40ss@conductor.example.com:8443/api")))
                .isEqualTo(URI.create("https://conductor.example.com:8443/api"));
        URI plain = URI.create("https://conductor.example.com/api");
        assertThat(ServerUrl.withoutUserInfo(plain)).isSameAs(plain);
    }

    @Test
    void logsShowTheUrlWithoutUserInfoNorQuery() {
        assertThat(ServerUrl.forLogs("https://gateway:s3cret@conductor.example.com/api?key=s3cret"))
                .isEqualTo("https://conductor.example.com/api");
        // not even a URL: what follows the last @ only
        assertThat(ServerUrl.forLogs("https://gateway:s3 cret@conductor example/api")).doesNotContain("s3")
                .isEqualTo("'...@conductor example/api'");
    }

    @Test
    void loopbackIsLocalhostOrALoopbackAddressWrittenOut() {
        assertThat(ServerUrl.isLoopback(URI.create("http://localhost:8080/api"))).isTrue();
        assertThat(ServerUrl.isLoopback(URI.create("http://LOCALHOST/api"))).isTrue();
        assertThat(ServerUrl.isLoopback(URI.create("http://conductor.localhost/api"))).isTrue();
        assertThat(ServerUrl.isLoopback(URI.create("http://127.0.0.1:8080/api"))).isTrue();
        assertThat(ServerUrl.isLoopback(URI.create("http://127.1.2.3/api"))).isTrue();
        assertThat(ServerUrl.isLoopback(URI.create("http://[::1]:8080/api"))).isTrue();

        assertThat(ServerUrl.isLoopback(URI.create("http://conductor.example.com/api"))).isFalse();
        assertThat(ServerUrl.isLoopback(URI.create("http://localhost.example.com/api"))).isFalse();
        assertThat(ServerUrl.isLoopback(URI.create("http://10.0.0.5/api"))).isFalse();
        assertThat(ServerUrl.isLoopback(URI.create("http://127.0.0.1.example.com/api"))).isFalse();
        assertThat(ServerUrl.isLoopback(URI.create("http://[2001:db8::1]/api"))).isFalse();
    }
}
