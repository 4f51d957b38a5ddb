namespace Actors.Api.Security;

/// <summary>
/// Bounds on one GraphQL document and on the work it asks for, checked before validation and
/// execution (configuration section <c>GraphQL:Limits</c>). A request over any bound is refused with
/// the bound's name and value; the defaults fit GraphiQL's introspection query and every query the
/// dashboards send, with room to spare.
/// </summary>
public sealed class GraphQLLimitsOptions
{
    public const string Section = "GraphQL:Limits";

    /// <summary>Characters of the query text.</summary>
    public int MaxQueryLength { get; set; } = 32 * 1024;

    /// <summary>Lexical tokens of the query text (names, punctuators, values), counted without parsing.</summary>
    public int MaxTokens { get; set; } = 5_000;

    /// <summary>Nesting of the syntax tree while parsing (selection sets, lists and objects in values).</summary>
    public int MaxSyntaxDepth { get; set; } = 200;

    /// <summary>Fields, fragment spreads and inline fragments written in the document.</summary>
    public int MaxSelections { get; set; } = 1_500;

    /// <summary>Aliased fields in the document.</summary>
    public int MaxAliases { get; set; } = 50;

    /// <summary>Directives used in the document.</summary>
    public int MaxDirectives { get; set; } = 50;

    /// <summary>Fragment definitions in the document.</summary>
    public int MaxFragments { get; set; } = 100;

    /// <summary>Variable definitions across the document's operations.</summary>
    public int MaxVariables { get; set; } = 50;

    /// <summary>Nested selection levels of the operation, fragments included.</summary>
    public int MaxDepth { get; set; } = 20;

    /// <summary>Cost budget of one operation for anonymous callers and citizens.</summary>
    public long MaxCost { get; set; } = 50_000;

    /// <summary>Cost budget of one operation for staff roles (agents, supervisors, analysts, ...).</summary>
    public long MaxStaffCost { get; set; } = 200_000;

    /// <summary>Items assumed for a paginated field called without <c>first</c>/<c>last</c> (the API's default page).</summary>
    public int DefaultPageSize { get; set; } = 20;

    /// <summary>Items assumed for a list field that takes no page size.</summary>
    public int ListSize { get; set; } = 10;

    /// <summary><c>__schema</c> fields one operation may select.</summary>
    public int MaxSchemaIntrospections { get; set; } = 1;
}
