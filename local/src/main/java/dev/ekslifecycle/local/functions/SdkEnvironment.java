package dev.ekslifecycle.local.functions;

import java.lang.reflect.Method;
import java.util.Map;

/**
 * Gives a function's environment to the AWS SDK v2 in its class loader. The SDK reads {@code AWS_REGION},
 * {@code AWS_ACCESS_KEY_ID}, {@code AWS_ENDPOINT_URL} and the rest through {@code SystemSettingUtils}, which
 * consults an override table before the process environment; every function has its own copy of the SDK classes,
 * so each table holds that function's variables and the SDK in each function sees its own environment.
 */
final class SdkEnvironment {

    private static final String OVERRIDES = "software.amazon.awssdk.utils.internal.SystemSettingUtilsTestBackdoor";

    private SdkEnvironment() {
    }

    /** Does nothing for a package without the AWS SDK. */
    static void apply(ClassLoader functionLoader, Map<String, String> environment)
            throws ReflectiveOperationException {
        Class<?> overrides;
        try {
            overrides = Class.forName(OVERRIDES, true, functionLoader);
        } catch (ClassNotFoundException noSdk) {
            return;
        }
        Method add = overrides.getMethod("addEnvironmentVariableOverride", String.class, String.class);
        for (Map.Entry<String, String> variable : environment.entrySet()) {
            add.invoke(null, variable.getKey(), variable.getValue());
        }
    }
}
