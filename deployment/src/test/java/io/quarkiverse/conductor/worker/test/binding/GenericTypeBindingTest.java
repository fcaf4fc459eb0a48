package io.quarkiverse.conductor.worker.test.binding;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.conductor.worker.ConductorWorker;
import io.quarkiverse.conductor.worker.model.TaskResult;
import io.quarkiverse.conductor.worker.test.Tasks;
import io.quarkus.test.QuarkusUnitTest;

class GenericTypeBindingTest {

    @RegisterExtension
    static final QuarkusUnitTest test = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(CartWorker.class, OrderLine.class, Item.class, Tasks.class));

    @Test
    void listOfRecordsBindsEachElement() {
        TaskResult result = Tasks.execute("total",
                "{\"lines\": [{\"sku\": \"a\", \"quantity\": 2}, {\"sku\": \"b\", \"quantity\": 5}]}");

        assertThat(result.getStatus()).isEqualTo(TaskResult.Status.COMPLETED);
        assertThat(result.getOutputData()).isEqualTo(Map.of("result", 7));
    }

    @Test
    void mapOfRecordsBindsEachValue() {
        TaskResult result = Tasks.execute("cheapest",
                "{\"items\": {\"apple\": {\"price\": 3}, \"pear\": {\"price\": 1}, \"fig\": {\"price\": 2}}}");

        assertThat(result.getOutputData()).isEqualTo(Map.of("result", "pear"));
    }

    @Test
    void optionalIsPresentWhenTheKeyIs() {
        TaskResult result = Tasks.execute("nickname", "{\"nickname\": \"Bob\"}");

        assertThat(result.getOutputData()).isEqualTo(Map.of("result", "Bob"));
    }

    @Test
    void optionalIsEmptyWhenTheKeyIsMissing() {
        TaskResult result = Tasks.execute("nickname", "{}");

        assertThat(result.getOutputData()).isEqualTo(Map.of("result", "(none)"));
    }

    @Test
    void listOfListsAndArraysBind() {
        TaskResult result = Tasks.execute("matrix", "{\"rows\": [[1, 2], [3]], \"weights\": [10, 20]}");

        assertThat(result.getOutputData()).isEqualTo(Map.of("result", 80));
    }

    record OrderLine(String sku, int quantity) {
    }

    record Item(int price) {
    }

    static class CartWorker {

        @ConductorWorker("total")
        int total(List<OrderLine> lines) {
            return lines.stream().mapToInt(OrderLine::quantity).sum();
        }

        @ConductorWorker("cheapest")
        String cheapest(Map<String, Item> items) {
            return items.entrySet().stream().min(Map.Entry.comparingByValue((a, b) -> a.price() - b.price())).get()
                    .getKey();
        }

        @ConductorWorker("nickname")
        String nickname(Optional<String> nickname) {
            return nickname.orElse("(none)");
        }

        @ConductorWorker("matrix")
        int matrix(List<List<Integer>> rows, int[] weights) {
            int sum = rows.stream().flatMap(List::stream).mapToInt(Integer::intValue).sum();
            return sum * weights[0] + weights[1];
        }
    }
}
