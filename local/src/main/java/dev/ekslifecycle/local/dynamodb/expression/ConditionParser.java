package dev.ekslifecycle.local.dynamodb.expression;

import dev.ekslifecycle.local.dynamodb.expression.Condition.Comparator;
import dev.ekslifecycle.local.dynamodb.expression.Token.Kind;
import dev.ekslifecycle.local.dynamodb.model.KeyOrder;
import dev.ekslifecycle.local.dynamodb.model.Value;
import dev.ekslifecycle.local.dynamodb.model.ValueType;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Parses condition, filter and key-condition expressions. Precedence from loosest: OR, AND, NOT, then
 * comparisons, BETWEEN, IN and functions; parentheses group.
 */
public final class ConditionParser {

    private static final Set<String> CONDITION_FUNCTIONS =
            Set.of("attribute_exists", "attribute_not_exists", "attribute_type", "begins_with", "contains");

    private final TokenStream in;

    private ConditionParser(TokenStream in) {
        this.in = in;
    }

    public static Condition parse(String text, ExpressionKind kind, ExpressionAttributes attributes) {
        ConditionParser parser = new ConditionParser(new TokenStream(text, kind, attributes));
        Condition c = parser.or();
        parser.in.expectEnd();
        return c;
    }

    private Condition or() {
        Condition c = and();
        while (in.acceptKeyword("OR")) {
            c = new Condition.Or(c, and());
        }
        return c;
    }

    private Condition and() {
        Condition c = not();
        while (in.acceptKeyword("AND")) {
            c = new Condition.And(c, not());
        }
        return c;
    }

    private Condition not() {
        if (in.acceptKeyword("NOT")) {
            return new Condition.Not(not());
        }
        return primary();
    }

    private Condition primary() {
        if (in.accept(Kind.LPAREN)) {
            Condition c = or();
            in.expect(Kind.RPAREN);
            return c;
        }
        Token t = in.peek();
        if (t.is(Kind.IDENTIFIER) && in.peek(1).is(Kind.LPAREN) && CONDITION_FUNCTIONS.contains(t.text())) {
            return function();
        }
        Operand left = operand();
        Token op = in.peek();
        if (op.isComparator()) {
            in.next();
            return new Condition.Compare(comparator(op), left, operand());
        }
        if (in.acceptKeyword("BETWEEN")) {
            Operand lower = operand();
            if (!in.acceptKeyword("AND")) {
                throw in.syntaxError();
            }
            return between(left, lower, operand());
        }
        if (in.acceptKeyword("IN")) {
            in.expect(Kind.LPAREN);
            List<Operand> candidates = new ArrayList<>();
            do {
                candidates.add(operand());
            } while (in.accept(Kind.COMMA));
            in.expect(Kind.RPAREN);
            return new Condition.In(left, candidates);
        }
        if (left instanceof Operand.Size) {
            throw in.kind().invalid(
                    "The function is not allowed to be used this way in an expression; function: size");
        }
        throw in.syntaxError();
    }

    private Condition between(Operand operand, Operand lower, Operand upper) {
        if (lower instanceof Operand.Literal lo && upper instanceof Operand.Literal hi) {
            Integer c = KeyOrder.compareScalars(lo.value(), hi.value());
            if (c != null && c > 0) {
                throw in.kind().invalid("The BETWEEN operator requires upper bound to be greater than or equal to "
                        + "lower bound; lower bound operand: AttributeValue: " + brief(lo.value())
                        + ", upper bound operand: AttributeValue: " + brief(hi.value()));
            }
        }
        return new Condition.Between(operand, lower, upper);
    }

    private static String brief(Value v) {
        return "{" + v.type() + ":" + (v instanceof Value.S s ? s.value()
                : v instanceof Value.N n ? n.value().toPlainString() : String.valueOf(v)) + "}";
    }

    private static Comparator comparator(Token op) {
        return switch (op.kind()) {
            case EQ -> Comparator.EQ;
            case NE -> Comparator.NE;
            case LT -> Comparator.LT;
            case LE -> Comparator.LE;
            case GT -> Comparator.GT;
            default -> Comparator.GE;
        };
    }

    private Condition function() {
        String name = in.next().text();
        in.expect(Kind.LPAREN);
        List<Operand> args = new ArrayList<>();
        do {
            args.add(operand());
        } while (in.accept(Kind.COMMA));
        in.expect(Kind.RPAREN);
        int expected = name.startsWith("attribute_") && !name.equals("attribute_type") ? 1 : 2;
        if (args.size() != expected) {
            throw in.kind().invalid("Incorrect number of operands for operator or function; operator or function: "
                    + name + ", number of operands: " + args.size());
        }
        if (!(args.get(0) instanceof Operand.Path path)) {
            if (name.startsWith("attribute_")) {
                throw in.kind().invalid(
                        "Operator or function requires a document path; operator or function: " + name);
            }
            return twoOperandFunction(name, args);
        }
        return switch (name) {
            case "attribute_exists" -> new Condition.AttributeExists(path.path(), true);
            case "attribute_not_exists" -> new Condition.AttributeExists(path.path(), false);
            case "attribute_type" -> attributeType(path.path(), args.get(1));
            default -> twoOperandFunction(name, args);
        };
    }

    private Condition twoOperandFunction(String name, List<Operand> args) {
        if (name.equals("begins_with")) {
            for (Operand arg : args) {
                if (arg instanceof Operand.Literal lit && lit.value().type() != ValueType.S
                        && lit.value().type() != ValueType.B) {
                    throw incorrectOperand(name, lit.value().type());
                }
            }
            return new Condition.BeginsWith(args.get(0), args.get(1));
        }
        return new Condition.Contains(args.get(0), args.get(1));
    }

    private Condition attributeType(DocumentPath path, Operand type) {
        if (!(type instanceof Operand.Literal lit)) {
            throw in.kind().invalid(
                    "Operator or function requires a value; operator or function: attribute_type");
        }
        if (!(lit.value() instanceof Value.S s)) {
            throw incorrectOperand("attribute_type", lit.value().type());
        }
        if (ValueType.fromCode(s.value()) == null) {
            throw in.kind().invalid("Invalid attribute type name found; type: " + s.value()
                    + ", valid types: {B,NULL,SS,BOOL,L,BS,N,NS,S,M}");
        }
        return new Condition.AttributeType(path, type);
    }

    private dev.ekslifecycle.local.dynamodb.model.DynamoDbException incorrectOperand(String function, ValueType t) {
        return in.kind().invalid("Incorrect operand type for operator or function; operator or function: "
                + function + ", operand type: " + t.name());
    }

    private Operand operand() {
        Token t = in.peek();
        if (t.is(Kind.VALUE_REF)) {
            return new Operand.Literal(in.value());
        }
        if (t.is(Kind.IDENTIFIER) && in.peek(1).is(Kind.LPAREN)) {
            String name = t.text();
            if (name.equals("size")) {
                in.next();
                in.next();
                DocumentPath path = in.path();
                in.expect(Kind.RPAREN);
                return new Operand.Size(path);
            }
            if (CONDITION_FUNCTIONS.contains(name)) {
                throw in.kind().invalid(
                        "The function is not allowed to be used this way in an expression; function: " + name);
            }
            throw in.kind().invalid("Invalid function name; function: " + name);
        }
        if (in.atPath()) {
            return new Operand.Path(in.path());
        }
        throw in.syntaxError();
    }
}
