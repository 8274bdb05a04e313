package dev.ekslifecycle.local.dynamodb;

import dev.ekslifecycle.local.clock.SimulationClock;
import java.nio.file.Path;

/** Runs a persistent LocalDynamoDb in a child JVM for {@link PersistenceTest}, which kills it with SIGKILL. */
public final class PersistenceChildMain {

    private PersistenceChildMain() {
    }

    public static void main(String[] args) throws Exception {
        LocalDynamoDb db = LocalDynamoDb.start(
                LocalDynamoDbConfig.inMemory(SimulationClock.real()).withDataDirectory(Path.of(args[0])));
        System.out.println("URL " + db.url());
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
