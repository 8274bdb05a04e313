package dev.ekslifecycle.tests.template;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The IAM actions a Lambda handler's code can call, found statically in {@code functions/src/main/java}.
 *
 * <p>From the {@code @Named} handler class it follows calls by method name: a call {@code x.name(...)},
 * {@code name(...)}, {@code new Name(...)} or {@code ::name} in a reached method reaches every method of that name
 * in the calling class and in the project classes the calling class refers to (by import, same package or fully
 * qualified name), where an interface stands for all classes that say {@code implements} it. A class's
 * constructors and field initialisers are reached with its first method (CDI, not our code, calls the constructors
 * of the beans a handler uses). The CDI wiring ({@code dev.ekslifecycle.wiring},
 * {@code dev.ekslifecycle.aws}) is not followed: it builds everything, so following it would reach everything.
 *
 * <p>In a reached method, a call on a variable or accessor whose declared type is an SDK client is an AWS call; its
 * action is the client's IAM prefix and the method name in PascalCase without a {@code Paginator} suffix. A
 * {@code transactWriteItems} call stands for the item actions of the {@code TransactWriteItem}s that method builds
 * ({@code put}, {@code update}, {@code delete}, {@code conditionCheck}), {@code transactGetItems} for GetItem.
 */
final class CodeCalls {

    private static final String ROOT_PACKAGE = "dev.ekslifecycle";
    private static final List<String> NOT_FOLLOWED = List.of("dev.ekslifecycle.wiring", "dev.ekslifecycle.aws");
    private static final Map<String, String> CLIENT_PREFIXES = Map.of("EksClient", "eks", "SfnClient", "states",
            "EventBridgeClient", "events", "DynamoDbClient", "dynamodb", "Ec2Client", "ec2");
    private static final Pattern CLIENT_DECLARATION = Pattern.compile(
            "\\b(" + String.join("|", CLIENT_PREFIXES.keySet()) + ")\\s+(\\w+)\\s*(\\(\\s*\\))?");
    private static final Pattern IMPORT = Pattern.compile("(?m)^import\\s+(" + ROOT_PACKAGE + "[\\w.]*)\\s*;");
    private static final Pattern QUALIFIED = Pattern.compile("\\b(" + ROOT_PACKAGE + "(?:\\.\\w+)+)");
    private static final Pattern IMPLEMENTS = Pattern.compile("\\bimplements\\s+([\\w.<>, ]+?)\\s*\\{");
    private static final Pattern CALLED = Pattern.compile("(?:\\b(\\w+)\\s*\\(|::\\s*(\\w+))");
    private static final Pattern TRANSACT_ITEM = Pattern.compile(
            "TransactWriteItem\\.builder\\(\\)\\s*\\.\\s*(put|update|delete|conditionCheck)\\s*\\(");
    private static final Map<String, String> TRANSACT_ITEM_ACTIONS = Map.of("put", "PutItem", "update", "UpdateItem",
            "delete", "DeleteItem", "conditionCheck", "ConditionCheckItem");

    private final Map<String, JavaSource> classes = new LinkedHashMap<>();
    /** Accessor method name (such as {@code client}) to the IAM prefix of the client it returns. */
    private final Map<String, String> clientAccessors = new LinkedHashMap<>();
    /** Per class, what {@link #referencedClasses} found, since the walk asks once per reached method. */
    private final Map<String, Set<String>> references = new HashMap<>();

    private CodeCalls() {
    }

    static CodeCalls read(Path sourceRoot) throws IOException {
        CodeCalls code = new CodeCalls();
        try (Stream<Path> files = Files.walk(sourceRoot)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
                JavaSource source = JavaSource.read(file);
                code.classes.put(source.qualifiedName(), source);
                Matcher declared = CLIENT_DECLARATION.matcher(source.text());
                while (declared.find()) {
                    if (declared.group(3) != null) {
                        code.clientAccessors.put(declared.group(2), CLIENT_PREFIXES.get(declared.group(1)));
                    }
                }
            }
        }
        return code;
    }

    /** The project class annotated {@code @Named("name")}. */
    String handlerClass(String name) {
        return classes.values().stream().filter(c -> c.text().contains("@Named(\"" + name + "\")"))
                .map(JavaSource::qualifiedName).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no @Named(\"" + name + "\") class"));
    }

    /** The IAM actions that the methods reachable from {@code handlerClass} call. */
    Set<String> actionsReachedFrom(String handlerClass) {
        Set<String> actions = new TreeSet<>();
        Set<String> seen = new HashSet<>();
        Deque<String[]> work = new ArrayDeque<>();
        JavaSource handler = classes.get(handlerClass);
        handler.methods().keySet().forEach(m -> work.add(new String[] {handlerClass, m}));
        while (!work.isEmpty()) {
            String[] next = work.poll();
            if (!seen.add(next[0] + "#" + next[1])) {
                continue;
            }
            JavaSource source = classes.get(next[0]);
            List<String> bodies = source.methods().getOrDefault(next[1], List.of());
            if (seen.add(next[0] + "#")) {
                // An instance whose method runs was constructed: reach the constructors and field initialisers.
                work.add(new String[] {next[0], source.simpleName()});
                bodies = Stream.concat(bodies.stream(), Stream.of(source.outside())).toList();
            }
            Set<String> reachable = references.computeIfAbsent(next[0], c -> referencedClasses(source));
            for (String body : bodies) {
                actions.addAll(sdkCalls(source, body));
                Matcher called = CALLED.matcher(body);
                while (called.find()) {
                    String name = called.group(1) != null ? called.group(1) : called.group(2);
                    reachable.stream().filter(c -> classes.get(c).methods().containsKey(name))
                            .forEach(c -> work.add(new String[] {c, name}));
                }
            }
        }
        return actions;
    }

    /** The class itself, the project classes it names, and the implementations of the interfaces among them. */
    private Set<String> referencedClasses(JavaSource source) {
        Set<String> candidates = new HashSet<>();
        Matcher imported = IMPORT.matcher(source.text());
        while (imported.find()) {
            candidates.add(imported.group(1));
        }
        Matcher qualified = QUALIFIED.matcher(source.outside() + String.join("", allBodies(source)));
        while (qualified.find()) {
            candidates.add(qualified.group(1));
        }
        classes.values().stream().filter(c -> c.packageName().equals(source.packageName()))
                .map(JavaSource::qualifiedName).forEach(candidates::add);
        Set<String> referenced = new HashSet<>();
        referenced.add(source.qualifiedName());
        for (String candidate : candidates) {
            JavaSource target = classes.get(candidate);
            if (target != null && !isWiring(target) && mentions(source, target.simpleName())) {
                referenced.add(candidate);
                referenced.addAll(implementations(target.simpleName()));
            }
        }
        return referenced;
    }

    private Set<String> implementations(String interfaceName) {
        Set<String> found = new HashSet<>();
        for (JavaSource c : classes.values()) {
            Matcher m = IMPLEMENTS.matcher(c.text());
            if (!isWiring(c) && m.find() && List.of(m.group(1).replaceAll("<[^>]*>", "").split("\\s*,\\s*"))
                    .contains(interfaceName)) {
                found.add(c.qualifiedName());
            }
        }
        return found;
    }

    /** Calls on a variable of a client type declared in this class, or on an accessor returning a client. */
    private Set<String> sdkCalls(JavaSource source, String body) {
        Map<String, String> receivers = new LinkedHashMap<>();
        Matcher declared = CLIENT_DECLARATION.matcher(source.text());
        while (declared.find()) {
            receivers.put("(?<![\\w.])(?:this\\s*\\.\\s*)?" + declared.group(2),
                    CLIENT_PREFIXES.get(declared.group(1)));
        }
        clientAccessors.forEach((name, prefix) -> receivers.put("\\." + name + "\\(\\s*\\)", prefix));
        Set<String> actions = new TreeSet<>();
        receivers.forEach((receiver, prefix) -> {
            Matcher call = Pattern.compile(receiver + "\\s*\\.\\s*(\\w+)\\s*\\(").matcher(body);
            while (call.find()) {
                actions.addAll(actions(prefix, call.group(1), body));
            }
        });
        return actions;
    }

    private static Set<String> actions(String prefix, String method, String body) {
        Set<String> actions = new TreeSet<>();
        if (method.equals("transactWriteItems")) {
            Matcher item = TRANSACT_ITEM.matcher(body);
            while (item.find()) {
                actions.add(prefix + ":" + TRANSACT_ITEM_ACTIONS.get(item.group(1)));
            }
        } else if (method.equals("transactGetItems")) {
            actions.add(prefix + ":GetItem");
        } else {
            String operation = method.replaceFirst("Paginator$", "");
            actions.add(prefix + ":" + Character.toUpperCase(operation.charAt(0)) + operation.substring(1));
        }
        return actions;
    }

    private static List<String> allBodies(JavaSource source) {
        return source.methods().values().stream().flatMap(List::stream).toList();
    }

    private static boolean mentions(JavaSource source, String simpleName) {
        return Pattern.compile("\\b" + Pattern.quote(simpleName) + "\\b").matcher(source.text()).find();
    }

    private static boolean isWiring(JavaSource source) {
        return NOT_FOLLOWED.stream().anyMatch(p -> source.packageName().equals(p)
                || source.packageName().startsWith(p + "."));
    }
}
