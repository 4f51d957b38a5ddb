using Actors.Api.Audit;
using Actors.Api.GraphQL;
using Actors.Api.GraphQL.Errors;
using Actors.Api.Progress;
using Actors.Api.Security;
using Actors.Api.TrustedDocuments;
using Actors.Telemetry;
using GraphQL;
using GraphQL.Transport;
using GraphQL.Types;
using GraphQL.Validation;
using GraphQLParser.AST;

namespace Actors.Api.Transport;

/// <summary>Runs one GraphQL operation the same way for both transports.</summary>
internal static class GraphQLExecution
{
    public static async Task<ExecutionResult> ExecuteAsync(
        GraphQLRequest request,
        GraphQLUserContext userContext,
        IServiceProvider services,
        IValidationRule? extraRule,
        CancellationToken cancellationToken,
        bool shareProgress = false)
    {
        var schema = services.GetRequiredService<ISchema>();
        var gate = services.GetRequiredService<GraphQLRequestGate>();

        // A registered operation sent by hash runs its stored, already parsed document; an ad-hoc document from a
        // caller the trusted-documents mode holds to registered operations is refused before it is even lexed.
        var trusted = services.GetRequiredService<TrustedDocumentsPolicy>().Decide(request, userContext);
        if (trusted.Refusal is not null)
        {
            return new ExecutionResult { Errors = [trusted.Refusal] };
        }

        request = trusted.Request ?? request;

        // Bounded before GraphQL for .NET validates anything: its validation rules are not all linear in the document.
        // A text seen and validated before skips only the checks of the text itself; those of the operation, its
        // variables and the caller run again (see ValidatedDocuments).
        var documents = services.GetService<ValidatedDocuments>();
        var kept = trusted.Operation is null && request.Query is not null ? documents?.Find(request.Query) : null;
        var validated = kept is not null || (trusted.Operation is { } known && documents?.IsValidated(known.Parsed) == true);
        var (document, refusal) = trusted.Operation is { } registered
            ? gate.CheckParsed(registered.Parsed, request.OperationName, request.Variables, userContext, schema)
            : kept is not null
                ? gate.CheckParsed(kept, request.OperationName, request.Variables, userContext, schema)
                : gate.Check(request.Query, request.OperationName, request.Variables, userContext, schema);
        if (refusal is not null)
        {
            ActorsMetrics.Rejected(refusal.Code ?? "", ActorsMetrics.ByRequestGate);
            return new ExecutionResult { Errors = [refusal] };
        }

        // Reports and long lists draw on a smaller budget, classified from the document the gate has just bounded.
        var expensive = services.GetRequiredService<RateLimitingExpensiveOperations>();
        if (document is not null && expensive.TryAcquire(userContext, schema, document, request.OperationName, request.Variables) is { } limited)
        {
            ActorsMetrics.Rejected(limited.Code ?? "", ActorsMetrics.ByExpensiveOperations);
            return new ExecutionResult { Errors = [limited] };
        }

        // The same progress question from the same scope within a moment gets the response rendered for the first asker.
        var shared = shareProgress && document is not null ? services.GetService<ProgressResponses>() : null;
        var sharedKey = shared?.KeyOf(document!, request.OperationName, request.Query ?? request.DocumentId, request.Variables, userContext);
        if (sharedKey is not null && shared!.Find(sharedKey) is { } rendered)
        {
            return new RenderedExecutionResult(rendered);
        }

        try
        {
            var (result, audited) = await ExecuteDocumentAsync(request, userContext, services, extraRule, document, validated, trusted.Operation is not null, cancellationToken);

            // A response that read a personal field is the asker's alone: each read of one is an entry in the audit trail.
            if (sharedKey is not null && !audited && result.Executed && result.Errors is not { Count: > 0 } && result.Extensions is not { Count: > 0 })
            {
                var body = await PrintAsync(services.GetRequiredService<IGraphQLTextSerializer>(), result, cancellationToken);
                shared!.Keep(sharedKey, body);
                sharedKey = null;
                return new RenderedExecutionResult(body);
            }

            return result;
        }
        finally
        {
            if (sharedKey is not null)
            {
                shared!.Abandon(sharedKey);
            }
        }
    }

    /// <summary>The operation executed, and whether it gathered audit steps (a mutation, a personal field read).</summary>
    private static async Task<(ExecutionResult Result, bool Audited)> ExecuteDocumentAsync(
        GraphQLRequest request,
        GraphQLUserContext userContext,
        IServiceProvider services,
        IValidationRule? extraRule,
        GraphQLDocument? document,
        bool validated,
        bool registered,
        CancellationToken cancellationToken)
    {
        var schema = services.GetRequiredService<ISchema>();
        var documents = services.GetService<ValidatedDocuments>();
        var executer = services.GetRequiredService<IDocumentExecuter<ISchema>>();
        var options = new ExecutionOptions
        {
            Query = request.Query,
            Document = document,
            DocumentId = request.DocumentId,
            OperationName = request.OperationName,
            Variables = request.Variables,
            Extensions = request.Extensions,
            UserContext = userContext,
            User = userContext.User,
            RequestServices = services,
            CancellationToken = cancellationToken,
        };

        // Rules registered through AddGraphQL (complexity, ...) are appended to this list by the executer. A validated
        // document is not validated again against the core rules (they depend on the document and the schema alone);
        // the transport's rule depends on the request (GET or POST), so it runs every time.
        if (validated)
        {
            // HTTP's rule is checked here on the selected operation: passed to the executer, it alone would make GraphQL for
            // .NET walk the whole document again (5 % of the API's CPU per mutation, docs/benchmarks.md). Refused, the
            // request ends as the rule's validation error ended it: nothing executed.
            if (extraRule is HttpOperationTypeRule transport && document is not null
                && HttpOperationTypeRule.Selected(document, request.OperationName) is { } operation)
            {
                if (transport.Check(document, operation) is { } refused)
                {
                    return (new ExecutionResult { Errors = [refused] }, false);
                }

                extraRule = null;
            }

            options.ValidationRules = extraRule is null ? Array.Empty<IValidationRule>() : new[] { extraRule };
        }
        else if (extraRule is not null)
        {
            options.ValidationRules = DocumentValidator.CoreRules.Append(extraRule);
        }

        // Every mutation executed and every personal field read is gathered while the operation runs, and stored before it is answered.
        var audit = AuditedOperation.Begin(userContext);
        var result = await executer.ExecuteAsync(options);
        if (!validated && result.Executed && document is not null && documents is not null)
        {
            documents.Remember(request.Query, document, registered);
        }

        // A schema without the audit's field middleware (a host of the transport alone) gathers no step and needs no recorder.
        if (audit.Steps.Count > 0
            && !await services.GetRequiredService<AuditRecorder>().TryRecordAsync(userContext.Actor, userContext.ClientAddress, audit.Steps))
        {
            return (new ExecutionResult { Errors = [AuditErrors.NotRecorded()] }, true);
        }

        // Input errors name the input path, as the resolvers' own BAD_USER_INPUT errors do.
        InputErrorExplainer.Explain(result, request.Query, request.OperationName, schema);
        if (!services.GetRequiredService<GraphQLRequestGate>().FieldSuggestionsEnabled)
        {
            FieldSuggestions.Remove(result);
        }

        return (result, audit.Steps.Count > 0);
    }

    private static async Task<byte[]> PrintAsync(IGraphQLTextSerializer serializer, ExecutionResult result, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        await serializer.WriteAsync(buffer, result, cancellationToken);
        return buffer.ToArray();
    }
}
