using GraphQL;
using GraphQL.Types;
using GraphQLParser.AST;

namespace Actors.Api.GraphQL.Errors;

/// <summary>
/// Walks the arguments of one operation against the schema: reports each wrong literal value at its
/// input path (GraphQL.NET reports a whole argument in one message) and notes where each variable
/// is used, so that a variable's error can be named by the argument it feeds.
/// </summary>
internal sealed class InputLiteralChecker(ISchema schema, GraphQLDocument document)
{
    private readonly HashSet<string> visitedFragments = new(StringComparer.Ordinal);

    public List<(InputProblem Problem, ASTNode Node)> Problems { get; } = [];

    /// <summary>Variable name → input path of its first use, e.g. <c>in</c> → <c>input</c>.</summary>
    public Dictionary<string, string> VariableUses { get; } = new(StringComparer.Ordinal);

    public void Check(GraphQLOperationDefinition operation)
    {
        IGraphType? root = operation.Operation switch
        {
            OperationType.Mutation => schema.Mutation,
            OperationType.Subscription => schema.Subscription,
            _ => schema.Query,
        };
        Walk(operation.SelectionSet, root);
    }

    private void Walk(GraphQLSelectionSet? selections, IGraphType? parent)
    {
        foreach (var selection in selections?.Selections ?? [])
        {
            switch (selection)
            {
                case GraphQLField field when parent is IComplexGraphType complex && complex.GetField(field.Name) is { } definition:
                    foreach (var argument in field.Arguments?.Items ?? [])
                    {
                        if (definition.Arguments?.Find(argument.Name.StringValue) is { } known)
                        {
                            CheckValue(argument.Value, known.ResolvedType, argument.Name.StringValue);
                        }
                    }

                    Walk(field.SelectionSet, definition.ResolvedType?.GetNamedType());
                    break;
                case GraphQLInlineFragment inline:
                    Walk(inline.SelectionSet, inline.TypeCondition is { } condition ? schema.AllTypes[condition.Type.Name] : parent);
                    break;
                case GraphQLFragmentSpread spread when visitedFragments.Add(spread.FragmentName.Name.StringValue):
                    var fragment = document.Definitions.OfType<GraphQLFragmentDefinition>()
                        .FirstOrDefault(f => f.FragmentName.Name == spread.FragmentName.Name);
                    if (fragment is not null)
                    {
                        Walk(fragment.SelectionSet, schema.AllTypes[fragment.TypeCondition.Type.Name]);
                    }

                    break;
            }
        }
    }

    private void CheckValue(GraphQLValue value, IGraphType? type, string path)
    {
        if (value is GraphQLVariable variable)
        {
            VariableUses.TryAdd(variable.Name.StringValue, path);
            return;
        }

        if (type is NonNullGraphType nonNull)
        {
            if (value is GraphQLNullValue)
            {
                Problems.Add((InputProblem.Required(path), value));
                return;
            }

            type = nonNull.ResolvedType;
        }

        switch (value, type)
        {
            case (GraphQLNullValue, _):
                return;
            case (GraphQLListValue list, ListGraphType listType):
                for (var i = 0; i < (list.Values?.Count ?? 0); i++)
                {
                    CheckValue(list.Values![i], listType.ResolvedType, InputProblem.Index(path, i));
                }

                return;
            case (_, ListGraphType single):
                // Input coercion accepts one item where a list is expected.
                CheckValue(value, single.ResolvedType, path);
                return;
            case (GraphQLObjectValue objectValue, IInputObjectGraphType input):
                CheckObject(objectValue, input, path);
                return;
            case (_, EnumerationGraphType enumeration)
                when value is not GraphQLEnumValue named || enumeration.Values.FindByName(named.Name) is null:
            case (_, IInputObjectGraphType):
            case (_, ScalarGraphType scalar) when !scalar.CanParseLiteral(value):
                Problems.Add((InputProblem.InvalidValue(path, type), value));
                return;
        }
    }

    private void CheckObject(GraphQLObjectValue value, IInputObjectGraphType type, string path)
    {
        var given = new HashSet<string>(StringComparer.Ordinal);
        foreach (var field in value.Fields ?? [])
        {
            var name = field.Name.StringValue;
            given.Add(name);
            if (type.GetField(field.Name) is { } definition)
            {
                CheckValue(field.Value, definition.ResolvedType, InputProblem.Join(path, name));
            }
            else
            {
                Problems.Add((InputProblem.UnknownField(path, name, type), field));
            }
        }

        foreach (var missing in type.Fields.Where(f => f.ResolvedType is NonNullGraphType && f.DefaultValue is null && !given.Contains(f.Name)))
        {
            Problems.Add((InputProblem.Required(InputProblem.Join(path, missing.Name)), value));
        }
    }
}
