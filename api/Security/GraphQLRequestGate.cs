using System.Globalization;
using Actors.Api.GraphQL;
using Actors.Contracts.Identity;
using GraphQL;
using GraphQL.Types;
using GraphQLParser;
using GraphQLParser.AST;
using GraphQLParser.Exceptions;
using Microsoft.Extensions.Options;

namespace Actors.Api.Security;

/// <summary>
/// Measures a request's document before GraphQL for .NET validates or runs it, cheapest check first:
/// the text's length, its tokens (a lexer pass that stops at the bound), the parse (with a bound on
/// nesting), the counts as written, then the operation's depth and cost. Each step is linear in the
/// text, so an oversized or costly request is refused in about the time it takes to read it.
/// </summary>
public sealed class GraphQLRequestGate(
    IOptions<GraphQLLimitsOptions> limitsOptions,
    IOptions<GraphQLExposureOptions> exposureOptions,
    IHostEnvironment environment)
{
    private readonly GraphQLLimitsOptions limits = limitsOptions.Value;

    public bool IntrospectionEnabled { get; } = exposureOptions.Value.IntrospectionEnabled(environment);

    public bool FieldSuggestionsEnabled { get; } = exposureOptions.Value.FieldSuggestionsEnabled(environment);

    /// <summary>
    /// The parsed document when the request is within every bound (null when the text does not parse:
    /// the executer then reports the syntax error as usual), or the refusal naming the bound.
    /// </summary>
    public (GraphQLDocument? Document, DocumentLimitError? Refusal) Check(
        string? query, string? operationName, Inputs? variables, GraphQLUserContext caller, ISchema schema)
    {
        if (query is null)
        {
            return (null, null);
        }

        if (query.Length > limits.MaxQueryLength)
        {
            return Refuse(GraphQLLimitCodes.DocumentTooLarge, nameof(limits.MaxQueryLength), limits.MaxQueryLength, query.Length, "characters");
        }

        if (CountTokens(query, limits.MaxTokens) > limits.MaxTokens)
        {
            return Refuse(GraphQLLimitCodes.DocumentTooLarge, nameof(limits.MaxTokens), limits.MaxTokens, null, "tokens");
        }

        GraphQLDocument document;
        try
        {
            document = Parser.Parse(query, new ParserOptions { Ignore = IgnoreOptions.Comments, MaxDepth = limits.MaxSyntaxDepth });
        }
        catch (GraphQLMaxDepthExceededException)
        {
            return Refuse(GraphQLLimitCodes.QueryTooComplex, nameof(limits.MaxSyntaxDepth), limits.MaxSyntaxDepth, null, "levels of syntax nesting");
        }
        catch (GraphQLSyntaxErrorException)
        {
            return (null, null);
        }

        var shape = DocumentShape.Of(document);
        if (Over(shape.Selections, limits.MaxSelections, nameof(limits.MaxSelections), "selections") is { } selections)
        {
            return (null, selections);
        }

        if (Over(shape.Aliases, limits.MaxAliases, nameof(limits.MaxAliases), "aliases") is { } aliases)
        {
            return (null, aliases);
        }

        if (Over(shape.Directives, limits.MaxDirectives, nameof(limits.MaxDirectives), "directives") is { } directives)
        {
            return (null, directives);
        }

        if (Over(shape.Fragments, limits.MaxFragments, nameof(limits.MaxFragments), "fragment definitions") is { } fragments)
        {
            return (null, fragments);
        }

        if (Over(shape.Variables, limits.MaxVariables, nameof(limits.MaxVariables), "variable definitions") is { } variableCount)
        {
            return (null, variableCount);
        }

        return CheckParsed(document, operationName, variables, caller, schema);
    }

    /// <summary>
    /// The checks that depend on the operation and its variables (introspection, depth, cost), for a document parsed
    /// already: a registered operation sent by hash (api/TrustedDocuments) comes here without being lexed or parsed again.
    /// </summary>
    public (GraphQLDocument? Document, DocumentLimitError? Refusal) CheckParsed(
        GraphQLDocument document, string? operationName, Inputs? variables, GraphQLUserContext caller, ISchema schema)
    {
        var figures = OperationCost.Of(schema, document, operationName, limits, variables);
        if (figures.Introspects && !IntrospectionEnabled)
        {
            return (null, new DocumentLimitError(
                GraphQLLimitCodes.IntrospectionDisabled, "Introspection", 0, null, "Introspection (__schema, __type) is turned off on this server."));
        }

        if (figures.Depth > limits.MaxDepth)
        {
            return Refuse(GraphQLLimitCodes.QueryTooComplex, nameof(limits.MaxDepth), limits.MaxDepth, figures.Depth, "levels of selection");
        }

        if (figures.SchemaFields > limits.MaxSchemaIntrospections)
        {
            return Refuse(
                GraphQLLimitCodes.QueryTooComplex, nameof(limits.MaxSchemaIntrospections), limits.MaxSchemaIntrospections, figures.SchemaFields, "__schema fields");
        }

        var budget = IsStaff(caller.Actor) ? limits.MaxStaffCost : limits.MaxCost;
        var budgetName = IsStaff(caller.Actor) ? nameof(limits.MaxStaffCost) : nameof(limits.MaxCost);
        if (figures.Cost > budget)
        {
            return (null, new DocumentLimitError(
                GraphQLLimitCodes.QueryTooCostly,
                budgetName,
                budget,
                figures.Cost,
                string.Create(CultureInfo.InvariantCulture, $"The operation costs {figures.Cost}, over the budget of {budget} ({budgetName}): ask for smaller pages or fewer nested lists.")));
        }

        return (document, null);
    }

    /// <summary>Counts tokens up to one past <paramref name="bound"/>, never further; a lexical error stops the count (the parser reports it).</summary>
    internal static int CountTokens(string query, int bound)
    {
        var source = new ROM(query.AsMemory());
        var count = 0;
        var position = 0;
        try
        {
            while (count <= bound)
            {
                var token = Lexer.Lex(source, position);
                if (token.Kind == TokenKind.EOF)
                {
                    break;
                }

                count++;
                position = token.End;
            }
        }
        catch (GraphQLSyntaxErrorException)
        {
            // Counted so far is all there is to count.
        }

        return count;
    }

    private static bool IsStaff(Actor? actor) => actor is { Role: not ActorRole.Citizen };

    private static DocumentLimitError? Over(int measured, int limit, string bound, string what) =>
        measured > limit ? Refuse(GraphQLLimitCodes.QueryTooComplex, bound, limit, measured, what).Refusal : null;

    private static (GraphQLDocument? Document, DocumentLimitError? Refusal) Refuse(string code, string bound, long limit, long? measured, string what)
    {
        var figure = measured is { } m ? string.Create(CultureInfo.InvariantCulture, $"{m} {what}") : "more " + what;
        var message = string.Create(CultureInfo.InvariantCulture, $"The document has {figure}; the limit is {limit} ({bound}).");
        return (null, new DocumentLimitError(code, bound, limit, measured, message));
    }
}
