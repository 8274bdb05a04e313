package dev.ekslifecycle.local.dynamodb.expression;

/** One token of an expression, with its place in the source text for error messages. */
record Token(Kind kind, String text, int start, int end) {

    enum Kind {
        IDENTIFIER, NAME_REF, VALUE_REF, NUMBER, LPAREN, RPAREN, LBRACKET, RBRACKET, COMMA, DOT,
        EQ, NE, LT, LE, GT, GE, PLUS, MINUS, EOF
    }

    boolean is(Kind k) {
        return kind == k;
    }

    /** True for an identifier spelling {@code keyword} in any case (expression keywords ignore case). */
    boolean isKeyword(String keyword) {
        return kind == Kind.IDENTIFIER && text.equalsIgnoreCase(keyword);
    }

    boolean isComparator() {
        return kind == Kind.EQ || kind == Kind.NE || kind == Kind.LT || kind == Kind.LE || kind == Kind.GT
                || kind == Kind.GE;
    }

    /** The token as DynamoDB quotes it in a syntax error. */
    String display() {
        return kind == Kind.EOF ? "<EOF>" : text;
    }
}
