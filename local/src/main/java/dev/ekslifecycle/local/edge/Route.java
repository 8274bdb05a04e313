package dev.ekslifecycle.local.edge;

/**
 * Where an endpoint stands in the edge's routing order. Endpoints are asked in this order (and in the order they
 * were added within one route), so the cheap, unambiguous tests come first: reserved paths, then headers, then the
 * REST paths, then the form-encoded Query protocol that needs the body parsed.
 */
public enum Route {
    /** {@code /_local/...}: the control API. */
    CONTROL,
    /** {@code /k8s/<cluster>/...}: the emulated clusters' Kubernetes APIs. */
    KUBERNETES,
    /** {@code /2015-03-31/functions/...} and {@code /2019-09-25/functions/.../event-invoke-config}: Lambda. */
    LAMBDA,
    /**
     * JSON protocols chosen by {@code X-Amz-Target}: DynamoDB, Step Functions, EventBridge, SQS (whose endpoint also
     * takes SQS's Query protocol, chosen by the SigV4 service {@code sqs}).
     */
    TARGET_HEADER,
    /** restJson1 services chosen by path, such as EKS ({@code /clusters}, {@code /addons}). */
    REST_PATH,
    /** awsQuery and ec2 services chosen by {@code Action=} and the SigV4 scope: Auto Scaling, EC2. */
    QUERY
}
