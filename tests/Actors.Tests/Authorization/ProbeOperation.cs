using System.Globalization;
using GraphQL.Types;

namespace Actors.Tests.Authorization;

/// <summary>
/// The smallest operation that calls one root field, built from the schema: its required arguments as variables with
/// plausible values (an input object with its required fields only), and <c>__typename</c> as the selection. The
/// values need only be well typed: a refused caller must be refused before any resolver reads them.
/// </summary>
public sealed record ProbeOperation(string Coordinate, string Kind, string Text, Dictionary<string, object?> Variables)
{
    public static ProbeOperation For(string kind, FieldType field)
    {
        ArgumentNullException.ThrowIfNull(field);
        var variables = new Dictionary<string, object?>();
        var definitions = new List<string>();
        var arguments = new List<string>();
        foreach (var argument in field.Arguments ?? [])
        {
            if (argument.ResolvedType is not NonNullGraphType || argument.DefaultValue is not null)
            {
                continue;
            }

            var variable = "v" + variables.Count.ToString(CultureInfo.InvariantCulture);
            variables[variable] = Value(argument.ResolvedType, argument.Name);
            definitions.Add($"${variable}: {Print(argument.ResolvedType)}");
            arguments.Add($"{argument.Name}: ${variable}");
        }

        var header = definitions.Count == 0 ? "" : $"({string.Join(", ", definitions)})";
        var call = arguments.Count == 0 ? field.Name : $"{field.Name}({string.Join(", ", arguments)})";
        var selection = Named(field.ResolvedType!) is IComplexGraphType or UnionGraphType ? " { __typename }" : "";
        var root = kind switch { "Query" => "query", "Mutation" => "mutation", _ => "subscription" };
        return new ProbeOperation($"{kind}.{field.Name}", kind, $"{root} Probe{header} {{ {call}{selection} }}", variables);
    }

    public override string ToString() => Coordinate;

    private static IGraphType Named(IGraphType type) => type switch
    {
        NonNullGraphType nonNull => Named(nonNull.ResolvedType!),
        ListGraphType list => Named(list.ResolvedType!),
        _ => type,
    };

    private static string Print(IGraphType type) => type switch
    {
        NonNullGraphType nonNull => Print(nonNull.ResolvedType!) + "!",
        ListGraphType list => "[" + Print(list.ResolvedType!) + "]",
        _ => type.Name,
    };

    private static object? Value(IGraphType type, string name) => type switch
    {
        NonNullGraphType nonNull => Value(nonNull.ResolvedType!, name),
        ListGraphType list => new List<object?> { Value(list.ResolvedType!, name) },
        EnumerationGraphType enumeration => enumeration.Values.First().Name,
        IInputObjectGraphType input => input.Fields
            .Where(f => f.ResolvedType is NonNullGraphType && f.DefaultValue is null)
            .ToDictionary(f => f.Name, f => Value(f.ResolvedType!, f.Name)),
        _ => Scalar(type.Name, name),
    };

    private static object Scalar(string scalar, string name) => scalar switch
    {
        "ID" when name.Contains("center", StringComparison.OrdinalIgnoreCase) => GlobalIds.Center(AuthorizationHost.Center),
        "ID" => GlobalIds.Of("CitizenRequest", Guid.NewGuid().ToString("N")),
        "Int" when name == "year" => 2026,
        "Int" => 1,
        "Long" => 1000L,
        "Float" or "Decimal" => 1.5,
        "Boolean" => true,
        "Date" => "2026-12-01",
        "DateTime" => "2026-12-01T09:00:00+01:00",
        _ => "probe",
    };
}
