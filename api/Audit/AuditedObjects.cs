using System.Collections;
using System.Reflection;
using Actors.Contracts.Centers;
using Actors.Contracts.Interop.Exchanges;
using Actors.Contracts.Requests;
using GraphQL;
using GraphQL.Types;

namespace Actors.Api.Audit;

/// <summary>
/// How the trail names what an operation touched: the id the schema gives an object (its <c>id</c>, else its
/// <c>requestId</c>, <c>requestReference</c> or <c>code</c>: identifiers, never personal values), the ID-typed values of
/// a mutation's input, and the governorate an object belongs to (a supervisor's scope).
/// </summary>
internal static class AuditedObjects
{
    private static readonly string[] IdFields = ["id", "requestId", "requestReference", "code"];

    /// <summary>The identifier of <paramref name="source"/> as an object of <paramref name="type"/>, through the schema's own resolver.</summary>
    public static async ValueTask<string?> IdOf(IResolveFieldContext context, IGraphType? type, object? source)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (source is null || Unwrap(type) is not IComplexGraphType complex)
        {
            return null;
        }

        foreach (var name in IdFields)
        {
            if (complex.GetField(name) is { Resolver: { } resolver } field)
            {
                var resolved = await resolver.ResolveAsync(new ResolveFieldContext(context) { Source = source, FieldDefinition = field, ParentType = complex as IObjectGraphType ?? context.ParentType });
                return resolved?.ToString();
            }
        }

        return null;
    }

    /// <summary>The governorate an object of the domain belongs to, when it has one.</summary>
    public static string? GovernorateOf(object? source) => source switch
    {
        CitizenRequestView request => request.Governorate,
        ExchangeRecord exchange => exchange.Governorate,
        ServiceCenterView center => center.Profile.Governorate,
        _ => null,
    };

    /// <summary>The ID-typed values of an argument's value, walked with its input type (ids nested in input objects and lists included).</summary>
    public static void CollectInputIds(IGraphType? type, object? value, ICollection<string> into)
    {
        ArgumentNullException.ThrowIfNull(into);
        if (value is null)
        {
            return;
        }

        switch (type)
        {
            case NonNullGraphType nonNull:
                CollectInputIds(nonNull.ResolvedType, value, into);
                break;
            case ListGraphType list when value is IEnumerable items and not string:
                foreach (var item in items)
                {
                    CollectInputIds(list.ResolvedType, item, into);
                }

                break;
            case IdGraphType:
                into.Add(value.ToString() ?? "");
                break;
            case IInputObjectGraphType input:
                foreach (var field in input.Fields)
                {
                    if (HoldsIds(field.ResolvedType))
                    {
                        CollectInputIds(field.ResolvedType, Member(value, field.Name), into);
                    }
                }

                break;
        }
    }

    private static bool HoldsIds(IGraphType? type) => Unwrap(type) is IdGraphType or IInputObjectGraphType;

    private static IGraphType? Unwrap(IGraphType? type) => type switch
    {
        NonNullGraphType nonNull => Unwrap(nonNull.ResolvedType),
        ListGraphType list => Unwrap(list.ResolvedType),
        _ => type,
    };

    /// <summary>A field of a parsed input: a dictionary's entry, or the record's property of that name.</summary>
    private static object? Member(object value, string name) => value is IDictionary<string, object?> dictionary
        ? dictionary.TryGetValue(name, out var entry) ? entry : null
        : value.GetType().GetProperty(name, BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase)?.GetValue(value);
}
