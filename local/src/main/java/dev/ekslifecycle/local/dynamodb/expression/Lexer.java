package dev.ekslifecycle.local.dynamodb.expression;

import dev.ekslifecycle.local.dynamodb.expression.Token.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Splits the text of any DynamoDB expression into tokens; the grammar lives in the parsers. */
final class Lexer {

    /**
     * Clients send the same few expression texts over and over with different values, and tokens depend on the
     * text alone, so the token lists of recent texts are kept (placeholders are resolved later, per request). Texts
     * that fail to tokenize are not kept; past the bound the cache starts again empty.
     */
    private static final int CACHED_TEXTS = 1_024;
    private static final Map<String, List<Token>> CACHE = new ConcurrentHashMap<>();

    private Lexer() {
    }

    /** The tokens of {@code text}, ending with {@link Kind#EOF}; an immutable list. */
    static List<Token> tokens(String text, ExpressionKind kind) {
        List<Token> cached = CACHE.get(text);
        if (cached != null) {
            return cached;
        }
        List<Token> tokens = List.copyOf(tokenize(text, kind));
        if (CACHE.size() >= CACHED_TEXTS) {
            CACHE.clear();
        }
        CACHE.put(text, tokens);
        return tokens;
    }

    private static List<Token> tokenize(String text, ExpressionKind kind) {
        List<Token> tokens = new ArrayList<>();
        int i = 0;
        int n = text.length();
        while (i < n) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
                continue;
            }
            int start = i;
            Kind k;
            if (isNameStart(c)) {
                i = skipNameChars(text, i + 1);
                k = Kind.IDENTIFIER;
            } else if (c == '#' || c == ':') {
                i = skipNameChars(text, i + 1);
                if (i == start + 1) {
                    throw kind.syntaxError(String.valueOf(c), text.substring(start, Math.min(n, start + 2)));
                }
                k = c == '#' ? Kind.NAME_REF : Kind.VALUE_REF;
            } else if (Character.isDigit(c)) {
                while (i < n && Character.isDigit(text.charAt(i))) {
                    i++;
                }
                k = Kind.NUMBER;
            } else {
                k = symbol(text, i);
                if (k == null) {
                    throw kind.syntaxError(String.valueOf(c), nearText(text, tokens, start, start + 1));
                }
                i += (k == Kind.NE || k == Kind.LE || k == Kind.GE) ? 2 : 1;
            }
            tokens.add(new Token(k, text.substring(start, i), start, i));
        }
        tokens.add(new Token(Kind.EOF, "", n, n));
        return tokens;
    }

    private static String nearText(String text, List<Token> before, int start, int end) {
        int from = before.isEmpty() ? start : before.get(before.size() - 1).start();
        return text.substring(from, Math.min(text.length(), end));
    }

    private static boolean isNameStart(char c) {
        return Character.isLetter(c) || c == '_';
    }

    private static int skipNameChars(String text, int i) {
        while (i < text.length() && (Character.isLetterOrDigit(text.charAt(i)) || text.charAt(i) == '_')) {
            i++;
        }
        return i;
    }

    private static Kind symbol(String text, int i) {
        char c = text.charAt(i);
        char next = i + 1 < text.length() ? text.charAt(i + 1) : 0;
        return switch (c) {
            case '(' -> Kind.LPAREN;
            case ')' -> Kind.RPAREN;
            case '[' -> Kind.LBRACKET;
            case ']' -> Kind.RBRACKET;
            case ',' -> Kind.COMMA;
            case '.' -> Kind.DOT;
            case '=' -> Kind.EQ;
            case '+' -> Kind.PLUS;
            case '-' -> Kind.MINUS;
            case '<' -> next == '>' ? Kind.NE : next == '=' ? Kind.LE : Kind.LT;
            case '>' -> next == '=' ? Kind.GE : Kind.GT;
            default -> null;
        };
    }
}
