package dev.ekslifecycle.domain;

/** The rules of one Fargate profile: private subnets, one to five selectors of up to five labels each. */
final class FargateProfileRules {

    private static final int MAX_SELECTORS = 5;
    private static final int MAX_SELECTOR_LABELS = 5;

    private final Checks checks;
    private final SubnetFacts subnets;

    FargateProfileRules(Checks checks, SubnetFacts subnets) {
        this.checks = checks;
        this.subnets = subnets;
    }

    void check(FieldPath at, FargateProfileSpec profile) {
        checks.resourceName(at.field("name"), profile.name(), 100);
        checks.requiredRoleArn(at.field("podExecutionRoleArn"), profile.podExecutionRoleArn());
        checks.eachString(at.field("subnetIds"), profile.subnetIds(), (path, id) -> {
            checks.subnetId(path, id);
            subnets.find(id).filter(SubnetFacts.Subnet::publicSubnet)
                    .ifPresent(s -> checks.report(path, "must be a private subnet: Fargate pods get no public IP"));
        });
        checks.count(at.field("selectors"), profile.selectors(), 1, MAX_SELECTORS);
        checks.eachElement(at.field("selectors"), profile.selectors(), (path, selector) -> {
            if (checks.required(path.field("namespace"), selector.namespace())
                    && !KubernetesLabels.isNamespace(selector.namespace())) {
                checks.report(path.field("namespace"), "must be a Kubernetes namespace name: at most 63 lower-case"
                        + " letters, digits or '-', starting and ending with a letter or digit");
            }
            KubernetesLabels.check(checks, path.field("labels"), selector.labels(), MAX_SELECTOR_LABELS);
        });
    }
}
