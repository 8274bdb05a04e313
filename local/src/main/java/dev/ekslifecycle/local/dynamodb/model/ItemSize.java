package dev.ekslifecycle.local.dynamodb.model;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * Item sizes as DynamoDB counts them against its 400 KB item limit and 1 MB page limit: names and strings in
 * UTF-8 bytes, numbers about one byte per two significant digits plus one, three bytes plus one per element of
 * overhead for lists and maps.
 */
public final class ItemSize {

    /** 400 KB, the largest item DynamoDB stores. */
    public static final int MAX_ITEM_BYTES = 400 * 1024;

    private ItemSize() {
    }

    public static int of(Map<String, Value> item) {
        int size = 0;
        for (Map.Entry<String, Value> e : item.entrySet()) {
            size += utf8Length(e.getKey()) + of(e.getValue());
        }
        return size;
    }

    public static int of(Value value) {
        return switch (value.type()) {
            case S -> utf8Length(((Value.S) value).value());
            case N -> numberSize(((Value.N) value).value());
            case B -> ((Value.B) value).value().length();
            case BOOL, NULL -> 1;
            case L -> {
                List<Value> values = ((Value.L) value).values();
                int size = 3 + values.size();
                for (Value v : values) {
                    size += of(v);
                }
                yield size;
            }
            case M -> 3 + ((Value.M) value).values().size() + of(((Value.M) value).values());
            case SS -> ((Value.SS) value).values().stream().mapToInt(ItemSize::utf8Length).sum();
            case NS -> ((Value.NS) value).values().stream().mapToInt(ItemSize::numberSize).sum();
            case BS -> ((Value.BS) value).values().stream().mapToInt(Bytes::length).sum();
        };
    }

    public static int utf8Length(String s) {
        int n = s.length();
        int bytes = 0;
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                bytes++;
            } else if (c < 0x800) {
                bytes += 2;
            } else if (Character.isHighSurrogate(c)) {
                bytes += 4;
                i++;
            } else {
                bytes += 3;
            }
        }
        return bytes;
    }

    private static int numberSize(BigDecimal n) {
        return (n.precision() + 1) / 2 + 1;
    }
}
