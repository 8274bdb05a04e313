package dev.ekslifecycle.local.cloud.template;

/**
 * What {@code Ref} and {@code Fn::GetAtt} on a resource give, which depends on the resource's type: a table's name
 * and ARN, a function's name and ARN, a state machine's ARN and name. The deployer knows the types; the resolver
 * only asks.
 */
public interface ResourceAttributes {

    /**
     * The value of {@code Ref} to {@code logicalId}.
     *
     * @throws TemplateException naming {@code location} when there is no such resource
     */
    Object ref(String logicalId, String location);

    /**
     * The value of {@code Fn::GetAtt [logicalId, attribute]}.
     *
     * @throws TemplateException naming {@code location} when there is no such resource or attribute
     */
    Object getAtt(String logicalId, String attribute, String location);
}
