package dev.ekslifecycle.local.dynamodb.model;

import java.math.BigDecimal;

/**
 * DynamoDB's number rules: up to 38 significant digits, magnitude between 1E-130 and 9.99...E+125, exact decimal
 * arithmetic. Numbers are kept without trailing zeros, so {@code 1.50} and {@code 1.5} are one number.
 */
public final class Numbers {

    private static final BigDecimal MAX = new BigDecimal("9.9999999999999999999999999999999999999E+125");
    private static final BigDecimal MIN = new BigDecimal("1E-130");

    private Numbers() {
    }

    /** Parses a number from the wire, checking DynamoDB's limits. */
    public static BigDecimal parse(String text) {
        BigDecimal n;
        try {
            n = new BigDecimal(text.trim());
        } catch (NumberFormatException e) {
            throw DynamoDbException.validation("A value provided cannot be converted into a number");
        }
        return checked(n);
    }

    /** Normalises {@code n} and checks it against DynamoDB's precision and range. */
    public static BigDecimal checked(BigDecimal n) {
        if (n.signum() == 0) {
            return BigDecimal.ZERO;
        }
        BigDecimal stripped = n.stripTrailingZeros();
        if (stripped.precision() > 38) {
            throw DynamoDbException.validation("Attempting to store more than 38 significant digits in a Number");
        }
        BigDecimal abs = stripped.abs();
        if (abs.compareTo(MAX) > 0) {
            throw DynamoDbException.validation(
                    "Number overflow. Attempting to store a number with magnitude larger than supported range");
        }
        if (abs.compareTo(MIN) < 0) {
            throw DynamoDbException.validation(
                    "Number underflow. Attempting to store a number with magnitude smaller than supported range");
        }
        return stripped;
    }

    /** The wire form: plain digits, no exponent, no trailing zeros. */
    public static String format(BigDecimal n) {
        return n.toPlainString();
    }
}
