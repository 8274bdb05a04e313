package dev.ekslifecycle.local.stepfunctions;

import dev.ekslifecycle.local.aws.LocalAccount;

/** Names and ARNs of state machines and executions, with AWS's rules for names. */
final class Names {

    private static final String PREFIX = "arn:aws:states:" + LocalAccount.DEFAULT_REGION + ":"
            + LocalAccount.ACCOUNT_ID + ":";

    /** The ASCII characters a name may not hold: white space, control characters and AWS's punctuation list. */
    private static final boolean[] REFUSED_ASCII = new boolean[128];

    static {
        for (char c = 0; c < 128; c++) {
            REFUSED_ASCII[c] = Character.isWhitespace(c) || Character.isISOControl(c)
                    || "<>{}[]?*\"#%\\^|~`$&,;:/".indexOf(c) >= 0;
        }
    }

    private Names() {
    }

    static String stateMachineArn(String name) {
        return PREFIX + "stateMachine:" + name;
    }

    static String executionArn(StateMachine machine, String name) {
        return PREFIX + (machine.isExpress() ? "express:" : "execution:") + machine.name() + ":" + name;
    }

    /**
     * Checks a state machine or execution name: 1 to 80 characters, no white space, brackets, wildcards,
     * punctuation from AWS's list or control characters.
     */
    static void checkName(String name, String what) {
        if (name == null || name.isEmpty() || name.length() > 80) {
            throw new StepFunctionsException("InvalidName", "Invalid Name: '" + name + "' (" + what
                    + " names must be 1 to 80 characters long)");
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c < 128 ? REFUSED_ASCII[c] : Character.isWhitespace(c) || Character.isISOControl(c)) {
                throw new StepFunctionsException("InvalidName", "Invalid Name: '" + name + "'");
            }
        }
    }

    /** How many non-empty-ended fields {@code arn.split(":")} would give, without splitting. */
    private static int fields(String arn) {
        int end = arn.length();
        while (end > 0 && arn.charAt(end - 1) == ':') {
            end--;
        }
        int n = 1;
        for (int i = 0; i < end; i++) {
            if (arn.charAt(i) == ':') {
                n++;
            }
        }
        return n;
    }

    static void checkArn(String arn, String kind) {
        if (arn == null || !arn.startsWith("arn:aws:states:") || fields(arn) < 7) {
            throw new StepFunctionsException("InvalidArn", "Invalid Arn: '" + arn + "' is not a " + kind + " ARN");
        }
    }
}
