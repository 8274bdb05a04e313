package dev.ekslifecycle.local.aws;

/** The identity every local service answers as. */
public final class LocalAccount {

    /** The account id in every ARN the local cloud makes. */
    public static final String ACCOUNT_ID = "000000000000";

    /** The region when a request names none. */
    public static final String DEFAULT_REGION = "us-east-1";

    private LocalAccount() {
    }
}
