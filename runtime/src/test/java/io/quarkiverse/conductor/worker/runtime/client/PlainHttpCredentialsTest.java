package io.quarkiverse.conductor.worker.runtime.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;

import org.junit.jupiter.api.Test;

class PlainHttpCredentialsTest {

    @Test
    void accessKeyOverPlainHttpToAnotherMachineIsWarnedAboutNamingTheProperty() {
        assertThat(PlainHttpCredentials.warning(URI.create("http://conductor.example.com/api"), true))
                .startsWith("The Conductor server URL http://conductor.example.com/api is plain HTTP: the application"
                        + " access key's secret")
                .endsWith("Use an https:// URL in quarkus.conductor.server-url (or CONDUCTOR_SERVER_URL)");
    }

    @Test
    void userInfoOverPlainHttpIsWarnedAboutWithoutShowingIt() {
        assertThat(PlainHttpCredentials.warning(URI.create("http://gateway:s3cret@conductor.example.com/api"), false))
                .contains("the user and password of the server URL")
                .doesNotContain("gateway", "s3cret");
    }

    @Test
    void nothingToWarnAbout() {
        // no credentials
        assertThat(PlainHttpCredentials.warning(URI.create("http://conductor.example.com/api"), false)).isNull();
        // encrypted
        assertThat(PlainHttpCredentials.warning(URI.create("https://gateway:s3cret@conductor.example.com/api"), true))
                .isNull();
        // this machine
        assertThat(PlainHttpCredentials.warning(URI.create("http://localhost:8080/api"), true)).isNull();
        assertThat(PlainHttpCredentials.warning(URI.create("http://gateway:s3cret@127.0.0.1:8080/api"), true)).isNull();
    }
}
