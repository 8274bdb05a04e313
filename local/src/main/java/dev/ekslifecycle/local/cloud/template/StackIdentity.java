package dev.ekslifecycle.local.cloud.template;

import dev.ekslifecycle.local.aws.LocalAccount;
import java.util.List;

/** The stack the template is deployed as: what the pseudo parameters and generated names are made of. */
public record StackIdentity(String stackName, String region, String accountId) {

    /** The local cloud's stack: account 000000000000 in us-east-1. */
    public static StackIdentity local(String stackName) {
        return new StackIdentity(stackName, LocalAccount.DEFAULT_REGION, LocalAccount.ACCOUNT_ID);
    }

    public String arn(String service, String resource) {
        return "arn:aws:" + service + ":" + region + ":" + accountId + ":" + resource;
    }

    /** An ARN of a global service such as IAM: no region. */
    public String globalArn(String service, String resource) {
        return "arn:aws:" + service + "::" + accountId + ":" + resource;
    }

    /**
     * The name CloudFormation makes up for a resource the template leaves unnamed: {@code <stack>-<logicalPart>},
     * cut to the resource type's longest name.
     */
    public String generatedName(String logicalPart, int maxLength) {
        String name = stackName + "-" + logicalPart;
        return name.length() > maxLength ? name.substring(0, maxLength) : name;
    }

    /** {@code Fn::GetAZs}: three zones a, b and c of the region. */
    public List<String> availabilityZones() {
        return List.of(region + "a", region + "b", region + "c");
    }
}
