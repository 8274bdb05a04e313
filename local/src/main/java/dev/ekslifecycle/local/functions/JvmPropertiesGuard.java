package dev.ekslifecycle.local.functions;

import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Callable;
import java.util.concurrent.ForkJoinPool;
import java.util.logging.LogManager;

/**
 * Boots one function's application at a time and puts back the JVM's system properties afterwards. A Quarkus
 * application sets JVM-wide properties when it starts (the JUL log manager, the common pool's thread factory,
 * Netty settings) as if it owned the JVM; here it shares the JVM with the local cloud and other functions. The JUL
 * log manager and the common pool are created before any function starts, so those properties never take effect.
 */
final class JvmPropertiesGuard {

    private static final Object BOOT_LOCK = new Object();

    private JvmPropertiesGuard() {
    }

    static <T> T boot(Callable<T> start) throws Exception {
        LogManager.getLogManager();
        ForkJoinPool.commonPool();
        synchronized (BOOT_LOCK) {
            Properties before = (Properties) System.getProperties().clone();
            try {
                return start.call();
            } finally {
                restore(before);
            }
        }
    }

    private static void restore(Properties before) {
        for (String name : System.getProperties().stringPropertyNames()) {
            if (!before.containsKey(name)) {
                System.clearProperty(name);
            }
        }
        for (Map.Entry<Object, Object> e : before.entrySet()) {
            if (!e.getValue().equals(System.getProperties().get(e.getKey()))) {
                System.getProperties().put(e.getKey(), e.getValue());
            }
        }
    }
}
