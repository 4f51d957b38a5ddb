using System.Text.Encodings.Web;
using Actors.Api.Centers;
using Actors.Api.Progress;
using Actors.Api.Funds;
using Actors.Api.GraphQL.Errors;
using Actors.Api.GraphQL.Relay;
using Actors.Api.Requests;
using Actors.Api.Scheduling;
using Actors.Api.Security;
using Actors.Api.Transport;
using GraphQL;
using GraphQL.Types;

namespace Actors.Api.GraphQL;

public static class GraphQLServiceExtensions
{
    /// <summary>The schema, its executor and its limits. Transports (HTTP, WebSocket) are mapped separately.</summary>
    public static WebApplicationBuilder AddActorsGraphQL(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<NodeResolvers>();
        builder.Services.AddSingleton<DomainErrorTypes>();
        builder.Services.AddScoped<CenterLookup>();
        builder.Services.AddSingleton<SlotFinder>();
        builder.Services.AddSingleton<RequestStatusHub>();
        var progress = ProgressOptions.From(builder.Configuration);
        builder.Services.AddSingleton(new ProgressAnswers(progress));
        builder.Services.AddSingleton(new ProgressResponses(progress));
        builder.Services.AddScoped<FundLookup>();
        builder.Services.AddScoped<RequestLookup>();

        // Depth, cost and introspection are bounded by GraphQLRequestGate before validation, not by
        // GraphQL for .NET's complexity analyzer, which walks a fragment again at every spread.
        builder.Services.AddGraphQLLimits(builder.Configuration);
        builder.Services.Configure<ValidatedDocumentsOptions>(builder.Configuration.GetSection(ValidatedDocumentsOptions.Section));
        builder.Services.AddSingleton<ValidatedDocuments>();
        builder.Services.AddGraphQL(graphql => graphql
            .AddSchema<ActorsSchema>()
            // Arabic and accented French as UTF-8, not \uXXXX (an Arabic name is then a third of the bytes and reads as
            // itself in a raw answer), and an offset's "+" as "+". The stricter encoders also escape < > & ' for JSON pasted
            // into an HTML page; these answers never are: they go out as JSON with nosniff and a CSP of 'none'
            // (SecurityHeaders), and a page that shows them parses them first, which undoes any escaping anyway.
            .AddSystemTextJson(json => json.Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping)
            .AddGraphTypes(typeof(ActorsSchema).Assembly)
            .AddErrorInfoProvider<ActorsErrorInfoProvider>()
            .AddUnhandledExceptionHandler(context =>
            {
                if (context.OriginalException is Contracts.Errors.DomainException domain)
                {
                    context.ErrorMessage = domain.Error.Message;
                    context.Exception = ApiErrors.From(domain.Error);
                    return;
                }

                var logger = context.Context?.RequestServices?.GetService<ILoggerFactory>()?.CreateLogger("Actors.GraphQL");
                if (ClusterUnavailability.Explains(context.OriginalException))
                {
                    // The client is told to try again; a stack trace per refused call would drown the log during a rollout.
                    logger?.LogWarning("{Field} answered SERVICE_UNAVAILABLE: {Error}",
                        context.FieldContext?.FieldDefinition.Name, context.OriginalException.Message);
                    var unavailable = ClusterUnavailability.Error();
                    context.ErrorMessage = unavailable.Message;
                    context.Exception = unavailable;
                    return;
                }

                logger?.LogError(context.OriginalException, "Unhandled error in a GraphQL resolver");
            })
            .ConfigureExecutionOptions(options =>
            {
                options.EnableMetrics = false;
                options.ThrowOnUnhandledException = false;
            }));
        return builder;
    }

    /// <summary>Builds the schema at startup, so that a schema error stops the host instead of the first request.</summary>
    public static WebApplication InitializeActorsSchema(this WebApplication app)
    {
        app.Services.GetRequiredService<ISchema>().Initialize();
        return app;
    }
}
