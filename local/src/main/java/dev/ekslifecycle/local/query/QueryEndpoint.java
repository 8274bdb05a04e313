package dev.ekslifecycle.local.query;

import dev.ekslifecycle.local.aws.LocalAccount;
import dev.ekslifecycle.local.faults.FaultGate;
import dev.ekslifecycle.local.faults.FaultInjector;
import dev.ekslifecycle.local.faults.InjectedFault;
import dev.ekslifecycle.local.http.CredentialScope;
import dev.ekslifecycle.local.http.Endpoint;
import dev.ekslifecycle.local.http.Request;
import dev.ekslifecycle.local.http.Response;
import java.util.Optional;
import java.util.UUID;

/**
 * An endpoint speaking a query protocol (form-encoded {@code Action=} requests, XML answers): routes by the SigV4
 * service name or, for unsigned requests, by the API {@code Version}; consults the fault injector; turns a
 * {@link QueryError} into the protocol's error document. Subclasses serve the actions.
 */
public abstract class QueryEndpoint implements Endpoint {

    private final String signingName;
    private final String apiVersion;
    private final FaultGate faults;

    protected QueryEndpoint(String signingName, String apiVersion, FaultInjector injector) {
        this.signingName = signingName;
        this.apiVersion = apiVersion;
        this.faults = new FaultGate(injector, signingName);
    }

    @Override
    public String name() {
        return signingName;
    }

    @Override
    public boolean accepts(Request request) {
        return isCallTo(request, signingName, apiVersion);
    }

    /**
     * True when {@code request} is a query-protocol call (a form-encoded POST) to the service signing as
     * {@code signingName}, or, unsigned, naming its API {@code apiVersion}.
     */
    public static boolean isCallTo(Request request, String signingName, String apiVersion) {
        if (!"POST".equals(request.method()) || !"application/x-www-form-urlencoded".equals(request.contentType())) {
            return false;
        }
        Optional<CredentialScope> scope = request.credentialScope();
        if (scope.isPresent()) {
            return scope.get().service().equals(signingName);
        }
        return request.formParameters().getOrDefault("Version", java.util.List.of()).contains(apiVersion);
    }

    @Override
    public Response handle(Request request) {
        String requestId = UUID.randomUUID().toString();
        QueryParameters params = new QueryParameters(request.formParameters());
        String region = request.credentialScope().map(CredentialScope::region).orElse(LocalAccount.DEFAULT_REGION);
        try {
            Optional<InjectedFault> fault = faults.check(params.action(), resourceOf(params));
            if (fault.isPresent()) {
                InjectedFault f = fault.get();
                throw new QueryError(f.errorCode(), f.httpStatus(), f.messageOrDefault());
            }
            return Response.of(200, "text/xml", serve(params, region, requestId));
        } catch (QueryError e) {
            return Response.of(e.status(), "text/xml", errorDocument(e, requestId));
        }
    }

    /** Serves one action and returns the XML document; throws {@link QueryError} for AWS errors. */
    protected abstract String serve(QueryParameters params, String region, String requestId);

    /** The protocol's error document. */
    protected abstract String errorDocument(QueryError error, String requestId);

    /** The resource a fault rule may name for this call; "*" when the call names none. */
    protected abstract String resourceOf(QueryParameters params);

    /** The error for an action this endpoint does not serve. */
    protected static QueryError unknownAction(String action) {
        return new QueryError("InvalidAction", 400, "The action " + action + " is not valid for this web service.");
    }
}
