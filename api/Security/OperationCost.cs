using System.Collections.Concurrent;
using System.Globalization;
using System.Runtime.CompilerServices;
using GraphQL;
using GraphQL.Types;
using GraphQLParser.AST;

namespace Actors.Api.Security;

/// <summary>
/// The static cost of an operation, before it runs. A field costs 1 plus its sub-selection times the
/// items it may return: a paginated field its <c>first</c>/<c>last</c> (the default page when absent),
/// another list <see cref="GraphQLLimitsOptions.ListSize"/>, the <c>nodes</c> and <c>edges</c> of a
/// connection 1 (their connection already counted the page). Each fragment is costed once, under its
/// own type condition, and the figure reused at every spread, so the walk is linear in the document
/// as written even when fragments spread each other many times.
/// </summary>
internal sealed class OperationCost
{
    private static readonly string[] PageSizeArguments = ["first", "last"];

    private readonly ISchema schema;
    private readonly GraphQLLimitsOptions limits;
    private readonly Inputs? variables;
    private readonly Dictionary<string, GraphQLFragmentDefinition> fragments = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SelectionFigures> costed = new(StringComparer.Ordinal);
    private readonly HashSet<string> costing = new(StringComparer.Ordinal);

    /// <summary>Whether a page size was read from the variables: such figures hold for this request only.</summary>
    private bool readsVariables;

    private static readonly ConditionalWeakTable<GraphQLDocument, ConcurrentDictionary<KnownKey, SelectionFigures>> Known = new();

    private OperationCost(ISchema schema, GraphQLDocument document, GraphQLLimitsOptions limits, Inputs? variables)
    {
        this.schema = schema;
        this.limits = limits;
        this.variables = variables;
        foreach (var fragment in document.Definitions.OfType<GraphQLFragmentDefinition>())
        {
            // A duplicate name is a validation error later; the first definition is as good as any meanwhile.
            fragments.TryAdd(fragment.FragmentName.Name.StringValue, fragment);
        }
    }

    /// <summary>The figures of the operation that would run: the named one, or the heaviest when the name does not pick one.</summary>
    public static SelectionFigures Of(
        ISchema schema, GraphQLDocument document, string? operationName, GraphQLLimitsOptions limits, Inputs? variables)
    {
        // A kept document (ValidatedDocuments, a registered operation) is the same instance at every request, and both the
        // request gate and the expensive operations' budget ask for its figures: walked once, unless a page size comes
        // from the variables.
        var known = Known.GetOrCreateValue(document);
        var key = new KnownKey(operationName ?? "", schema, limits);
        if (known.TryGetValue(key, out var figures))
        {
            return figures;
        }

        var walker = new OperationCost(schema, document, limits, variables);
        figures = walker.Walk(document, operationName);
        if (!walker.readsVariables)
        {
            known.TryAdd(key, figures);
        }

        return figures;
    }

    private SelectionFigures Walk(GraphQLDocument document, string? operationName)
    {
        var figures = SelectionFigures.None;
        foreach (var operation in OperationsToRun.Of(document, operationName))
        {
            var root = operation.Operation switch
            {
                OperationType.Mutation => schema.Mutation,
                OperationType.Subscription => schema.Subscription,
                _ => (IGraphType?)schema.Query,
            };
            var one = SelectionSet(operation.SelectionSet, root);
            figures = one.Cost >= figures.Cost ? one with { Depth = Math.Max(one.Depth, figures.Depth) } : figures with { Depth = Math.Max(one.Depth, figures.Depth) };
        }

        return figures;
    }

    private SelectionFigures SelectionSet(GraphQLSelectionSet? set, IGraphType? parent)
    {
        var figures = SelectionFigures.None;
        foreach (var selection in set?.Selections ?? [])
        {
            figures = figures.Beside(selection switch
            {
                GraphQLField field => Field(field, parent),
                GraphQLFragmentSpread spread => Fragment(spread.FragmentName.Name.StringValue),
                GraphQLInlineFragment inline => SelectionSet(inline.SelectionSet, TypeNamed(inline.TypeCondition) ?? parent),
                _ => SelectionFigures.None,
            });
        }

        return figures;
    }

    private SelectionFigures Field(GraphQLField field, IGraphType? parent)
    {
        var name = field.Name.StringValue;
        var definition = FieldOf(parent, name);
        var isSchema = name == "__schema";
        var introspects = isSchema || name == "__type";
        var type = definition?.ResolvedType;
        var below = SelectionSet(field.SelectionSet, Unwrap(type));
        var items = Items(field, definition, parent, type);
        return new SelectionFigures(
            SelectionFigures.Add(1, SelectionFigures.Multiply(items, below.Cost)),
            below.Depth + 1,
            SelectionFigures.Add(isSchema ? 1 : 0, SelectionFigures.Multiply(items, below.SchemaFields)),
            introspects || below.Introspects);
    }

    private SelectionFigures Fragment(string name)
    {
        if (costed.TryGetValue(name, out var known))
        {
            return known;
        }

        // An unknown or cyclic fragment is a validation error later; here it adds nothing.
        if (!fragments.TryGetValue(name, out var fragment) || !costing.Add(name))
        {
            return SelectionFigures.None;
        }

        var figures = SelectionSet(fragment.SelectionSet, TypeNamed(fragment.TypeCondition));
        costing.Remove(name);
        costed[name] = figures;
        return figures;
    }

    private long Items(GraphQLField field, FieldType? definition, IGraphType? parent, IGraphType? type)
    {
        if (definition?.Arguments is { } arguments && PageSizeArguments.Any(a => arguments.Find(a) is not null))
        {
            return PageSize(field, arguments) ?? limits.DefaultPageSize;
        }

        if ((type is NonNullGraphType nonNull ? nonNull.ResolvedType : type) is not ListGraphType)
        {
            return 1;
        }

        return parent?.Name.EndsWith("Connection", StringComparison.Ordinal) == true ? 1 : limits.ListSize;
    }

    /// <summary>The larger of first and last as written or passed in variables; null when neither is given.</summary>
    private long? PageSize(GraphQLField field, QueryArguments arguments)
    {
        long? size = null;
        foreach (var argument in field.Arguments?.Items ?? [])
        {
            var name = argument.Name.StringValue;
            if (!PageSizeArguments.Contains(name))
            {
                continue;
            }

            var value = argument.Value switch
            {
                GraphQLIntValue literal when long.TryParse(literal.Value.Span, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n) => n,
                GraphQLVariable variable when ReadVariable(variable, out var passed) => AsLong(passed),
                _ => (long?)null,
            };
            if (value is { } n2)
            {
                size = Math.Max(size ?? 0, Math.Max(0, n2));
            }
        }

        return size ?? AsLong(arguments.Find("first")?.DefaultValue);
    }

    private bool ReadVariable(GraphQLVariable variable, out object? value)
    {
        readsVariables = true;
        value = null;
        return variables?.TryGetValue(variable.Name.StringValue, out value) == true;
    }

    private static long? AsLong(object? value) => value switch
    {
        int i => i,
        long l => l,
        double d when d is >= long.MinValue and <= long.MaxValue => (long)d,
        decimal m when m is >= long.MinValue and <= long.MaxValue => (long)m,
        System.Numerics.BigInteger b when b >= long.MinValue && b <= long.MaxValue => (long)b,
        _ => null,
    };

    private FieldType? FieldOf(IGraphType? parent, string name)
    {
        if (name == "__typename")
        {
            return schema.TypeNameMetaFieldType;
        }

        if (ReferenceEquals(parent, schema.Query) && name == "__schema")
        {
            return schema.SchemaMetaFieldType;
        }

        if (ReferenceEquals(parent, schema.Query) && name == "__type")
        {
            return schema.TypeMetaFieldType;
        }

        return (parent as IComplexGraphType)?.GetField(name);
    }

    private IGraphType? TypeNamed(GraphQLTypeCondition? condition) =>
        condition is null ? null : schema.AllTypes[condition.Type.Name.StringValue];

    private static IGraphType? Unwrap(IGraphType? type)
    {
        while (type is NonNullGraphType or ListGraphType)
        {
            type = type is NonNullGraphType nonNull ? nonNull.ResolvedType : ((ListGraphType)type).ResolvedType;
        }

        return type;
    }

    /// <summary>The operation's name ("" for none), and the schema and limits its figures were walked with.</summary>
    private readonly record struct KnownKey(string OperationName, ISchema Schema, GraphQLLimitsOptions Limits);
}
