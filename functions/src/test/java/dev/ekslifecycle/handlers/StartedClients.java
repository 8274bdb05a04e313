package dev.ekslifecycle.handlers;

import io.quarkus.arc.Arc;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.spi.Context;
import jakarta.enterprise.inject.spi.Bean;
import java.lang.reflect.Type;
import java.util.Map;
import java.util.TreeMap;
import software.amazon.awssdk.awscore.AwsClient;
import software.amazon.awssdk.core.SdkClient;

/** Which of the application's SDK clients exist so far, read from the CDI context without creating any. */
final class StartedClients {

    private StartedClients() {
    }

    /** Every SDK client of the application, by its service interface, and whether it has been built yet. */
    static Map<String, Boolean> built() {
        Context application = Arc.container().getActiveContext(ApplicationScoped.class);
        Map<String, Boolean> built = new TreeMap<>();
        for (Bean<?> bean : Arc.container().beanManager().getBeans(SdkClient.class)) {
            built.put(serviceInterface(bean), application.get(bean) != null);
        }
        return built;
    }

    private static String serviceInterface(Bean<?> bean) {
        return bean.getTypes().stream().filter(t -> t instanceof Class<?> c && c.isInterface()
                        && SdkClient.class.isAssignableFrom(c) && c != SdkClient.class && c != AwsClient.class)
                .map(Type::getTypeName).findFirst().orElse(bean.toString());
    }
}
