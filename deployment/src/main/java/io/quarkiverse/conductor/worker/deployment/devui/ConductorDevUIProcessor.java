package io.quarkiverse.conductor.worker.deployment.devui;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
    CardPageBuildItem card(List<DevUIWorkerBuildItem> workers) {
        CardPageBuildItem card = new CardPageBuildItem();
        card.addBuildTimeData("workers", workers.stream().map(ConductorDevUIProcessor::row).toList(),
                "The @ConductorWorker methods of the application");
        card.addPage(Page.webComponentPageBuilder()
                .title("Workers")
                .icon("font-awesome-solid:gears")
                .componentLink("qwc-conductor-workers.js")
                .staticLabel(String.valueOf(workers.size())));
        return card;
    }

    private static Map<String, Object> row(DevUIWorkerBuildItem worker) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("taskName", worker.taskName());
        row.put("method", worker.method());
        return row;
    }

    @BuildStep(onlyIf = IsLocalDevelopment.class)
    JsonRPCProvidersBuildItem jsonRpc() {
        return new JsonRPCProvidersBuildItem(ConductorWorkersJsonRpcService.class);
    }
}
