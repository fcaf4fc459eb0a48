package io.quarkiverse.conductor.worker.deployment.devui;

import java.util.Optional;

import io.quarkiverse.conductor.worker.deployment.devservices.ConductorDevServicesBuildItem;
import io.quarkiverse.conductor.worker.runtime.devui.ConductorDefinitionsJsonRpcService;
import io.quarkiverse.conductor.worker.runtime.devui.ConductorWorkersJsonRpcService;
import io.quarkus.deployment.IsLocalDevelopment;
import io.quarkus.deployment.annotations.BuildStep;
import io.quarkus.devui.spi.JsonRPCProvidersBuildItem;
import io.quarkus.devui.spi.page.CardPageBuildItem;
import io.quarkus.devui.spi.page.Page;

/**
 * The Conductor card of the Dev UI: the server in use and the workers, with what they did so far; the definitions, with
 * a form that starts a workflow; and the Conductor UI of the server Dev Services started.
 */
public class ConductorDevUIProcessor {

    @BuildStep(onlyIf = IsLocalDevelopment.class)
    CardPageBuildItem card(Optional<ConductorDevServicesBuildItem> devServices) {
        CardPageBuildItem card = new CardPageBuildItem();
        card.addPage(Page.webComponentPageBuilder()
                .title("Workers")
                .icon("font-awesome-solid:gears")
                .componentLink("qwc-conductor-workers.js"));
        card.addPage(Page.webComponentPageBuilder()
                .title("Definitions")
                .icon("font-awesome-solid:diagram-project")
                .componentLink("qwc-conductor-definitions.js"));
        devServices.ifPresent(server -> card.addPage(Page.externalPageBuilder("Conductor UI")
                .icon("font-awesome-solid:arrow-up-right-from-square")
                .url(server.uiUrl(), server.uiUrl())
                .doNotEmbed()));
        return card;
    }

    @BuildStep(onlyIf = IsLocalDevelopment.class)
    JsonRPCProvidersBuildItem definitionsJsonRpc() {
        return new JsonRPCProvidersBuildItem(ConductorDefinitionsJsonRpcService.class);
    }

    @BuildStep(onlyIf = IsLocalDevelopment.class)
    JsonRPCProvidersBuildItem jsonRpc() {
        return new JsonRPCProvidersBuildItem(ConductorWorkersJsonRpcService.class);
    }
}
