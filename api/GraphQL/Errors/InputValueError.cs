using GraphQL.Validation;
using GraphQLParser;
using GraphQLParser.AST;

namespace Actors.Api.GraphQL.Errors;

/// <summary>
/// A document or variable error rewritten from an <see cref="InputProblem"/>. Still a validation
/// error (the request never executed: 400 under graphql-response+json); the original rule's code is
/// kept, and reported by <see cref="ActorsErrorInfoProvider"/> as the <c>rule</c> parameter.
/// </summary>
internal sealed class InputValueError : ValidationError
{
    public InputValueError(ROM source, string? rule, InputProblem problem, ASTNode? node)
        : base(source, null, problem.Message, node is null ? [] : [node])
    {
        Code = rule;
        foreach (var (key, value) in problem.Parameters)
        {
            Data[key] = value;
        }
    }
}
