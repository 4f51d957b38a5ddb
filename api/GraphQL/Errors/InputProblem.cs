using GraphQL.Types;

namespace Actors.Api.GraphQL.Errors;

/// <summary>
/// One wrong input value found by the GraphQL layer itself, worded like our own BAD_USER_INPUT
/// errors: the input path in <c>field</c>, and what would have been accepted (the enum's values as
/// the schema spells them, a date's format, the expected type or the input type's fields).
/// </summary>
internal sealed record InputProblem(string Field, string Message, IReadOnlyList<(string Key, string Value)> Parameters)
{
    public static InputProblem InvalidValue(string field, IGraphType? namedType)
    {
        var leaf = Leaf(field);
        return namedType switch
        {
            EnumerationGraphType enumeration => Of(
                field,
                $"{leaf} must be one of {AllowedValues(enumeration)}.",
                ("allowedValues", AllowedValues(enumeration))),
            DateScalar => Of(
                field,
                $"{leaf} must be a date written {DateScalar.Format}, e.g. {DateScalar.Example}.",
                ("expectedFormat", DateScalar.Format)),
            DateTimeScalar => Of(
                field,
                $"{leaf} must be a date and time with offset, e.g. {DateTimeScalar.Example}.",
                ("expectedFormat", DateTimeScalar.Format)),
            IInputObjectGraphType input => Of(
                field, $"{leaf} must be an object of type {input.Name}.", ("expectedType", input.Name)),
            { } other => Of(field, $"{leaf} must be a {other.Name}.", ("expectedType", other.Name)),
            null => Of(field, $"{leaf} has an invalid value."),
        };
    }

    public static InputProblem Required(string field) => Of(field, $"{Leaf(field)} is required.");

    public static InputProblem UnknownField(string owner, string name, IInputObjectGraphType type)
    {
        var fields = string.Join(", ", type.Fields.Select(f => f.Name));
        return Of(Join(owner, name), $"{name} is not a field of {type.Name}; its fields are {fields}.", ("allowedFields", fields));
    }

    public static string Join(string path, string name) => path.Length == 0 ? name : path + "." + name;

    public static string Index(string path, int index) => $"{path}[{index}]";

    private static InputProblem Of(string field, string message, params (string Key, string Value)[] parameters) =>
        new(field, message, [("field", field), .. parameters]);

    private static string AllowedValues(EnumerationGraphType enumeration) =>
        string.Join(", ", enumeration.Values.Select(v => v.Name));

    private static string Leaf(string field)
    {
        var name = field[(field.LastIndexOf('.') + 1)..];
        var bracket = name.IndexOf('[', StringComparison.Ordinal);
        return bracket < 0 ? name : name[..bracket];
    }
}
