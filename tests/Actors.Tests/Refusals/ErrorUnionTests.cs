using Actors.Api.GraphQL.Errors;
using Actors.Tests.Infrastructure;
using GraphQL.Types;
using Microsoft.Extensions.DependencyInjection;

namespace Actors.Tests.Refusals;

/// <summary>
/// Each mutation's error union, in the schema the API serves, is exactly the refusals its operation
/// declares; and every mutation with an error union is a declared operation. With the grains refusing
/// only through their operations (<see cref="UndeclaredRefusalTests"/>), a refusal a grain can raise
/// is always a member of its mutation's union.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class ErrorUnionTests(ApiFactory api)
{
    /// <summary>Operations that no mutation exposes (yet), each with why.</summary>
    private static readonly HashSet<string> WithoutMutation = new(StringComparer.Ordinal)
    {
        "openFund", // the fund of a year is opened by seeding; no mutation yet
    };

    private Dictionary<string, IReadOnlyList<string>> Unions()
    {
        var schema = api.Services.GetRequiredService<ISchema>();
        schema.Initialize();
        var unions = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var field in schema.Mutation!.Fields)
        {
            if (Unwrap(field.ResolvedType!) is IComplexGraphType payload && payload.GetField("errors") is { } errors
                && Unwrap(errors.ResolvedType!) is UnionGraphType union)
            {
                unions[field.Name] = union.PossibleTypes.Select(t => ((DomainErrorType)t).Code).ToList();
            }
        }

        return unions;
    }

    private static IGraphType Unwrap(IGraphType type) => type is IProvideResolvedType wrapper ? Unwrap(wrapper.ResolvedType!) : type;

    [Fact]
    public void Each_mutations_error_union_is_exactly_what_its_operation_declares()
    {
        var unions = Unions();
        Assert.NotEmpty(DeclaredOperations.All);
        foreach (var operation in DeclaredOperations.All)
        {
            if (!unions.TryGetValue(operation.Name, out var members))
            {
                Assert.True(WithoutMutation.Contains(operation.Name), $"{operation.Name} is declared but no mutation has its error union.");
                continue;
            }

            Assert.True(members.Order(StringComparer.Ordinal).SequenceEqual(operation.Refusals.Order(StringComparer.Ordinal)),
                $"{operation.Name}: union [{string.Join(", ", members)}], declared [{string.Join(", ", operation.Refusals)}].");
        }
    }

    [Fact]
    public void Every_mutation_with_an_error_union_is_a_declared_operation()
    {
        var declared = DeclaredOperations.All.Select(o => o.Name).ToHashSet(StringComparer.Ordinal);
        var undeclared = Unions().Keys.Where(name => !declared.Contains(name)).Order(StringComparer.Ordinal).ToList();
        Assert.True(undeclared.Count == 0, $"Mutations whose union no operation declares: {string.Join(", ", undeclared)}.");
    }
}
