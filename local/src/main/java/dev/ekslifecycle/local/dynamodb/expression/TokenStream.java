package dev.ekslifecycle.local.dynamodb.expression;

import dev.ekslifecycle.local.dynamodb.expression.Token.Kind;
import dev.ekslifecycle.local.dynamodb.model.DynamoDbException;
import dev.ekslifecycle.local.dynamodb.model.Value;
import java.util.ArrayList;
import java.util.List;

/**
 * The tokens of one expression and the pieces of grammar every expression kind shares: document paths,
 * value placeholders, syntax errors in DynamoDB's words.
 */
final class TokenStream {

    private final String text;
    private final List<Token> tokens;
    private final ExpressionKind kind;
    private final ExpressionAttributes attributes;
    private int pos;

    TokenStream(String text, ExpressionKind kind, ExpressionAttributes attributes) {
        if (text.isBlank()) {
            throw kind.invalid("The expression can not be empty;");
        }
        this.text = text;
        this.kind = kind;
        this.attributes = attributes;
        this.tokens = Lexer.tokens(text, kind);
    }

    ExpressionKind kind() {
        return kind;
    }

    Token peek() {
        return tokens.get(pos);
    }

    Token peek(int ahead) {
        return tokens.get(Math.min(pos + ahead, tokens.size() - 1));
    }

    Token next() {
        Token t = tokens.get(pos);
        if (t.kind() != Kind.EOF) {
            pos++;
        }
        return t;
    }

    boolean accept(Kind k) {
        if (peek().is(k)) {
            next();
            return true;
        }
        return false;
    }

    boolean acceptKeyword(String keyword) {
        if (peek().isKeyword(keyword)) {
            next();
            return true;
        }
        return false;
    }

    Token expect(Kind k) {
        if (!peek().is(k)) {
            throw syntaxError();
        }
        return next();
    }

    void expectEnd() {
        if (!peek().is(Kind.EOF)) {
            throw syntaxError();
        }
    }

    /** A syntax error at the current token, quoting the text around it as DynamoDB does. */
    DynamoDbException syntaxError() {
        Token t = peek();
        int from = pos > 0 ? tokens.get(pos - 1).start() : t.start();
        int to = t.is(Kind.EOF) ? t.end() : peek(1).end();
        return kind.syntaxError(t.display(), text.substring(from, to));
    }

    /** True when the current token can start a document path. */
    boolean atPath() {
        Token t = peek();
        return t.is(Kind.NAME_REF) || (t.is(Kind.IDENTIFIER) && !peek(1).is(Kind.LPAREN));
    }

    /** {@code name ( '.' name | '[' digits ']' )*} with placeholders resolved. */
    DocumentPath path() {
        List<Object> elements = new ArrayList<>();
        elements.add(pathName());
        while (true) {
            if (accept(Kind.DOT)) {
                elements.add(pathName());
            } else if (peek().is(Kind.LBRACKET)) {
                next();
                Token index = expect(Kind.NUMBER);
                expect(Kind.RBRACKET);
                elements.add(listIndex(index));
            } else {
                return new DocumentPath(elements);
            }
        }
    }

    private Integer listIndex(Token index) {
        try {
            return Integer.valueOf(index.text());
        } catch (NumberFormatException e) {
            throw kind.invalid("List index is not within the allowable range; index: [" + index.text() + "]");
        }
    }

    private String pathName() {
        Token t = peek();
        if (t.is(Kind.NAME_REF)) {
            next();
            return attributes.name(t.text(), kind);
        }
        if (!t.is(Kind.IDENTIFIER)) {
            throw syntaxError();
        }
        if (ReservedWords.isReserved(t.text())) {
            throw kind.invalid("Attribute name is a reserved keyword; reserved keyword: " + t.text());
        }
        next();
        return t.text();
    }

    /** A {@code :placeholder} resolved to its value. */
    Value value() {
        Token t = expect(Kind.VALUE_REF);
        return attributes.value(t.text(), kind);
    }
}
