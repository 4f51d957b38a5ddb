using Actors.Api.Centers;
using Actors.Api.Funds;
using Actors.Api.GraphQL.Errors;
using Actors.Api.GraphQL.Relay;
using Actors.Api.Requests;
using Actors.Api.Scheduling;
using GraphQL;
using GraphQL.Types;
using GraphQL.Validation.Complexity;

namespace Actors.Api.GraphQL;

public static class GraphQLServiceExtensions
{
    public const int MaxDepth = 20;
    public const int MaxComplexity = 20_000;

    /// <summary>The schema, its executor and its limits. Transports (HTTP, WebSocket) are mapped separately.</summary>
    public static WebApplicationBuilder AddActorsGraphQL(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<NodeResolvers>();
        builder.Services.AddSingleton<DomainErrorTypes>();
        builder.Services.AddScoped<CenterLookup>();
        builder.Services.AddSingleton<SlotFinder>();
        builder.Services.AddScoped<FundLookup>();
        builder.Services.AddScoped<RequestLookup>();
        builder.Services.AddGraphQL(graphql => graphql
            .AddSchema<ActorsSchema>()
            .AddSystemTextJson()
            .AddGraphTypes(typeof(ActorsSchema).Assembly)
            .AddErrorInfoProvider<ActorsErrorInfoProvider>()
            .AddComplexityAnalyzer(complexity =>
            {
                complexity.MaxDepth = MaxDepth;
                complexity.MaxComplexity = MaxComplexity;
                complexity.ValidateComplexityDelegate = IntrospectionIsExemptFromComplexity;
            })
            .AddUnhandledExceptionHandler(context =>
            {
                if (context.OriginalException is Contracts.Errors.DomainException domain)
                {
                    context.ErrorMessage = domain.Error.Message;
                    context.Exception = ApiErrors.From(domain.Error);
                    return;
                }

                context.Context?.RequestServices?.GetService<ILoggerFactory>()?.CreateLogger("Actors.GraphQL")
                    .LogError(context.OriginalException, "Unhandled error in a GraphQL resolver");
            })
            .ConfigureExecutionOptions(options =>
            {
                options.EnableMetrics = false;
                options.ThrowOnUnhandledException = false;
            }));
        return builder;
    }

    /// <summary>
    /// GraphiQL's full introspection query weighs more than any sane data query; it reads in-memory
    /// type metadata only, so it is exempt from the complexity budget, never from the depth limit.
    /// </summary>
    private static Task IntrospectionIsExemptFromComplexity(ComplexityValidationContext context)
    {
        var selections = context.ValidationContext.Operation.SelectionSet.Selections;
        var introspectionOnly = selections.All(s => s is GraphQLParser.AST.GraphQLField field && field.Name.StringValue.StartsWith("__", StringComparison.Ordinal));
        if (introspectionOnly && context.MaxDepth <= MaxDepth)
        {
            context.Error = null;
        }

        return Task.CompletedTask;
    }

    /// <summary>Builds the schema at startup, so that a schema error stops the host instead of the first request.</summary>
    public static WebApplication InitializeActorsSchema(this WebApplication app)
    {
        app.Services.GetRequiredService<ISchema>().Initialize();
        return app;
    }
}
