using Actors.Api.GraphQL.Errors;
using Actors.Contracts.Errors;
using GraphQL;
using GraphQL.Types;

namespace Actors.Api.GraphQL;

/// <summary>
/// Declares a mutation the API.md way: <c>verbNoun(input: VerbNounInput!): VerbNounPayload!</c>, the
/// payload holding the changed object and <c>errors: [VerbNounError!]</c>, a union of the typed errors
/// this mutation can return.
/// </summary>
public static class MutationFields
{
    /// <summary>
    /// A mutation for a domain operation declared in Contracts: its name is the operation's and its
    /// error union is exactly the refusals the operation declares, so the grain and the schema
    /// cannot disagree on what the mutation may return.
    /// </summary>
    public static void AddMutation(
        this ObjectGraphType mutation,
        DomainErrorTypes errorTypes,
        DomainOperation operation,
        string description,
        IGraphType inputType,
        string valueField,
        string valueTypeName,
        Func<IResolveFieldContext, Task<object>> body)
    {
        ArgumentNullException.ThrowIfNull(operation);
        mutation.AddMutation(errorTypes, operation.Name, description, inputType, valueField, valueTypeName, operation.Refusals, body);
    }

    public static void AddMutation(
        this ObjectGraphType mutation,
        DomainErrorTypes errorTypes,
        string name,
        string description,
        IGraphType inputType,
        string valueField,
        string valueTypeName,
        IEnumerable<string> errorCodes,
        Func<IResolveFieldContext, Task<object>> body)
    {
        ArgumentNullException.ThrowIfNull(errorTypes);
        ArgumentNullException.ThrowIfNull(name);
        var typeName = char.ToUpperInvariant(name[0]) + name[1..];
        var union = errorTypes.Union(typeName, errorCodes);
        var payload = PayloadTypes.Build(typeName, valueField, new GraphQLTypeReference(valueTypeName), union,
            $"The {valueTypeName} after the change; null when errors are returned.");
        var field = mutation.Field(name, new NonNullGraphType(payload)).Description(description);
        field.FieldType.Arguments ??= new QueryArguments();
        field.FieldType.Arguments.Add(new QueryArgument(new NonNullGraphType(inputType)) { Name = "input" });
        field.ResolveAsync(async ctx => await PayloadTypes.Run(union, () => body(ctx)));
    }
}
