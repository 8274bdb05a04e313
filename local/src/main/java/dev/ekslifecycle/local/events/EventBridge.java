package dev.ekslifecycle.local.events;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ekslifecycle.local.aws.LocalAccount;
import dev.ekslifecycle.local.clock.SimulationClock;
import dev.ekslifecycle.local.files.PendingRecords;
import dev.ekslifecycle.local.lambda.AsyncInvocations;
import dev.ekslifecycle.local.sqs.QueueSender;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The local EventBridge of one region: buses, rules and targets; events matched with AWS's event-ruler and
 * delivered to their rules' targets on the clock's pool; scheduled rules fired on the clock. Other emulators put
 * their AWS service events here through {@link EventPublisher}.
 */
public final class EventBridge implements EventPublisher {

    static final int MAX_TARGETS_PER_RULE = 5;
    private static final Pattern RULE_NAME = Pattern.compile("[.\\-_A-Za-z0-9]{1,64}");
    private static final Pattern BUS_NAME = Pattern.compile("[/.\\-_A-Za-z0-9]{1,256}");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final SimulationClock clock;
    private final String region;
    private final Map<String, EventBus> buses = new TreeMap<>();
    private final EventLog log = new EventLog();
    private final TargetDelivery delivery;
    private final RuleSchedules schedules;

    /**
     * @param lambda how Lambda targets are invoked: asynchronously, as EventBridge invokes functions
     * @param pendingDirectory where each delivery is kept until its outcome is recorded, so that retries survive a
     *     restart (what a previous run left there is read now and resumed by {@link #resumeDeliveries}); empty
     *     keeps them in memory only
     * @throws java.io.UncheckedIOException naming the file when a saved delivery cannot be read
     */
    public EventBridge(SimulationClock clock, AsyncInvocations lambda, String region,
                       Optional<Path> pendingDirectory) {
        this.clock = clock;
        this.region = region;
        this.delivery = new TargetDelivery(lambda, clock, pendingDirectory.map(d -> PendingRecords.in(d,
                new TypeReference<PendingDelivery>() { }, "a pending EventBridge delivery"))
                .orElseGet(PendingRecords::inMemory));
        this.schedules = new RuleSchedules(clock, this::fireScheduled);
        buses.put(DEFAULT_BUS, new EventBus(DEFAULT_BUS, busArn(DEFAULT_BUS)));
    }

    public EventBridge(SimulationClock clock, AsyncInvocations lambda) {
        this(clock, lambda, LocalAccount.DEFAULT_REGION, Optional.empty());
    }

    /**
     * Schedules the deliveries a previous run left pending, each at its due time (at once when that passed while
     * the local cloud was stopped), with its attempt count and its ingestion time; their events are logged again,
     * so {@link #log()} shows their attempts from here on. Call it once the targets' functions are registered.
     */
    public void resumeDeliveries() {
        Map<String, List<PendingDelivery>> byEvent = new LinkedHashMap<>();
        delivery.takeSaved().stream().sorted(Comparator.comparing(PendingDelivery::ingested))
                .forEach(d -> byEvent.computeIfAbsent(d.event(), e -> new ArrayList<>()).add(d));
        byEvent.forEach((event, deliveries) -> {
            EventLog.LoggedEvent logged;
            try {
                logged = log.add(deliveries.get(0).busName(), (ObjectNode) JSON.readTree(event),
                        deliveries.stream().map(PendingDelivery::ruleName).distinct().toList());
            } catch (IOException | ClassCastException e) {
                throw new IllegalStateException("a saved delivery's event is not a JSON object: " + event, e);
            }
            deliveries.forEach(d -> delivery.resume(d, logged.deliveries()));
        });
    }

    /** Stops delivering: retries that fall due from now on stay saved for the next start. */
    public void close() {
        delivery.close();
    }

    /** Connects the Step Functions emulator, which state-machine targets start executions in. */
    public void connectStateMachines(StateMachineStarter starter) {
        delivery.connect(starter);
    }

    /** Connects SQS: queue targets and targets' dead-letter queues. */
    public void connectQueues(QueueSender queues) {
        delivery.connect(queues);
    }

    /**
     * Makes a scheduled rule stand in for an EventBridge Scheduler schedule (SAM's {@code ScheduleV2}): its dead
     * letters are the target's input with the Scheduler's attributes, naming {@code scheduleArn}.
     */
    public synchronized void actAsSchedule(String ruleName, String scheduleArn) throws EventsException {
        delivery.actAsSchedule(rule(bus(DEFAULT_BUS), ruleName).arn(), scheduleArn);
    }

    /** Every event that reached a bus, with its deliveries. */
    public EventLog log() {
        return log;
    }

    public String region() {
        return region;
    }

    // ---- buses

    /** A bus as the API describes it. */
    public record BusInfo(String name, String arn) {
    }

    public synchronized BusInfo createBus(String name) throws EventsException {
        if (name == null || !BUS_NAME.matcher(name).matches()) {
            throw EventsException.validation("Event bus name must match " + BUS_NAME.pattern() + ": " + name);
        }
        if (buses.containsKey(name)) {
            throw new EventsException("ResourceAlreadyExistsException", "Event bus " + name + " already exists.");
        }
        EventBus bus = new EventBus(name, busArn(name));
        buses.put(name, bus);
        return new BusInfo(name, bus.arn());
    }

    /** Deletes a bus and its rules; deleting a bus that does not exist succeeds, as on AWS. */
    public synchronized void deleteBus(String reference) throws EventsException {
        String name = busName(reference);
        if (DEFAULT_BUS.equals(name)) {
            throw EventsException.validation("Cannot delete event bus default.");
        }
        EventBus bus = buses.remove(name);
        if (bus != null) {
            bus.rules().forEach(r -> schedules.stop(r.arn()));
        }
    }

    public synchronized BusInfo describeBus(String reference) throws EventsException {
        EventBus bus = bus(reference);
        return new BusInfo(bus.name(), bus.arn());
    }

    public synchronized List<BusInfo> listBuses(String namePrefix) {
        return buses.values().stream()
                .filter(b -> namePrefix == null || b.name().startsWith(namePrefix))
                .map(b -> new BusInfo(b.name(), b.arn()))
                .toList();
    }

    // ---- rules

    /** What PutRule asks for; null fields are absent. */
    public record RuleDefinition(String busReference, String name, String eventPattern, String scheduleExpression,
                                 String state, String description, String roleArn) {
    }

    /** Creates or replaces a rule (its targets stay) and returns its ARN. */
    public synchronized String putRule(RuleDefinition definition) throws EventsException {
        EventBus bus = bus(definition.busReference());
        String name = definition.name();
        if (name == null || !RULE_NAME.matcher(name).matches()) {
            throw EventsException.validation("1 validation error detected: Value '" + name + "' at 'name' failed "
                    + "to satisfy constraint: Member must satisfy regular expression pattern: [\\.\\-_A-Za-z0-9]+");
        }
        if (definition.eventPattern() == null && definition.scheduleExpression() == null) {
            throw EventsException.validation("Parameter(s) EventPattern or ScheduleExpression must be specified.");
        }
        if (definition.eventPattern() != null) {
            EventPatterns.check(definition.eventPattern());
        }
        ScheduleExpression schedule = null;
        if (definition.scheduleExpression() != null) {
            if (!DEFAULT_BUS.equals(bus.name())) {
                throw EventsException.validation("ScheduleExpression is supported only on the default event bus.");
            }
            schedule = ScheduleExpression.parse(definition.scheduleExpression());
        }
        String state = definition.state() == null ? "ENABLED" : definition.state();
        if (!state.equals("ENABLED") && !state.equals("DISABLED")) {
            throw EventsException.validation("1 validation error detected: Value '" + state + "' at 'state' failed "
                    + "to satisfy constraint: Member must satisfy enum value set: [ENABLED, DISABLED]");
        }
        Rule rule = new Rule(name, bus.name(), ruleArn(bus.name(), name), definition.eventPattern(), schedule,
                definition.scheduleExpression(), state.equals("ENABLED"), definition.description(),
                definition.roleArn());
        bus.put(rule);
        schedules.update(rule);
        return rule.arn();
    }

    /** Deletes a rule without targets; deleting a rule that does not exist succeeds, as on AWS. */
    public synchronized void deleteRule(String busReference, String name) throws EventsException {
        EventBus bus = bus(busReference);
        Rule rule = bus.rule(name);
        if (rule == null) {
            return;
        }
        if (!bus.targets(name).isEmpty()) {
            throw EventsException.validation("Rule can't be deleted since it has targets.");
        }
        bus.remove(name);
        schedules.stop(rule.arn());
    }

    public synchronized Rule describeRule(String busReference, String name) throws EventsException {
        return rule(bus(busReference), name);
    }

    public synchronized List<Rule> listRules(String busReference, String namePrefix) throws EventsException {
        return bus(busReference).rules().stream()
                .filter(r -> namePrefix == null || r.name().startsWith(namePrefix))
                .toList();
    }

    public synchronized void setEnabled(String busReference, String name, boolean enabled) throws EventsException {
        EventBus bus = bus(busReference);
        Rule rule = rule(bus, name).withEnabled(enabled);
        bus.put(rule);
        schedules.update(rule);
    }

    // ---- targets

    /** Adds or replaces targets by id. */
    public synchronized void putTargets(String busReference, String ruleName, List<Target> targets)
            throws EventsException {
        EventBus bus = bus(busReference);
        rule(bus, ruleName);
        for (Target target : targets) {
            TargetValidation.check(target);
        }
        Map<String, Target> current = bus.targets(ruleName);
        long added = targets.stream().map(Target::id).distinct().filter(id -> !current.containsKey(id)).count();
        if (current.size() + added > MAX_TARGETS_PER_RULE) {
            throw new EventsException("LimitExceededException",
                    "The requested resource exceeds the maximum number allowed: a rule has at most "
                            + MAX_TARGETS_PER_RULE + " targets.");
        }
        targets.forEach(t -> current.put(t.id(), t));
    }

    /** Removes targets by id; ids the rule does not have are ignored. */
    public synchronized void removeTargets(String busReference, String ruleName, List<String> ids)
            throws EventsException {
        EventBus bus = bus(busReference);
        rule(bus, ruleName);
        ids.forEach(bus.targets(ruleName)::remove);
    }

    public synchronized List<Target> targets(String busReference, String ruleName) throws EventsException {
        EventBus bus = bus(busReference);
        rule(bus, ruleName);
        return List.copyOf(bus.targets(ruleName).values());
    }

    // ---- events

    /**
     * Puts a validated event on a bus and starts delivering it to the targets of every matching rule.
     *
     * @return the event id
     */
    public String put(String busReference, String source, String detailType, JsonNode detail,
                      List<String> resources, Instant time) throws EventsException {
        Instant ingested = clock.instant();
        ObjectNode event = envelope(source, detailType, time == null ? ingested : time, resources, detail);
        List<Delivery> work = new ArrayList<>();
        EventLog.LoggedEvent logged;
        synchronized (this) {
            EventBus bus = bus(busReference);
            List<Rule> matched = bus.matching(event.toString());
            for (Rule rule : matched) {
                bus.targets(rule.name()).values().forEach(t -> work.add(new Delivery(rule, t)));
            }
            logged = log.add(bus.name(), event, matched.stream().map(Rule::name).toList());
        }
        deliverAll(logged, work, ingested);
        return event.get("id").asText();
    }

    @Override
    public void publish(String busName, String source, String detailType, String detailJson, List<String> resources) {
        try {
            put(busName, source, detailType, JSON.readTree(detailJson), resources, null);
        } catch (EventsException e) {
            throw new IllegalArgumentException(e.code() + ": " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("detail of a published event is not JSON", e);
        }
    }

    /** A scheduled rule fired: its targets get an {@code aws.events} "Scheduled Event". */
    private void fireScheduled(Rule rule) {
        Instant now = clock.instant();
        ObjectNode event = envelope("aws.events", "Scheduled Event", now, List.of(rule.arn()),
                JSON.createObjectNode());
        List<Delivery> work = new ArrayList<>();
        EventLog.LoggedEvent logged;
        synchronized (this) {
            EventBus bus = buses.get(rule.busName());
            if (bus == null || bus.rule(rule.name()) == null) {
                return;
            }
            bus.targets(rule.name()).values().forEach(t -> work.add(new Delivery(rule, t)));
            logged = log.add(bus.name(), event, List.of(rule.name()));
        }
        deliverAll(logged, work, now);
    }

    private ObjectNode envelope(String source, String detailType, Instant time, List<String> resources,
                                JsonNode detail) {
        ObjectNode event = JSON.createObjectNode();
        event.put("version", "0");
        event.put("id", UUID.randomUUID().toString());
        event.put("detail-type", detailType);
        event.put("source", source);
        event.put("account", LocalAccount.ACCOUNT_ID);
        event.put("time", time.truncatedTo(ChronoUnit.SECONDS).toString());
        event.put("region", region);
        resources.forEach(event.putArray("resources")::add);
        event.set("detail", detail);
        return event;
    }

    /** Hands each delivery over, saved before the caller acknowledges the event. */
    private void deliverAll(EventLog.LoggedEvent logged, List<Delivery> work, Instant ingested) {
        String ingestionTime = ingested.toString();
        String event = logged.event().toString();
        for (Delivery d : work) {
            delivery.deliver(PendingDelivery.first(UUID.randomUUID().toString(), d.rule(), d.target(),
                    TargetInput.render(d.target(), d.rule(), logged.event(), ingestionTime), event, ingested),
                    logged.deliveries());
        }
    }

    private record Delivery(Rule rule, Target target) {
    }

    // ---- names

    private EventBus bus(String reference) throws EventsException {
        String name = busName(reference);
        EventBus bus = buses.get(name);
        if (bus == null) {
            throw EventsException.notFound("Event bus " + name + " does not exist.");
        }
        return bus;
    }

    private static Rule rule(EventBus bus, String name) throws EventsException {
        Rule rule = name == null ? null : bus.rule(name);
        if (rule == null) {
            throw EventsException.notFound("Rule " + name + " does not exist on EventBus " + bus.name() + ".");
        }
        return rule;
    }

    /** A bus name from a name or an ARN; absent means the default bus. */
    private static String busName(String reference) {
        if (reference == null || reference.isEmpty()) {
            return DEFAULT_BUS;
        }
        int slash = reference.indexOf(":event-bus/");
        return slash >= 0 ? reference.substring(slash + ":event-bus/".length()) : reference;
    }

    private String busArn(String name) {
        return "arn:aws:events:" + region + ":" + LocalAccount.ACCOUNT_ID + ":event-bus/" + name;
    }

    private String ruleArn(String busName, String ruleName) {
        String path = DEFAULT_BUS.equals(busName) ? ruleName : busName + "/" + ruleName;
        return "arn:aws:events:" + region + ":" + LocalAccount.ACCOUNT_ID + ":rule/" + path;
    }
}
