package io.quarkiverse.conductor.worker.runtime.client;

import java.io.IOException;

import org.jboss.resteasy.reactive.RestResponse;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What a Conductor server says when it rejects a definition or a request as invalid: {@code 400} with
 * {@code "message": "Validation failed, check below errors for detail."} and the real reasons in
 * {@code validationErrors}. The reasons are what an operator needs, so they become the failure's detail.
 */
final class ConductorApiErrors {

    private ConductorApiErrors() {
    }

    /**
     * {@code response} itself, or, for a {@code 400} that lists validation errors, a {@link RequestFailure} whose detail
     * lists them ({@code path: message}, separated by {@code "; "}).
     */
    static RestResponse<byte[]> withValidationErrors(RestResponse<byte[]> response) {
        if (response.getStatus() == 400) {
            withValidationErrors(TaskApiClient.answer(response));
        }
        return response;
    }

    /** The same for an answer of the Vert.x client. */
    static ConductorHttp.Answer withValidationErrors(ConductorHttp.Answer answer) {
        if (answer.status() != 400) {
            return answer;
        }
        byte[] body = answer.body();
        JsonNode errors;
        try {
            errors = ConductorJson.tree(body).path("validationErrors");
        } catch (IOException | RuntimeException e) {
            errors = null;
        }
        if (errors == null || !errors.isArray() || errors.isEmpty()) {
            throw new RequestFailure(RequestFailure.Kind.REJECTED, 400, ConductorJson.excerpt(body), null);
        }
        StringBuilder detail = new StringBuilder();
        for (JsonNode error : errors) {
            if (!detail.isEmpty()) {
                detail.append("; ");
            }
            String path = error.path("path").asText("");
            // "registerWorkflowDef.arg0.tasks[0].name": the Java method and argument say nothing to the reader
            path = path.replaceFirst("^[A-Za-z]+\\.arg0\\.?", "");
            detail.append(path.isEmpty() ? "" : path + ": ").append(error.path("message").asText(""));
        }
        throw new RequestFailure(RequestFailure.Kind.REJECTED, 400, detail.toString(), null);
    }
}
