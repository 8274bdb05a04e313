package dev.ekslifecycle.local.dynamodb.expression;

import dev.ekslifecycle.local.dynamodb.expression.Token.Kind;
import dev.ekslifecycle.local.dynamodb.model.Value;
import dev.ekslifecycle.local.dynamodb.model.ValueType;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Parses an update expression: SET, REMOVE, ADD and DELETE clauses, each at most once, in any order. */
public final class UpdateParser {

    private final TokenStream in;
    private final List<UpdateAction> actions = new ArrayList<>();

    private UpdateParser(TokenStream in) {
        this.in = in;
    }

    public static UpdateExpression parse(String text, ExpressionAttributes attributes) {
        UpdateParser parser = new UpdateParser(new TokenStream(text, ExpressionKind.UPDATE, attributes));
        parser.clauses();
        UpdateExpression update = new UpdateExpression(parser.actions);
        update.requireNoOverlap();
        return update;
    }

    private void clauses() {
        Set<String> seen = new HashSet<>();
        do {
            Token t = in.peek();
            String clause = t.kind() == Kind.IDENTIFIER ? t.text().toUpperCase(Locale.ROOT) : "";
            if (!Set.of("SET", "REMOVE", "ADD", "DELETE").contains(clause)) {
                throw in.syntaxError();
            }
            in.next();
            if (!seen.add(clause)) {
                throw in.kind().invalid("The \"" + clause + "\" section can only be used once in an update expression;");
            }
            do {
                actions.add(action(clause));
            } while (in.accept(Kind.COMMA));
        } while (!in.peek().is(Kind.EOF));
    }

    private UpdateAction action(String clause) {
        DocumentPath path = in.path();
        return switch (clause) {
            case "SET" -> {
                in.expect(Kind.EQ);
                yield new UpdateAction.Set(path, setValue());
            }
            case "REMOVE" -> new UpdateAction.Remove(path);
            case "ADD" -> new UpdateAction.Add(path, typedValue("ADD", true));
            default -> new UpdateAction.Delete(path, typedValue("DELETE", false));
        };
    }

    /** The value of ADD (a number or a set) or DELETE (a set). */
    private Value typedValue(String operator, boolean numberAllowed) {
        Value v = in.value();
        boolean ok = v.type().isSet() || (numberAllowed && v.type() == ValueType.N);
        if (!ok) {
            throw in.kind().invalid("Incorrect operand type for operator or function; operator: " + operator
                    + ", operand type: " + v.type().operandName());
        }
        return v;
    }

    private SetValue setValue() {
        SetValue left = setOperand();
        if (in.accept(Kind.PLUS)) {
            return new SetValue.Arithmetic(left, true, setOperand());
        }
        if (in.accept(Kind.MINUS)) {
            return new SetValue.Arithmetic(left, false, setOperand());
        }
        return left;
    }

    private SetValue setOperand() {
        Token t = in.peek();
        if (t.is(Kind.VALUE_REF)) {
            return new SetValue.Of(new Operand.Literal(in.value()));
        }
        if (t.is(Kind.IDENTIFIER) && in.peek(1).is(Kind.LPAREN)) {
            in.next();
            in.next();
            SetValue v = switch (t.text()) {
                case "if_not_exists" -> {
                    DocumentPath path = in.path();
                    in.expect(Kind.COMMA);
                    yield new SetValue.IfNotExists(path, setOperand());
                }
                case "list_append" -> {
                    SetValue first = setOperand();
                    in.expect(Kind.COMMA);
                    yield new SetValue.ListAppend(first, setOperand());
                }
                default -> throw in.kind().invalid("Invalid function name; function: " + t.text());
            };
            in.expect(Kind.RPAREN);
            return v;
        }
        if (in.atPath()) {
            return new SetValue.Of(new Operand.Path(in.path()));
        }
        throw in.syntaxError();
    }
}
