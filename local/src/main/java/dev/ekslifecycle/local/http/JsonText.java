package dev.ekslifecycle.local.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;

/** The check services make on text a caller sends them to pass on as JSON (an Invoke payload, a target's Input). */
public final class JsonText {

    private static final ObjectMapper JSON = new ObjectMapper();

    private JsonText() {
    }

    /** True when {@code bytes} parse as JSON (UTF-8, or the UTF-16/32 Jackson detects). */
    public static boolean isValid(byte[] bytes) {
        try {
            JSON.readTree(bytes);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
