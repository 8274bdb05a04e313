package dev.ekslifecycle.local.dynamodb.expression;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The top-level attributes a condition reads, for DynamoDB's rule that a Query filter may not use key attributes. */
public final class ConditionAttributes {

    private ConditionAttributes() {
    }

    public static Set<String> of(Condition condition) {
        Set<String> out = new LinkedHashSet<>();
        collect(condition, out);
        return out;
    }

    private static void collect(Condition c, Set<String> out) {
        if (c instanceof Condition.Compare x) {
            operands(List.of(x.left(), x.right()), out);
        } else if (c instanceof Condition.Between x) {
            operands(List.of(x.operand(), x.lower(), x.upper()), out);
        } else if (c instanceof Condition.In x) {
            operands(List.of(x.operand()), out);
            operands(x.candidates(), out);
        } else if (c instanceof Condition.And x) {
            collect(x.left(), out);
            collect(x.right(), out);
        } else if (c instanceof Condition.Or x) {
            collect(x.left(), out);
            collect(x.right(), out);
        } else if (c instanceof Condition.Not x) {
            collect(x.condition(), out);
        } else if (c instanceof Condition.AttributeExists x) {
            out.add(x.path().attribute());
        } else if (c instanceof Condition.AttributeType x) {
            out.add(x.path().attribute());
        } else if (c instanceof Condition.BeginsWith x) {
            operands(List.of(x.operand(), x.prefix()), out);
        } else if (c instanceof Condition.Contains x) {
            operands(List.of(x.operand(), x.part()), out);
        }
    }

    private static void operands(List<Operand> operands, Set<String> out) {
        for (Operand o : operands) {
            if (o instanceof Operand.Path p) {
                out.add(p.path().attribute());
            } else if (o instanceof Operand.Size s) {
                out.add(s.path().attribute());
            }
        }
    }
}
