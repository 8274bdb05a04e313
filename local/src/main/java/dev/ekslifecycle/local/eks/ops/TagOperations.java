package dev.ekslifecycle.local.eks.ops;

import dev.ekslifecycle.local.eks.state.AccessEntryState;
import dev.ekslifecycle.local.eks.state.AddonState;
import dev.ekslifecycle.local.eks.state.FargateProfileState;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/** TagResource, UntagResource, ListTagsForResource on clusters, node groups, Fargate profiles, add-ons, entries. */
public final class TagOperations {

    private static final int MAX_TAGS = 50;

    private final EksContext ctx;

    public TagOperations(EksContext ctx) {
        this.ctx = ctx;
    }

    public Map<String, String> list(String arn) {
        return ctx.store().read(() -> tagged(arn).tags());
    }

    public void tag(String arn, Map<String, String> tags) {
        if (tags == null || tags.isEmpty()) {
            throw EksError.badRequest("tags must not be empty");
        }
        tags.forEach((key, value) -> {
            if (key.isEmpty() || key.length() > 128 || value == null || value.length() > 256) {
                throw EksError.badRequest("Tag keys have 1 to 128 characters and values at most 256");
            }
            if (key.toLowerCase(java.util.Locale.ROOT).startsWith("aws:")) {
                throw EksError.badRequest("Tag keys starting with aws: are reserved for AWS use");
            }
        });
        change(arn, current -> {
            Map<String, String> next = new LinkedHashMap<>(current);
            next.putAll(tags);
            if (next.size() > MAX_TAGS) {
                throw EksError.badRequest("A resource can have at most " + MAX_TAGS + " tags");
            }
            return next;
        });
    }

    public void untag(String arn, List<String> keys) {
        if (keys.isEmpty()) {
            throw EksError.badRequest("tagKeys must not be empty");
        }
        change(arn, current -> {
            Map<String, String> next = new LinkedHashMap<>(current);
            keys.forEach(next::remove);
            return next;
        });
    }

    private void change(String arn, UnaryOperator<Map<String, String>> edit) {
        ctx.store().write(after -> {
            Tagged target = tagged(arn);
            target.store().accept(edit.apply(target.tags()));
            return null;
        });
    }

    /** A taggable resource: its tags and how to store new ones. */
    private record Tagged(Map<String, String> tags, java.util.function.Consumer<Map<String, String>> store) {
    }

    /** The resource an ARN names, in the region the ARN names; inside a read or write. */
    private Tagged tagged(String arn) {
        String[] parts = arn.split(":", 6);
        if (parts.length < 6 || !parts[2].equals("eks")) {
            throw EksError.badRequest("Invalid resource ARN: " + arn);
        }
        String region = parts[3];
        String[] path = parts[5].split("/");
        String cluster = path.length > 1 ? path[1] : "";
        Optional<Tagged> found = switch (path[0]) {
            case "cluster" -> ctx.store().cluster(region, cluster).map(c -> new Tagged(c.cluster().tags(),
                    tags -> ctx.store().put(c.with(c.cluster().withTags(tags)))));
            case "nodegroup" -> ctx.store().nodegroups(region, cluster).stream()
                    .filter(n -> n.nodegroup().nodegroupArn().equals(arn)).findFirst()
                    .map(n -> new Tagged(n.nodegroup().tags(), tags -> ctx.store().put(
                            n.with(n.nodegroup().withTags(tags)))));
            case "fargateprofile" -> ctx.store().fargateProfiles(region, cluster).stream()
                    .filter(f -> f.profile().fargateProfileArn().equals(arn)).findFirst()
                    .map(f -> new Tagged(f.profile().tags(), tags -> ctx.store().put(
                            new FargateProfileState(region, f.profile().withTags(tags), f.dueAt()))));
            case "addon" -> ctx.store().addons(region, cluster).stream()
                    .filter(a -> a.addon().addonArn().equals(arn)).findFirst()
                    .map(a -> new Tagged(a.addon().tags(), tags -> ctx.store().put(
                            new AddonState(region, a.addon().withTags(tags), a.dueAt()))));
            case "access-entry" -> ctx.store().accessEntries(region, cluster).stream()
                    .filter(a -> a.entry().accessEntryArn().equals(arn)).findFirst()
                    .map(a -> new Tagged(a.entry().tags(), tags -> ctx.store().put(
                            new AccessEntryState(region, a.entry().withTags(tags), a.policies()))));
            default -> Optional.empty();
        };
        return found.orElseThrow(() -> EksError.tagTargetNotFound("Resource not found: " + arn));
    }
}
