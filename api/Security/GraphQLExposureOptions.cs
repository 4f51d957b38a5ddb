namespace Actors.Api.Security;

/// <summary>
/// What the GraphQL endpoint reveals about itself (configuration section <c>GraphQL</c>): each switch
/// left unset takes its environment's default, open in Development and Testing, closed in Production.
/// </summary>
public sealed class GraphQLExposureOptions
{
    public const string Section = "GraphQL";

    /// <summary><c>__schema</c> and <c>__type</c> queries (<c>__typename</c> is always allowed).</summary>
    public bool? Introspection { get; set; }

    /// <summary>"Did you mean ...?" in validation messages, which would list the schema's names to a caller without introspection.</summary>
    public bool? FieldSuggestions { get; set; }

    /// <summary>The GraphiQL page at /graphiql.</summary>
    public bool? GraphiQL { get; set; }

    public bool IntrospectionEnabled(IHostEnvironment environment) => Introspection ?? !environment.IsProduction();

    public bool FieldSuggestionsEnabled(IHostEnvironment environment) => FieldSuggestions ?? !environment.IsProduction();

    public bool GraphiQLEnabled(IHostEnvironment environment) => GraphiQL ?? !environment.IsProduction();
}
