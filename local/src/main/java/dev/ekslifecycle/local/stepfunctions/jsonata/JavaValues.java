package dev.ekslifecycle.local.stepfunctions.jsonata;

import com.dashjoin.jsonata.Jsonata;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ekslifecycle.local.stepfunctions.json.Json;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Converts between Jackson trees and the plain Java values (maps, lists, numbers) the JSONata library works on. */
final class JavaValues {

    private JavaValues() {
    }

    static Object fromJson(JsonNode node) {
        if (node == null || node.isMissingNode()) {
            return null;
        }
        return switch (node.getNodeType()) {
            case OBJECT -> {
                Map<String, Object> map = new LinkedHashMap<>();
                Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
                while (fields.hasNext()) {
                    Map.Entry<String, JsonNode> f = fields.next();
                    map.put(f.getKey(), fromJson(f.getValue()));
                }
                yield map;
            }
            case ARRAY -> {
                List<Object> list = new ArrayList<>(node.size());
                node.forEach(e -> list.add(fromJson(e)));
                yield list;
            }
            case STRING -> node.textValue();
            case BOOLEAN -> node.booleanValue();
            case NUMBER -> node.isIntegralNumber() && node.canConvertToLong() ? (Object) node.longValue()
                    : (Object) node.doubleValue();
            default -> Jsonata.NULL_VALUE;
        };
    }

    /** The JSON form of a JSONata result; null stays null (JSONata's "undefined"). */
    static JsonNode toJson(Object value) {
        if (value == null) {
            return null;
        }
        if (value == Jsonata.NULL_VALUE) {
            return Json.NODES.nullNode();
        }
        if (value instanceof Map<?, ?> map) {
            ObjectNode out = Json.object();
            map.forEach((k, v) -> {
                JsonNode converted = toJson(v);
                if (converted != null) {
                    out.set(String.valueOf(k), converted);
                }
            });
            return out;
        }
        if (value instanceof List<?> list) {
            ArrayNode out = Json.array();
            for (Object e : list) {
                JsonNode converted = toJson(e);
                if (converted != null) {
                    out.add(converted);
                }
            }
            return out;
        }
        if (value instanceof String s) {
            return Json.NODES.textNode(s);
        }
        if (value instanceof Boolean b) {
            return Json.NODES.booleanNode(b);
        }
        if (value instanceof Number n) {
            return number(n);
        }
        // a function value or anything else JSONata may return has no JSON form
        return Json.NODES.nullNode();
    }

    private static JsonNode number(Number n) {
        if (n instanceof Integer || n instanceof Long || n instanceof Short || n instanceof Byte) {
            return Json.integer(n.longValue());
        }
        double d = n.doubleValue();
        if (d == Math.rint(d) && !Double.isInfinite(d) && Math.abs(d) < 1e15) {
            return Json.integer((long) d);
        }
        return Json.NODES.numberNode(new BigDecimal(Double.toString(d)));
    }
}
