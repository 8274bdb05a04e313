package dev.ekslifecycle.local.cloud;

import dev.ekslifecycle.local.apigateway.RestApi;
import dev.ekslifecycle.local.cloud.AwsJsonClient.AwsCallException;
import dev.ekslifecycle.local.cloud.SamEvents.EventTarget;
import dev.ekslifecycle.local.cloud.template.Intrinsics;
import dev.ekslifecycle.local.cloud.template.StackIdentity;
import dev.ekslifecycle.local.cloud.template.Template;
import dev.ekslifecycle.local.cloud.template.TemplateException;
import dev.ekslifecycle.local.cloud.template.TemplateResource;
import dev.ekslifecycle.local.edge.LocalEdge;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Deploys a template's resources onto the services of a running {@link LocalEdge}, the way CloudFormation would:
 * buses, then queues, then tables, then functions and state machines, then rules, then the events of functions and state
 * machines; the API definition is returned for the API port. Resources whose {@code Condition} is false are left
 * out; resources of the allow-list are resolved (so their intrinsics are checked) but have no local behaviour.
 */
final class StackDeployment {

    /** The deployment order of the types with local behaviour. */
    private static final List<ResourceType> ORDER = List.of(ResourceType.EVENT_BUS, ResourceType.QUEUE,
            ResourceType.TABLE, ResourceType.FUNCTION, ResourceType.STATE_MACHINE, ResourceType.PLAIN_STATE_MACHINE,
            ResourceType.RULE, ResourceType.API);

    private final Template template;
    private final StackResources resources;
    private final Intrinsics intrinsics;
    private final EventRules rules;
    private final SamEvents samEvents;
    private final TableDeployer tables;
    private final QueueDeployer queues;
    private final StateMachineDeployer machines;
    private final FunctionDeployer functions;
    private final ApiDefinition api;
    private final Map<EventTarget, ResourceProperties> withEvents = new LinkedHashMap<>();

    private StackDeployment(Template template, Map<String, String> parameters, StackIdentity stack,
                            Path templateDirectory, LocalEdge edge) {
        this.template = template;
        this.resources = new StackResources(template, stack);
        this.intrinsics = new Intrinsics(template, parameters, stack, resources);
        resources.resolveNamesWith(intrinsics);
        AwsJsonClient aws = new AwsJsonClient(edge.url(), stack.region());
        this.rules = new EventRules(aws);
        this.queues = new QueueDeployer(aws);
        this.samEvents = new SamEvents(rules, queues, stack, edge.events());
        this.tables = new TableDeployer(aws);
        this.machines = new StateMachineDeployer(aws, stack, templateDirectory);
        this.functions = new FunctionDeployer(edge.functions(), stack, templateDirectory, edge.url());
        this.api = new ApiDefinition(resources.physicalName(StackResources.IMPLICIT_API));
    }

    /** What deploying leaves running: the functions (closed with the local cloud) and the API to serve. */
    record Deployed(FunctionDeployer functions, RestApi api) {
    }

    /**
     * @throws TemplateException naming the resource (and property) that cannot be deployed; whatever was started
     *     for the functions is stopped again
     */
    static Deployed deploy(Template template, Map<String, String> parameters, StackIdentity stack,
                           Path templateDirectory, LocalEdge edge) {
        StackDeployment deployment = new StackDeployment(template, parameters, stack, templateDirectory, edge);
        try {
            return deployment.run();
        } catch (RuntimeException e) {
            deployment.functions.close();
            throw e;
        }
    }

    private Deployed run() {
        for (TemplateResource r : ordered()) {
            String id = r.logicalId();
            ResourceProperties p = new ResourceProperties("Resources." + id + ".Properties", intrinsics.properties(r));
            try {
                deployOne(id, resources.physicalName(id), p);
            } catch (AwsCallException e) {
                throw new TemplateException("Resources." + id, "could not be deployed: " + e.getMessage());
            }
        }
        withEvents.forEach((target, p) -> {
            try {
                api.add(samEvents.deploy(target, p.entries("Events")));
            } catch (AwsCallException e) {
                throw new TemplateException(p.location("Events"), "could not be deployed: " + e.getMessage());
            }
        });
        return new Deployed(functions, api.build());
    }

    private void deployOne(String id, String name, ResourceProperties p) {
        switch (resources.type(id)) {
            case EVENT_BUS -> rules.deployBus(name, p);
            case TABLE -> tables.deploy(name, p);
            case QUEUE -> queues.deploy(name, p);
            case FUNCTION -> withEvents.put(new EventTarget(id, functions.deploy(name, p), false, Optional.of(name)), p);
            case STATE_MACHINE -> withEvents.put(new EventTarget(id, machines.deploySam(id, name, p), true,
                    Optional.empty()), p);
            case PLAIN_STATE_MACHINE -> machines.deployPlain(name, p);
            case RULE -> rules.deployRule(name, p);
            case API -> api.declare(name, p);
            default -> {
                // the allow-list: accepted without local behaviour (docs/local-cloud.md)
            }
        }
    }

    /** The deployed resources in {@link #ORDER}, the allow-listed ones last, each group in template order. */
    private List<TemplateResource> ordered() {
        List<TemplateResource> deployed = new ArrayList<>();
        for (TemplateResource r : template.resources()) {
            if (intrinsics.deploys(r)) {
                deployed.add(r);
            }
        }
        deployed.sort(Comparator.comparingInt(r -> {
            int at = ORDER.indexOf(resources.type(r.logicalId()));
            return at < 0 ? ORDER.size() : at;
        }));
        return deployed;
    }
}
