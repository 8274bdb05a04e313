package dev.ekslifecycle.local.dynamodb.expression;

import dev.ekslifecycle.local.dynamodb.model.DynamoDbException;
import dev.ekslifecycle.local.dynamodb.model.Value;
import dev.ekslifecycle.local.dynamodb.model.ValueType;
import java.util.ArrayList;
import java.util.List;

/**
 * A Query's KeyConditionExpression: equality on the partition key and at most one condition on the sort key.
 * Parsed with the condition grammar, then checked against the key schema with DynamoDB's messages.
 */
public record KeyCondition(Value hashValue, SortKeyCondition sort) {

    /** The names and types of the keys being queried (of the table or of the index). */
    public record Keys(String hashName, ValueType hashType, String rangeName, ValueType rangeType) {
    }

    public static KeyCondition parse(String text, ExpressionAttributes attributes, Keys keys) {
        Condition parsed = ConditionParser.parse(text, ExpressionKind.KEY_CONDITION, attributes);
        List<Condition> parts = new ArrayList<>();
        flatten(parsed, parts);
        if (parts.size() > 2) {
            throw DynamoDbException.validation("KeyConditionExpressions must only contain one condition per key");
        }
        Value hash = null;
        SortKeyCondition sort = null;
        for (Condition part : parts) {
            Term term = term(part);
            if (term.attribute.equals(keys.hashName()) && hash == null) {
                if (term.op != SortKeyCondition.Op.EQ) {
                    throw DynamoDbException.validation("Query key condition not supported");
                }
                hash = checkType(term.first, keys.hashType());
            } else if (term.attribute.equals(keys.rangeName()) && sort == null) {
                checkType(term.first, keys.rangeType());
                if (term.second != null) {
                    checkType(term.second, keys.rangeType());
                }
                if (term.op == SortKeyCondition.Op.BEGINS_WITH && keys.rangeType() == ValueType.N) {
                    throw ExpressionKind.KEY_CONDITION.invalid("Incorrect operand type for operator or function; "
                            + "operator or function: begins_with, operand type: N");
                }
                sort = new SortKeyCondition(term.op, term.first, term.second);
            } else if (keys.rangeName() != null && !term.attribute.equals(keys.hashName())) {
                throw DynamoDbException.validation("Query condition missed key schema element: " + keys.rangeName());
            } else {
                throw DynamoDbException.validation("Query key condition not supported");
            }
        }
        if (hash == null) {
            throw DynamoDbException.validation("Query condition missed key schema element: " + keys.hashName());
        }
        return new KeyCondition(hash, sort);
    }

    private static void flatten(Condition c, List<Condition> out) {
        if (c instanceof Condition.And and) {
            flatten(and.left(), out);
            flatten(and.right(), out);
        } else if (c instanceof Condition.Or) {
            throw invalidOperator("OR");
        } else if (c instanceof Condition.Not) {
            throw invalidOperator("NOT");
        } else if (c instanceof Condition.In) {
            throw invalidOperator("IN");
        } else {
            out.add(c);
        }
    }

    private static DynamoDbException invalidOperator(String op) {
        return DynamoDbException.validation("Invalid operator used in KeyConditionExpression: " + op);
    }

    private record Term(String attribute, SortKeyCondition.Op op, Value first, Value second) {
    }

    private static Term term(Condition c) {
        if (c instanceof Condition.Compare cmp && cmp.left() instanceof Operand.Path p
                && cmp.right() instanceof Operand.Literal v) {
            return new Term(topLevel(p.path()), op(cmp.comparator()), v.value(), null);
        }
        if (c instanceof Condition.Between b && b.operand() instanceof Operand.Path p
                && b.lower() instanceof Operand.Literal lo && b.upper() instanceof Operand.Literal hi) {
            return new Term(topLevel(p.path()), SortKeyCondition.Op.BETWEEN, lo.value(), hi.value());
        }
        if (c instanceof Condition.BeginsWith bw && bw.operand() instanceof Operand.Path p
                && bw.prefix() instanceof Operand.Literal v) {
            return new Term(topLevel(p.path()), SortKeyCondition.Op.BEGINS_WITH, v.value(), null);
        }
        if (c instanceof Condition.AttributeExists e) {
            throw invalidFunction(e.exists() ? "attribute_exists" : "attribute_not_exists");
        }
        if (c instanceof Condition.AttributeType) {
            throw invalidFunction("attribute_type");
        }
        if (c instanceof Condition.Contains) {
            throw invalidFunction("contains");
        }
        throw DynamoDbException.validation("Query key condition not supported");
    }

    private static DynamoDbException invalidFunction(String name) {
        return ExpressionKind.KEY_CONDITION.invalid("Invalid function name; function: " + name);
    }

    private static SortKeyCondition.Op op(Condition.Comparator c) {
        return switch (c) {
            case EQ -> SortKeyCondition.Op.EQ;
            case LT -> SortKeyCondition.Op.LT;
            case LE -> SortKeyCondition.Op.LE;
            case GT -> SortKeyCondition.Op.GT;
            case GE -> SortKeyCondition.Op.GE;
            case NE -> throw ExpressionKind.KEY_CONDITION.invalid(
                    "Unsupported operator in KeyConditionExpression: <>");
        };
    }

    private static String topLevel(DocumentPath path) {
        if (path.size() != 1) {
            throw DynamoDbException.validation("Query key condition not supported");
        }
        return path.attribute();
    }

    private static Value checkType(Value v, ValueType expected) {
        if (v.type() != expected) {
            throw DynamoDbException.validation(
                    "One or more parameter values were invalid: Condition parameter type does not match schema type");
        }
        return v;
    }
}
