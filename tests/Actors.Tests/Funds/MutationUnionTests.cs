using Actors.Api.GraphQL.Errors;
using Actors.Contracts.Centers;
using Actors.Contracts.Errors;
using Actors.Contracts.Funds;
using Actors.Tests.Infrastructure;
using GraphQL.Types;
using Microsoft.Extensions.DependencyInjection;

namespace Actors.Tests.Funds;

/// <summary>Each fund and center mutation's error union is exactly the refusals its operation declares.</summary>
[Collection(ApiCollection.Name)]
public sealed class MutationUnionTests(ApiFactory api)
{
    public static TheoryData<string> Operations()
    {
        var names = new TheoryData<string>();
        foreach (var operation in CenterOperations.All.Concat(FundOperations.All).Where(o => o != FundOperations.OpenFund))
        {
            names.Add(operation.Name);
        }

        return names;
    }

    [Theory]
    [MemberData(nameof(Operations))]
    public void The_union_is_the_declared_refusals(string name)
    {
        var operation = CenterOperations.All.Concat(FundOperations.All).Single(o => o.Name == name);
        var schema = api.Services.GetRequiredService<ISchema>();
        var union = (UnionGraphType)schema.AllTypes[char.ToUpperInvariant(name[0]) + name[1..] + "Error"]!;
        Assert.Equal(operation.Refusals.Order(), union.PossibleTypes.Cast<DomainErrorType>().Select(t => t.Code).Order());
        Assert.All(operation.Refusals, code => Assert.True(RefusalCatalogue.Contains(code)));
    }
}
