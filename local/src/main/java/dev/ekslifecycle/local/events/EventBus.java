package dev.ekslifecycle.local.events;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import software.amazon.event.ruler.Machine;

/**
 * One event bus: its rules, their targets, and an event-ruler {@link Machine} holding the patterns of its enabled
 * rules. Not thread-safe: {@link EventBridge} guards it.
 */
final class EventBus {

    private final String name;
    private final String arn;
    private final Map<String, Rule> rules = new TreeMap<>();
    private final Map<String, Map<String, Target>> targets = new TreeMap<>();
    private Machine machine = Machine.builder().build();

    EventBus(String name, String arn) {
        this.name = name;
        this.arn = arn;
    }

    String name() {
        return name;
    }

    String arn() {
        return arn;
    }

    Rule rule(String ruleName) {
        return rules.get(ruleName);
    }

    Collection<Rule> rules() {
        return rules.values();
    }

    void put(Rule rule) {
        rules.put(rule.name(), rule);
        targets.computeIfAbsent(rule.name(), n -> new LinkedHashMap<>());
        rebuildMachine();
    }

    void remove(String ruleName) {
        rules.remove(ruleName);
        targets.remove(ruleName);
        rebuildMachine();
    }

    /** The rule's targets by id, in the order they were first put; changes write through. */
    Map<String, Target> targets(String ruleName) {
        return targets.get(ruleName);
    }

    /** The enabled rules whose pattern matches {@code eventJson}, in name order. */
    List<Rule> matching(String eventJson) {
        List<String> names;
        try {
            names = machine.rulesForJSONEvent(eventJson);
        } catch (Exception e) {
            throw new IllegalArgumentException("event is not JSON: " + e.getMessage(), e);
        }
        List<Rule> matched = new ArrayList<>();
        for (String ruleName : new java.util.TreeSet<>(names)) {
            matched.add(rules.get(ruleName));
        }
        return matched;
    }

    /**
     * Rebuilding beats add/delete bookkeeping: deleteRule needs the exact pattern that was added, rules change
     * rarely and a bus holds few of them.
     */
    private void rebuildMachine() {
        Machine rebuilt = Machine.builder().build();
        for (Rule rule : rules.values()) {
            if (rule.enabled() && rule.eventPattern() != null) {
                try {
                    rebuilt.addRule(rule.name(), rule.eventPattern());
                } catch (IOException e) {
                    throw new UncheckedIOException("pattern was validated when the rule was put", e);
                }
            }
        }
        machine = rebuilt;
    }
}
