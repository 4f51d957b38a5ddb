using GraphQLParser.AST;

namespace Actors.Api.Security;

/// <summary>
/// What a document holds as written: one pass over the syntax tree, each node visited once, so the
/// count costs time linear in the text whatever the fragments expand to.
/// </summary>
internal sealed class DocumentShape
{
    public int Selections { get; private set; }

    public int Aliases { get; private set; }

    public int Directives { get; private set; }

    public int Fragments { get; private set; }

    public int Variables { get; private set; }

    public static DocumentShape Of(GraphQLDocument document)
    {
        var shape = new DocumentShape();
        foreach (var definition in document.Definitions)
        {
            switch (definition)
            {
                case GraphQLOperationDefinition operation:
                    shape.Directives += operation.Directives?.Items.Count ?? 0;
                    foreach (var variable in operation.Variables?.Items ?? [])
                    {
                        shape.Variables++;
                        shape.Directives += variable.Directives?.Items.Count ?? 0;
                    }

                    shape.Count(operation.SelectionSet);
                    break;
                case GraphQLFragmentDefinition fragment:
                    shape.Fragments++;
                    shape.Directives += fragment.Directives?.Items.Count ?? 0;
                    shape.Count(fragment.SelectionSet);
                    break;
            }
        }

        return shape;
    }

    private void Count(GraphQLSelectionSet? set)
    {
        foreach (var selection in set?.Selections ?? [])
        {
            Selections++;
            switch (selection)
            {
                case GraphQLField field:
                    Aliases += field.Alias is null ? 0 : 1;
                    Directives += field.Directives?.Items.Count ?? 0;
                    Count(field.SelectionSet);
                    break;
                case GraphQLFragmentSpread spread:
                    Directives += spread.Directives?.Items.Count ?? 0;
                    break;
                case GraphQLInlineFragment inline:
                    Directives += inline.Directives?.Items.Count ?? 0;
                    Count(inline.SelectionSet);
                    break;
            }
        }
    }
}
