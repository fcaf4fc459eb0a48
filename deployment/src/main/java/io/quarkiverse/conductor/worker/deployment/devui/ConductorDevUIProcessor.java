package io.quarkiverse.conductor.worker.deployment.devui;

import io.quarkiverse.conductor.worker.runtime.devui.ConductorWorkersJsonRpcService;
import io.quarkus.deployment.IsLocalDevelopment;
import io.quarkus.deployment.annotations.BuildStep;
import io.quarkus.devui.spi.JsonRPCProvidersBuildItem;
import io.quarkus.devui.spi.page.CardPageBuildItem;
import io.quarkus.devui.spi.page.Page;

/**
 * The Conductor card of the Dev UI: the server in use and the workers, with what they did so far.
 */
public class ConductorDevUIProcessor {

    @BuildStep(onlyIf = IsLocalDevelopment.class)
    CardPageBuildItem card() {
        CardPageBuildItem card = new CardPageBuildItem();
        card.addPage(Page.webComponentPageBuilder()
                .title("Workers")
                .icon("font-awesome-solid:gears")
                .componentLink("qwc-conductor-workers.js"));
        return card;
    }

    @BuildStep(onlyIf = IsLocalDevelopment.class)
    JsonRPCProvidersBuildItem jsonRpc() {
        return new JsonRPCProvidersBuildItem(ConductorWorkersJsonRpcService.class);
    }
}
